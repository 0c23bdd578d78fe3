import { INDEX_TERM_KIND_LABELS, INDEX_TERM_KINDS, type IndexTermKind, type IndexTermSnapshot } from '@dsyb/domain';
import { isOneOf } from '@dsyb/contracts';
import type { TypesetRun } from './body-blocks';
import { requireArray, requireText } from './snapshot-fields';
import { TypesetError } from './typeset-error';

/**
 * The index (索引) of the annual volume, as Chinese local-chronicle indexes are made: terms
 * grouped by kind (人名 / 地名 / 机构名), within a kind under the initial letter of their pinyin
 * (A, B, C…), in pinyin order character by character (syllable, then tone, then the character,
 * so that all names of one surname stand together); a person's surname is read as a surname
 * (曾 zēng, 单 shàn, 仇 qiú). Terms starting with anything but a Chinese character or a Latin
 * letter (digits, signs) come last, under 其他.
 *
 * The page numbers are not known here: each occurrence of a term in the text is marked with the
 * term's number (`TypesetRun.term`, the figure's `terms`), and the template looks up the pages
 * those marks were printed on.
 */

export interface IndexTerm {
  /** Its number: what the marks in the text carry. */
  id: number;
  term: string;
  kind: IndexTermKind;
  /** Every wording counted as this term, cleaned, the heading included. */
  forms: string[];
  /** Its heading in the index: the initial of its pinyin, "X", or OTHER_LETTER. */
  letter: string;
}

/** The index as the template prints it: kinds, letters, terms (with their numbers). */
export interface TypesetIndexGroup {
  /** e.g. "人名索引" */
  heading: string;
  letters: Array<{ letter: string; terms: Array<{ id: number; term: string }> }>;
}

/** The heading of terms that start with neither a Chinese character nor a Latin letter. */
export const OTHER_LETTER = '其他';

/** Checks the snapshot's terms and numbers them in print order (kind, then pinyin). */
export function prepareIndexTerms(input: readonly IndexTermSnapshot[] | undefined): IndexTerm[] {
  const terms = requireArray(input, '索引').map((raw, i) => {
    const term = requireText(raw?.term, `第${i + 1}个索引词`);
    const kind = raw.kind;
    if (!isOneOf(INDEX_TERM_KINDS, kind)) throw new TypesetError(`索引词“${term}”的类别无效：${String(kind)}`);
    const forms = requireArray(raw.forms, `索引词“${term}”的写法`).map((form) => requireText(form, `索引词“${term}”的写法`));
    const key = sortKey(term, kind);
    return { id: 0, term, kind, forms: [...new Set([term, ...forms])], letter: letterOf(key), key };
  });
  const rank = (term: { kind: IndexTermKind; letter: string }): number => INDEX_TERM_KINDS.indexOf(term.kind) * 2 + (term.letter === OTHER_LETTER ? 1 : 0);
  terms.sort((a, b) => rank(a) - rank(b) || compareKeys(a.key, b.key));
  return terms.map(({ key: _key, ...term }, id) => ({ ...term, id }));
}

/** The terms (in print order) under their kind and letter headings. */
export function indexGroups(terms: readonly IndexTerm[]): TypesetIndexGroup[] {
  const groups: TypesetIndexGroup[] = [];
  for (const term of terms) {
    const heading = `${INDEX_TERM_KIND_LABELS[term.kind]}索引`;
    if (groups.at(-1)?.heading !== heading) groups.push({ heading, letters: [] });
    const { letters } = groups[groups.length - 1];
    const { letter } = term;
    if (letters.at(-1)?.letter !== letter) letters.push({ letter, terms: [] });
    letters[letters.length - 1].terms.push({ id: term.id, term: term.term });
  }
  return groups;
}

/* ---------- pinyin ---------- */

/** One character of a term as it sorts: its syllable (or the character lower-cased), tone, the character. */
type SortKey = Array<{ letters: string; tone: number; char: string }>;

type Pinyin = typeof import('pinyin-pro').pinyin;
let pinyinOf: Pinyin | undefined;

/**
 * pinyin-pro's dictionary (1 MB of JavaScript) is loaded on the first index, not with the
 * library: the typesetting thread that prints monthly issues never needs it.
 */
function pinyin(): Pinyin {
  pinyinOf ??= (require('pinyin-pro') as typeof import('pinyin-pro')).pinyin;
  return pinyinOf;
}

function syllables(text: string, kind: IndexTermKind): string[] {
  // `v` writes ü as v (lü → lv), which sorts it after u as dictionaries do.
  return pinyin()(text, { type: 'array', toneType: 'num', v: true, surname: kind === 'person' ? 'head' : 'off' });
}

