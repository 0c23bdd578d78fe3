/**
 * The district dictionary (检索词典): words the segmenter keeps whole (people's and places'
 * names, units, terms), so that searching for them finds them. What a word may be is what the
 * database allows (search_terms_word_check): 2–30 characters, no whitespace.
 */
export const SEARCH_TERM_KINDS = ['person', 'place', 'organisation', 'term'] as const;
export type SearchTermKind = (typeof SEARCH_TERM_KINDS)[number];

export interface SearchTerm {
  id: string;
  word: string;
  kind: SearchTermKind;
  note: string | null;
  createdAt: string;
  updatedAt?: string;
  /** On a write's answer: how many documents were segmented again with the new word. */
  reindexed?: number;
}

export const searchTermKindChoices = SEARCH_TERM_KINDS.map(kind => ({ id: kind, name: `resources.search-terms.kinds.${kind}` }));

export const MIN_WORD_LENGTH = 2;
export const MAX_WORD_LENGTH = 30;

/** Characters as a person counts them: 𠀀 is one, not two UTF-16 units. */
const characters = (text: string) => [...text].length;

/**
 * What is wrong with a word, as a translation key, or undefined when it may be saved. The
 * word is trimmed first (the form saves it trimmed); an empty one is left to `required()`.
 */
export function searchTermWordError(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const word = value.trim();
  if (word === '') return undefined;
  if (/\s/u.test(word)) return 'app.search_terms.word_spaces';
  const length = characters(word);
  if (length < MIN_WORD_LENGTH || length > MAX_WORD_LENGTH) return 'app.search_terms.word_length';
  return undefined;
}

/** The number of documents segmented again, from a write's answer (0 when it does not say). */
export function reindexedCount(saved: unknown): number {
  const value = (saved as { reindexed?: unknown } | null | undefined)?.reindexed;
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 ? value : 0;
}
