import { FUNCTION_CHARACTERS, quoteLexeme } from './document-vector';
import { isHan, isWordlike, normalizeForSearch, type Segmenter } from './segmenter';

/**
 * What a user types in a search box, as conditions on a document's tsvector and text.
 *
 * - Several words: all must match (双创 开园). A run without spaces is cut into words the
 *   way documents are, and all of those must match too (芝麻街开园).
 * - "A quoted phrase" (ASCII or Chinese quotes): its words in this order, next to each other.
 * - -word or -"phrase": documents with it are left out.
 * - Everything else is plain text: tsquery operators (& | ! ( ) : * <->) are punctuation here,
 *   never syntax, because every lexeme is quoted when the tsquery is built.
 *
 * Each clause matches through the tsvector (GIN) or through the text itself (`ILIKE`, served by
 * a pg_trgm index; three characters or more, which is what a trigram index can serve):
 * - a name jieba did not know, which a document may have cut differently, by its own text;
 * - every word of a run cut into several words (芝麻街开园, 淼焱垚鑫犇) also by the whole run: in a
 *   document the run's neighbours can change the cut (了淼/焱垚 after 研究了), so the run's
 *   words are not all there though the run is. (word₁ ∨ run) ∧ (word₂ ∨ run) is
 *   (word₁ ∧ word₂) ∨ run, so the clauses stay a flat list of ANDs.
 */

export const MAX_QUERY_LENGTH = 200;

export class SearchQueryError extends Error {}

export interface SearchClause {
  /** A tsquery in PostgreSQL's input syntax, every lexeme quoted. */
  tsquery: string;
  /** ILIKE patterns for the trigram fallback: the clause also matches a text holding any of them. */
  patterns: string[];
  /** A quoted phrase: its words in order (the tsquery has distance operators). */
  phrase: boolean;
}

export interface SearchTerm {
  /** What the user typed for this term, normalised. */
  text: string;
  phrase: boolean;
  negated: boolean;
  /** The words to find (and to highlight). */
  words: string[];
  /** All must match. */
  clauses: SearchClause[];
}

export interface ParsedQuery {
  terms: SearchTerm[];
  /** The clauses of the terms that must match. */
  required: SearchClause[];
  /** Terms whose every clause must not all match. */
  excluded: SearchClause[][];
  /** The tsquery ranking uses: any of the wanted words. */
  rankQuery: string;
  /** Words and phrases to mark in titles and snippets. */
  highlights: string[];
}

/** The shortest text a trigram index can look up. */
const TRIGRAM_MIN_LENGTH = 3;

const escapeLike = (text: string) => text.replace(/[\\%_]/g, (ch) => `\\${ch}`);
const likePattern = (text: string) => `%${escapeLike(text)}%`;

interface RawTerm {
  text: string;
  phrase: boolean;
  negated: boolean;
}

const QUOTES: Record<string, string> = { '"': '"', '“': '”', '”': '“', '「': '」', '『': '』', '＂': '＂' };

/** Splits the query into terms: spaces separate, quotes group, a leading - excludes. */
function splitTerms(query: string): RawTerm[] {
  const terms: RawTerm[] = [];
  const chars = [...query];
  let index = 0;
  while (index < chars.length) {
    while (index < chars.length && /\s/u.test(chars[index]!)) index += 1;
    if (index >= chars.length) break;
    let negated = false;
    if ((chars[index] === '-' || chars[index] === '－') && index + 1 < chars.length && !/\s/u.test(chars[index + 1]!)) {
      negated = true;
      index += 1;
    }
    const close = QUOTES[chars[index]!];
    if (close !== undefined) {
      const start = index + 1;
      let end = start;
      while (end < chars.length && chars[end] !== close && !(close === '”' && chars[end] === '"')) end += 1;
      // An unpaired quote runs to the end of the query.
      terms.push({ text: chars.slice(start, end).join(''), phrase: true, negated });
      index = end + 1;
      continue;
    }
    const start = index;
    while (index < chars.length && !/\s/u.test(chars[index]!) && QUOTES[chars[index]!] === undefined) index += 1;
    terms.push({ text: chars.slice(start, index).join(''), phrase: false, negated });
  }
  return terms;
}