function sortKey(term: string, kind: IndexTermKind): SortKey {
  const chars = [...term];
  const readings = syllables(term, kind);
  // One syllable per character when the text is all Chinese; otherwise each character is read alone.
  const perChar = readings.length === chars.length ? readings : chars.map((char) => syllables(char, kind)[0] ?? char);
  return chars.map((char, i) => {
    const match = /^([a-zü]+)([0-4])$/.exec(perChar[i]);
    return match ? { letters: match[1], tone: Number(match[2]), char } : { letters: char.toLowerCase(), tone: 0, char };
  });
}

function compareKeys(a: SortKey, b: SortKey): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    const x = a[i];
    const y = b[i];
    if (x.letters !== y.letters) return x.letters < y.letters ? -1 : 1;
    if (x.tone !== y.tone) return x.tone - y.tone;
    if (x.char !== y.char) return x.char < y.char ? -1 : 1;
  }
  return a.length - b.length;
}

/** "X" for 徐立毅, "Z" for 曾庆 (a surname), OTHER_LETTER for 5G基站. */
function letterOf(key: SortKey): string {
  const first = key[0]?.letters[0] ?? '';
  return /^[a-z]$/.test(first) ? first.toUpperCase() : OTHER_LETTER;
}

/* ---------- occurrences ---------- */

/**
 * Finds the terms' forms in text: at each position the longest form that starts there, and the
 * search goes on after it (no overlapping matches). A form that two terms share counts for the
 * first in print order (reported by `sharedForms`).
 */
export class IndexMatcher {
  /** Forms by their first character, longest first. */
  private readonly byFirst = new Map<string, Array<{ form: string; id: number }>>();
  /** Terms found at least once. */
  readonly found = new Set<number>();
  /** Forms claimed by more than one term: the form, the term that keeps it, the other. */
  readonly sharedForms: Array<{ form: string; kept: string; other: string }> = [];

  constructor(terms: readonly IndexTerm[]) {
    const owner = new Map<string, IndexTerm>();
    for (const term of terms) {
      for (const form of term.forms) {
        const kept = owner.get(form);
        if (kept) {
          if (kept !== term) this.sharedForms.push({ form, kept: kept.term, other: term.term });
          continue;
        }
        owner.set(form, term);
        const first = form[0];
        const list = this.byFirst.get(first) ?? [];
        list.push({ form, id: term.id });
        this.byFirst.set(first, list);
      }
    }
    for (const list of this.byFirst.values()) list.sort((a, b) => b.form.length - a.form.length);
  }

  /** The occurrences in `text`: where each starts (UTF-16 offset) and whose term it is. */
  occurrences(text: string): Array<{ at: number; id: number }> {
    const found: Array<{ at: number; id: number }> = [];
    if (this.byFirst.size === 0) return found;
    for (let at = 0; at < text.length; ) {
      const hit = this.byFirst.get(text[at])?.find(({ form }) => text.startsWith(form, at));
      if (!hit) {
        at += 1;
        continue;
      }
      found.push({ at, id: hit.id });
      this.found.add(hit.id);
      at += hit.form.length;
    }
    return found;
  }

  /** The terms named in `text` (a title, a caption), once per occurrence. */
  termsIn(text: string): number[] {
    return this.occurrences(text).map(({ id }) => id);
  }

  /**
   * A line of runs with each occurrence starting a run of its own that carries the term's
   * number. Matched across runs (a name half bold is still found), so the mark goes where the
   * name starts.
   */
  markRuns(runs: readonly TypesetRun[]): TypesetRun[] {
    const starts = new Map(this.occurrences(runs.map((run) => run.text).join('')).map(({ at, id }) => [at, id]));
    if (starts.size === 0) return [...runs];
    const marked: TypesetRun[] = [];
    let offset = 0;
    for (const run of runs) {
      const cuts = [...starts.keys()].filter((at) => at >= offset && at < offset + run.text.length).map((at) => at - offset);
      const bounds = [0, ...cuts.filter((cut) => cut > 0), run.text.length];
      for (let i = 0; i + 1 < bounds.length; i++) {
        const piece: TypesetRun = { ...run, text: run.text.slice(bounds[i], bounds[i + 1]) };
        const term = starts.get(offset + bounds[i]);
        if (term !== undefined) piece.term = term;
        // Only the run's start follows its zero-width box (body-blocks.ts punctuationStretches).
        if (i > 0) delete piece.restart;
        marked.push(piece);
      }
      offset += run.text.length;
    }
    return marked;
  }
}
