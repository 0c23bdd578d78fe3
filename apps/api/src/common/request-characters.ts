import { invalid } from './domain-errors';

/**
 * Characters no text the API stores may hold: PostgreSQL's text cannot store NUL (U+0000), a
 * lone UTF-16 surrogate is not a character at all (it cannot be written as UTF-8), and the other
 * C0 controls print as nothing or break the typesetter. Tab, line feed and carriage return stay.
 */
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F]/;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Deeper than any request the admin sends; the JSON body parser refuses more nesting before this pipe runs. */
const MAX_WALK_DEPTH = 100;

export interface ForbiddenCharacter {
  /** Where it is: `username`, `contributors.0.role`, or '' for the value itself. */
  path: string;
  /** "U+0000" */
  codePoint: string;
  kind: 'control' | 'surrogate';
}

function inText(text: string, path: string): ForbiddenCharacter | undefined {
  const control = CONTROL.exec(text);
  if (control) return { path, codePoint: codePointOf(control[0]), kind: 'control' };
  const surrogate = LONE_SURROGATE.exec(text);
  return surrogate ? { path, codePoint: codePointOf(surrogate[0]), kind: 'surrogate' } : undefined;
}

function codePointOf(character: string): string {
  return `U+${character.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;
}

const isPlainObject = (value: object): value is Record<string, unknown> => {
  const prototype: unknown = Object.getPrototypeOf(value);
  // Multer's and the query parser's objects have no prototype.
  return prototype === Object.prototype || prototype === null;
};

/** `contributors.0.role`, as the validation pipe names nested fields. */
const join = (path: string, key: string | number) => (path ? `${path}.${key}` : String(key));

/**
 * The first forbidden character in a string, or in the strings and keys of the plain objects and
 * arrays under it (not in buffers or class instances: an uploaded file's bytes are the file's).
 */
export function findForbiddenCharacter(value: unknown, path = '', depth = 0): ForbiddenCharacter | undefined {
  if (typeof value === 'string') return inText(value, path);
  if (typeof value !== 'object' || value === null || depth > MAX_WALK_DEPTH) return undefined;
  if (Array.isArray(value)) {
    for (const [index, item] of value.entries()) {
      const found = findForbiddenCharacter(item, join(path, index), depth + 1);
      if (found) return found;
    }
    return undefined;
  }
  if (!isPlainObject(value)) return undefined;
  for (const [key, item] of Object.entries(value)) {
    const found = inText(key, join(path, key)) ?? findForbiddenCharacter(item, join(path, key), depth + 1);
    if (found) return found;
  }
  return undefined;
}

/** "字段 username 含有不允许的控制字符（U+0000，空字符）" */
export function describeForbiddenCharacter(found: ForbiddenCharacter, label = '字段'): string {
  const where = found.path ? `${label} ${found.path}` : '请求内容';
  return found.kind === 'control'
    ? `${where} 含有不允许的控制字符（${found.codePoint}${found.codePoint === 'U+0000' ? '，空字符' : ''}）`
    : `${where} 含有无效的字符（不成对的代理项 ${found.codePoint}），请重新输入该处文字`;
}

/** Throws the 400 naming the field when `value` holds a forbidden character. */
export function refuseForbiddenCharacters(value: unknown, path = '', label = '字段'): void {
  const found = findForbiddenCharacter(value, path);
  if (found) throw invalid(describeForbiddenCharacter(found, label));
}
