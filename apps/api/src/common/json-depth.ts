import type { IncomingMessage, ServerResponse } from 'node:http';

/** No request the admin sends nests deeper than a dozen levels (an entry's credits are three). */
export const MAX_JSON_DEPTH = 64;

const OPEN_OBJECT = 0x7b; // {
const OPEN_ARRAY = 0x5b; // [
const CLOSE_OBJECT = 0x7d; // }
const CLOSE_ARRAY = 0x5d; // ]
const QUOTE = 0x22; // "
const BACKSLASH = 0x5c; // \

/** The body-parser error type of a RefusedBodyError, whose message is written for the client. */
export const REFUSED_BODY = 'entity.refused';

/**
 * A body refused before it is parsed. body-parser answers what its `verify` hook throws with the
 * error's own `status`, or 403 when it has none; Nest then hands it to the error filter as an
 * HttpException with this message.
 */
export class RefusedBodyError extends Error {
  readonly status = 400;
  readonly type = REFUSED_BODY;
}

/**
 * Whether JSON text nests objects and arrays deeper than `max`, found by one pass over the
 * characters (brackets inside strings do not count). It does not check that the text is JSON:
 * JSON.parse does that afterwards, on text it can no longer recurse too deep into.
 */
export function nestsDeeperThan(text: Uint8Array | string, max: number): boolean {
  const at = typeof text === 'string' ? (index: number) => text.charCodeAt(index) : (index: number) => text[index]!;
  let depth = 0;
  let inString = false;
  for (let index = 0; index < text.length; index += 1) {
    const code = at(index);
    if (inString) {
      if (code === BACKSLASH) index += 1;
      else if (code === QUOTE) inString = false;
    } else if (code === QUOTE) {
      inString = true;
    } else if (code === OPEN_OBJECT || code === OPEN_ARRAY) {
      depth += 1;
      if (depth > max) return true;
    } else if (code === CLOSE_OBJECT || code === CLOSE_ARRAY) {
      depth -= 1;
    }
  }
  return false;
}

/**
 * The JSON body parser's `verify` hook: refuses a body nested deeper than MAX_JSON_DEPTH before
 * it is parsed, so that neither JSON.parse nor the validation after it recurses through it
 * (5,000 levels cost a stack overflow and its trace in the log; a million, seconds of CPU).
 * UTF-8 is scanned as bytes (no byte of a multi-byte character is ASCII); the UTF-16 the parser
 * also accepts is decoded first.
 */
export function refuseDeeplyNestedJson(_request: IncomingMessage, _response: ServerResponse, body: Buffer, encoding: string): void {
  let text: Uint8Array | string = body;
  if (encoding && encoding.toLowerCase() !== 'utf-8') {
    try {
      text = new TextDecoder(encoding, { fatal: true }).decode(body);
    } catch {
      throw new RefusedBodyError('请求内容应使用 UTF-8 编码');
    }
  }
  if (nestsDeeperThan(text, MAX_JSON_DEPTH)) throw new RefusedBodyError(`请求内容嵌套过深：对象和数组最多嵌套 ${MAX_JSON_DEPTH} 层`);
}
