import { Jieba } from '@node-rs/jieba';
import { readJiebaDictionary } from './jieba-dictionary';

/**
 * Chinese has no spaces: search finds words because documents and queries are cut into words
 * the same way, by jieba (`@node-rs/jieba`) with its general dictionary, the office's own terms
 * and the district dictionary editors keep in the admin (search_terms: streets, units, people).
 */

/** What a district dictionary word names; the part-of-speech tag jieba gives it follows. */
export type SearchTermKind = 'person' | 'place' | 'organisation' | 'term';

export const SEARCH_TERM_KINDS: readonly SearchTermKind[] = ['person', 'place', 'organisation', 'term'];

const TAG_OF_KIND: Record<SearchTermKind, string> = { person: 'nr', place: 'ns', organisation: 'nt', term: 'n' };

export interface DictionaryWord {
  word: string;
  kind: SearchTermKind;
}

/**
 * Terms of government work that jieba's general dictionary cuts apart ("一网通/办"): a title
 * must not be broken inside them and a search for them must find them whole.
 */
export const OFFICE_TERMS: readonly string[] = ['一网通办', '一次办成', '放管服', '府院联动', '最多跑一次', '河长制', '创文', '双创'];

/**
 * A user-dictionary word's frequency: high enough that jieba keeps the word whole wherever it
 * appears, which is what an editor adding "芝麻街双创园" means.
 */
const USER_WORD_FREQUENCY = 100000;

export interface Token {
  word: string;
  /** jieba's part-of-speech tag; `x` for a word it found with its HMM, in no dictionary. */
  tag: string;
}

/** jieba with the general dictionary, the office terms and the given district words. */
export class Segmenter {
  private readonly jieba: Jieba;

  constructor(readonly words: readonly DictionaryWord[] = []) {
    this.jieba = Jieba.withDict(readJiebaDictionary());
    const lines = [
      ...OFFICE_TERMS.map((term) => `${term} ${USER_WORD_FREQUENCY} n`),
      // jieba's dictionary format is "word frequency tag" per line: a word with a space cannot be one.
      ...words.filter((entry) => !/\s/.test(entry.word)).map((entry) => `${entry.word} ${USER_WORD_FREQUENCY} ${TAG_OF_KIND[entry.kind]}`),
    ];
    this.jieba.loadDict(Buffer.from(lines.join('\n')));
  }

  /** The text's words in order, punctuation and spaces included (joined they give the text back). */
  cut(text: string): string[] {
    return text === '' ? [] : this.jieba.cut(text, true);
  }

  /** As `cut`, with each word's part of speech. */
  tag(text: string): Token[] {
    return text === '' ? [] : this.jieba.tag(text, true).map(({ word, tag }) => ({ word, tag }));
  }
}

/** Search compares text in one form: compatibility forms folded (ＬＥＤ → LED) and lower case. */
export function normalizeForSearch(text: string): string {
  return text.normalize('NFKC').toLowerCase();
}

const WORDLIKE = /[\p{L}\p{N}]/u;

/** A code unit of a Han character: the CJK blocks of the BMP, 〇 and 々, and surrogates of Extensions B–H (planes 2–3). */
function hanUnit(code: number): boolean {
  return (code >= 0x4e00 && code <= 0x9fff) || (code >= 0x3400 && code <= 0x4dbf) || (code >= 0xf900 && code <= 0xfaff)
    || code === 0x3007 || code === 0x3005 || (code >= 0xd840 && code <= 0xd8bf) || (code >= 0xdc00 && code <= 0xdfff);
}

/** Whether a word is Chinese characters only (checked code unit by code unit: this runs for every word indexed). */
export function isHan(word: string): boolean {
  if (word.length === 0) return false;
  for (let index = 0; index < word.length; index += 1) if (!hanUnit(word.charCodeAt(index))) return false;
  return true;
}

/** A token that can be searched for: it has a letter or a digit (not punctuation or space). */
export const isWordlike = (word: string): boolean => isHan(word) || WORDLIKE.test(word);