/**
 * The words of a term, cut as documents are. A single character jieba leaves alone next to
 * another one is taken as the pair documents index for it (河长 cut 河/长 is looked up as 河长).
 */
function termWords(text: string, segmenter: Segmenter): { word: string; known: boolean; position: number }[] {
  const tokens = segmenter.tag(text).filter((token) => isWordlike(token.word));
  const words: { word: string; known: boolean; position: number }[] = [];
  // Paired the way documents pair a lone character (document-vector.ts); function words (的, 在 …)
  // are not indexed, so they are not looked for either, but they keep their place in a phrase.
  const han = (word: string | undefined) => word !== undefined && isHan(word);
  const single = (word: string | undefined) => han(word) && [...word!].length === 1 && !FUNCTION_CHARACTERS.has(word!);
  for (let index = 0; index < tokens.length; index += 1) {
    const { word, tag } = tokens[index]!;
    if (FUNCTION_CHARACTERS.has(word)) continue;
    if (!single(word)) {
      words.push({ word, known: tag !== 'x', position: index });
      continue;
    }
    const next = tokens[index + 1]?.word;
    const previous = tokens[index - 1]?.word;
    if (single(next)) {
      words.push({ word: word + next, known: true, position: index });
      index += 1;
    } else if (han(next)) words.push({ word: word + [...next!][0]!, known: true, position: index });
    else if (han(previous)) words.push({ word: [...previous!].pop()! + word, known: true, position: index });
    else words.push({ word, known: true, position: index });
  }
  return words;
}

/** A phrase's words in order at their distances (`<->` next to each other, `<2>` one function word apart). */
function phraseTsquery(words: readonly { word: string; position: number }[]): string {
  return words.map(({ word, position }, index) => {
    if (index === 0) return quoteLexeme(word);
    const distance = position - words[index - 1]!.position;
    return `${distance === 1 ? '<->' : `<${distance}>`} ${quoteLexeme(word)}`;
  }).join(' ');
}

export function parseSearchQuery(raw: string, segmenter: Segmenter): ParsedQuery {
  const query = normalizeForSearch(raw ?? '').trim();
  if ([...query].length > MAX_QUERY_LENGTH) throw new SearchQueryError(`搜索词过长：最多 ${MAX_QUERY_LENGTH} 个字，请缩短后再搜索。`);
  const terms: SearchTerm[] = [];
  for (const rawTerm of splitTerms(query)) {
    const words = termWords(rawTerm.text, segmenter);
    if (words.length === 0) continue;
    const compact = rawTerm.text.trim();
    const trigrams = (text: string) => [...text].length >= TRIGRAM_MIN_LENGTH;
    const wholeRun = trigrams(compact) ? [likePattern(compact)] : [];
    const clauses: SearchClause[] = rawTerm.phrase
      ? [{ tsquery: phraseTsquery(words), phrase: true, patterns: wholeRun }]
      : words.map(({ word, known }) => {
        const own = !known && trigrams(word) ? [likePattern(word)] : [];
        // A run that is one known word needs no fallback: its documents hold that word.
        const run = words.length > 1 || !known ? wholeRun : [];
        return { tsquery: quoteLexeme(word), phrase: false, patterns: [...new Set([...own, ...run])] };
      });
    terms.push({ text: compact, phrase: rawTerm.phrase, negated: rawTerm.negated, words: [...new Set(words.map(({ word }) => word))], clauses });
  }
  const wanted = terms.filter((term) => !term.negated);
  const rankWords = [...new Set(wanted.flatMap((term) => term.words))];
  return {
    terms,
    required: wanted.flatMap((term) => term.clauses),
    excluded: terms.filter((term) => term.negated).map((term) => term.clauses),
    rankQuery: rankWords.map(quoteLexeme).join(' | '),
    highlights: [...new Set(wanted.flatMap((term) => [term.text, ...term.words]))],
  };
}
