import { isOneOf, PAGE_NUMBERINGS, RENDITION_KINDS, type PageNumbering, type RenditionKind } from '@dsyb/contracts';
import { formatBeijingTimestamp, parseIsoDate, type CalendarDate } from './chinese-dates';
import { cleanInline } from './clean-text';
import { titleWords } from './title-words';
import { TypesetError } from './typeset-error';

/**
 * Checks of the snapshot fields every document of entries has (the monthly issue, the annual
 * volume). A snapshot is untrusted input: each field is checked, cleaned for print, and a
 * missing or malformed one is a TypesetError naming it in Chinese.
 */

export function requireText(value: unknown, what: string): string {
  if (typeof value !== 'string' || cleanInline(value) === '') throw new TypesetError(`${what}不能为空`);
  return cleanInline(value);
}

export function optionalText(value: unknown, what: string): string {
  if (value === undefined || value === null) return '';
  if (typeof value !== 'string') throw new TypesetError(`${what}不是文本`);
  return cleanInline(value);
}

export function requireArray<T>(value: readonly T[] | undefined, what: string): readonly T[] {
  if (!Array.isArray(value)) throw new TypesetError(`${what}不是列表`);
  return value;
}

export function requireDate(value: unknown, what: string): CalendarDate {
  const date = parseIsoDate(String(value));
  if (!date) throw new TypesetError(`${what}无效：${String(value)}`);
  return date;
}

export function requireYear(value: unknown): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1000 || value > 9999) throw new TypesetError(`年份无效：${String(value)}`);
  return value;
}

export function checkKind(kind: unknown): RenditionKind {
  if (!isOneOf(RENDITION_KINDS, kind)) throw new TypesetError(`版本类型无效：${String(kind)}`);
  return kind;
}

/**
 * The masthead's page numbering (PAGE_NUMBERINGS). A snapshot taken before the office could
 * choose (no pageNumbering) was printed with the body numbered from 1, and keeps that;
 * snapshots read from the database always carry the setting.
 */
export function pageNumbering(value: unknown): PageNumbering {
  if (value === undefined || value === null) return 'from-body';
  if (!isOneOf(PAGE_NUMBERINGS, value)) throw new TypesetError(`页码编排方式无效：${String(value)}`);
  return value;
}

/** Only on proofs: when the proof was requested, for the 校样 mark. */
export function proofMark(kind: RenditionKind, renderedAt: unknown): { renderedAt: string } | null {
  if (kind !== 'proof') return null;
  const when = formatBeijingTimestamp(String(renderedAt));
  if (!when) throw new TypesetError(`排版时间无效：${String(renderedAt)}`);
  return { renderedAt: when };
}

/** Each title as the words it may be broken between (title-words.ts), by title, for the template's `title-text`. */
export function titleWordsOf(titles: Iterable<unknown>): Record<string, string[]> {
  const words = new Map<string, string[]>();
  for (const title of titles) if (typeof title === 'string' && !words.has(title)) words.set(title, titleWords(title));
  return Object.fromEntries(words);
}
