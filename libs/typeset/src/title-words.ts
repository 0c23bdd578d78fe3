import { Segmenter } from '@dsyb/search';

/**
 * Titles are broken between words, never inside one ("…规范化建 / 设工作" must not happen).
 * Chinese has no spaces, so the words come from jieba's segmentation; the template prints each
 * word unbreakable and balances a two-line title (`title-text` in typst-template.ts).
 */

/** Loaded on first use: the dictionary takes about half a second to read. */
let segmenter: Segmenter | undefined;

/** Marks that belong to the word after them: never at the end of a line (clreq). */
const OPENING = new Set([...'（《〈「『【〔〖［｛“‘(']);
/** Marks that belong to the word before them: never at the start of a line (clreq). */
const CLOSING = new Set([...'，。、；：？！）》〉」』】〕〗］｝”’),.;:?!…—·']);

/**
 * A title as the words it may be broken between: jieba's words, with punctuation kept with
 * its neighbour (opening marks with the next word, closing ones with the previous), so that
 * joining the words gives the title back exactly.
 */
export function titleWords(title: string): string[] {
  if (title === '') return [];
  const words: string[] = [];
  let pendingOpening = '';
  // With HMM on, words missing from the dictionary (people's names: 陈传建) are found too.
  for (const token of (segmenter ??= new Segmenter()).cut(title)) {
    if ([...token].every((ch) => OPENING.has(ch))) {
      pendingOpening += token;
    } else if ([...token].every((ch) => CLOSING.has(ch)) && words.length > 0 && pendingOpening === '') {
      words[words.length - 1] += token;
    } else {
      words.push(pendingOpening + token);
      pendingOpening = '';
    }
  }
  if (pendingOpening !== '') words.push(pendingOpening);
  return words;
}
