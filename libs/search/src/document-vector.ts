import { isHan, isWordlike, normalizeForSearch, type Segmenter } from './segmenter';

/**
 * A document's words as a PostgreSQL `tsvector`, built here because PostgreSQL cannot cut
 * Chinese into words. Each field is one weight: A for the title, B for the body, C for bylines
 * and the source (ts_rank then ranks a title hit above a body hit).
 *
 * Positions count the words, so a quoted phrase ("芝麻街 双创园") matches words that follow
 * each other. Two kinds of extra lexemes, at the position of the word they come from, let a
 * two-character word be found where jieba cut differently:
 * - the two-character pieces of a longer word (河长 in 河长制, 文明 in 文明城市);
 * - for a single character jieba left alone (not a function word such as 的 or 在), the pairs
 *   it makes with its neighbours (双创 in "双/创园"), which is how a word jieba did not know
 *   comes apart.
 * Longer pieces are left to the trigram fallback: every extra lexeme costs index size and time.
 * A longer name that segmentation split is still found through the trigram index (query.ts).
 */

export type Weight = 'A' | 'B' | 'C';

export interface VectorField {
  text: string | null | undefined;
  weight: Weight;
}

/** PostgreSQL's largest position; later words share it. */
const MAX_POSITION = 16383;
/** PostgreSQL keeps at most 256 positions of one lexeme; ranking needs far fewer. */
const MAX_POSITIONS_PER_LEXEME = 64;
/** A lexeme is at most 2 KB in PostgreSQL; longer "words" (a pasted URL) are not searchable anyway. */
const MAX_LEXEME_BYTES = 2046;
/**
 * Characters that stand alone as grammar (的, 和, 在 …): the pairs they make with a neighbour are
 * not words anyone searches for, and would make most of a document's lexemes.
 */
export const FUNCTION_CHARACTERS: ReadonlySet<string> = new Set([...'的了和与及在是对等为将并由也就把被以其之而或但从向到给让使于这那着过都又还更很已所则即如各每该此年月日']);

/** The searchable words of a text with their positions, extra pieces included. */
export function lexemesOf(text: string, segmenter: Segmenter, firstPosition = 1): { lexemes: [string, number][]; nextPosition: number } {
  const lexemes: [string, number][] = [];
  let position = firstPosition;
  eachLexeme(text, segmenter, firstPosition, (lexeme, at) => lexemes.push([lexeme, at]), (next) => (position = next));
  return { lexemes, nextPosition: position };
}

/**
 * Calls `emit` for each lexeme of the text and its position, then `done` with the position the
 * next field starts at. Indexing runs this for every document, so it avoids allocations where
 * it can: characters of a word are taken as code points only for words outside the BMP.
 */
function eachLexeme(text: string, segmenter: Segmenter, firstPosition: number, emit: (lexeme: string, position: number) => void, done: (next: number) => void): void {
  const tokens = segmenter.cut(normalizeForSearch(text));
  const han = tokens.map(isHan);
  let position = firstPosition;
  for (let index = 0; index < tokens.length; index += 1) {
    const token = tokens[index]!;
    if (!han[index] && !isWordlike(token)) continue;
    const at = position < MAX_POSITION ? position : MAX_POSITION;
    // A function word alone (的, 在 …) is not searched for: it takes its place but is not indexed.
    if (token.length === 1 && FUNCTION_CHARACTERS.has(token)) {
      position += 1;
      continue;
    }
    emit(token, at);
    if (han[index]) {
      const chars = token.length === 1 ? [token] : /[\ud800-\udbff]/.test(token) ? [...token] : token.split('');
      if (chars.length >= 3) {
        for (let start = 0; start + 2 <= chars.length; start += 1) emit(chars[start]! + chars[start + 1]!, at);
      } else if (chars.length === 1 && !FUNCTION_CHARACTERS.has(token)) {
        if (han[index - 1]) emit(lastChar(tokens[index - 1]!) + token, at);
        if (han[index + 1]) emit(token + firstChar(tokens[index + 1]!), at);
      }
    }
    position += 1;
  }
  done(position + 1);
}

const firstChar = (word: string) => String.fromCodePoint(word.codePointAt(0)!);
const lastChar = (word: string) => {
  const code = word.charCodeAt(word.length - 1);
  return code >= 0xdc00 && code <= 0xdfff ? word.slice(-2) : word.slice(-1);
};

/** tsvector input syntax: a lexeme in single quotes, quote and backslash escaped. */
export function quoteLexeme(lexeme: string): string {
  if (!lexeme.includes("'") && !lexeme.includes('\\')) return `'${lexeme}'`;
  return `'${lexeme.replace(/\\/g, '\\\\').replace(/'/g, "''")}'`;
}

interface LexemePositions {
  text: string;
  last: number;
  count: number;
}

/** The tsvector (in PostgreSQL's input syntax) of a document's fields. */
export function documentVector(fields: readonly VectorField[], segmenter: Segmenter): string {
  return documentVectors(fields, segmenter).vector;
}

/**
 * The tsvector of a document's fields and, from the same segmentation, the lexemes of its
 * A field (the title) alone without positions: what ranks title hits first.
 */
export function documentVectors(fields: readonly VectorField[], segmenter: Segmenter): { vector: string; titleVector: string } {
  const positions = new Map<string, LexemePositions>();
  const title = new Set<string>();
  let next = 1;
  for (const field of fields) {
    if (!field.text) continue;
    const weight = field.weight;
    const inTitle = weight === 'A';
    eachLexeme(field.text, segmenter, next, (lexeme, position) => {
      if (inTitle) title.add(lexeme);
      const known = positions.get(lexeme);
      if (!known) {
        if (lexeme.length * 3 > MAX_LEXEME_BYTES && Buffer.byteLength(lexeme) > MAX_LEXEME_BYTES) return;
        positions.set(lexeme, { text: `${position}${weight}`, last: position, count: 1 });
      } else if (known.last !== position && known.count < MAX_POSITIONS_PER_LEXEME) {
        // Positions only grow, so a repeat is always the last one seen (a piece met twice in one word).
        known.text += `,${position}${weight}`;
        known.last = position;
        known.count += 1;
      }
    }, (position) => (next = position));
  }
  let vector = '';
  for (const [lexeme, at] of positions) vector += `${vector === '' ? '' : ' '}${quoteLexeme(lexeme)}:${at.text}`;
  let titleVector = '';
  for (const lexeme of title) if (Buffer.byteLength(lexeme) <= MAX_LEXEME_BYTES) titleVector += `${titleVector === '' ? '' : ' '}${quoteLexeme(lexeme)}`;
  return { vector, titleVector };
}

