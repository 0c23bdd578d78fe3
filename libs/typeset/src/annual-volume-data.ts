import type { PageNumbering, RenditionKind } from '@dsyb/contracts';
import type { AnnualEntrySnapshot, AnnualMonthSnapshot, AnnualVolumeSnapshot } from '@dsyb/domain';
import { IssueImages, prepareBlocks, type TypesetBlock } from './body-blocks';
import { formatChineseDate, MONTH_PRECISION_DATE, parseIsoDate, type CalendarDate } from './chinese-dates';
import { cleanInline } from './clean-text';
import { indexGroups, IndexMatcher, prepareIndexTerms, type IndexTerm, type TypesetIndexGroup } from './index-terms';
import { blockTexts, type DocumentText, type PreparedDocument } from './render-document';
import { checkKind, optionalText, pageNumbering, proofMark, requireArray, requireDate, requireText, requireYear, titleWordsOf } from './snapshot-fields';
import { entryTypesetError, TypesetError, type EntryRef } from './typeset-error';
import { resolvePageSettings, type ResolvedPageSettings, type TypesetSettings } from './typeset-settings';

/**
 * The JSON document the annual volume's template reads (annual-volume-template.ts). As for the
 * issue, every user-supplied string travels inside it as data and is printed with text(...).
 */
export interface AnnualVolumeData {
  kind: RenditionKind;
  page: ResolvedPageSettings;
  /** As the issue's: the masthead's setting (snapshot-fields.ts pageNumbering). */
  numbering: PageNumbering;
  document: { title: string; author: string; date: CalendarDate };
  cover: { title: string; year: string; compiler: string; date: string };
  proof: { renderedAt: string } | null;
  months: VolumeMonthData[];
  titleWords: Record<string, string[]>;
  /** null when no term of the index occurs in the text: no 索引 is printed. */
  index: { groups: TypesetIndexGroup[] } | null;
}

export interface VolumeMonthData {
  month: number;
  /** The month heading and its line in the contents: "9月". */
  name: string;
  entries: VolumeEntryData[];
}

export interface VolumeEntryData {
  /** The entry's number in the volume (EntryRef order). */
  index: number;
  /** "9月17日", or MONTH_PRECISION_DATE. */
  date: string;
  title: string;
  /** The index terms its title names (marked on the title's page). */
  titleTerms: number[];
  blocks: TypesetBlock[];
}

export interface PreparedAnnualVolume extends PreparedDocument {
  data: AnnualVolumeData;
}

export function prepareAnnualVolume(snapshot: AnnualVolumeSnapshot, settings?: TypesetSettings): PreparedAnnualVolume {
  const kind = checkKind(snapshot.kind);
  const year = requireYear(snapshot.year);
  const title = requireText(snapshot.title, '大事记名称');
  const compiler = requireText(snapshot.compiler, '编纂单位');
  const date = requireDate(snapshot.publicationDate, '出版日期');
  const terms = prepareIndexTerms(snapshot.index);
  const matcher = new IndexMatcher(terms);
  const images = new IssueImages();
  const notices: string[] = [];
  const entries: EntryRef[] = [];
  const months = prepareMonths(snapshot.months).map(({ month, entries: monthEntries }): VolumeMonthData => ({
    month,
    name: `${month}月`,
    entries: inPrintOrder(monthEntries).map((entry) => {
      const ref: EntryRef = { id: String(entry?.id), title: entry?.title };
      entries.push(ref);
      const body = prepareEntry(entry, { year, month }, entries.length - 1, images);
      notices.push(...body.notices);
      return markIndexTerms(body.entry, matcher);
    }),
  }));
  const bodies = months.flatMap((month) => month.entries);
  notices.push(...indexNotices(terms, matcher));
  const data: AnnualVolumeData = {
    kind,
    page: resolvePageSettings(settings),
    numbering: pageNumbering(snapshot.masthead?.pageNumbering),
    document: { title, author: optionalText(snapshot.masthead?.publisher, '编辑出版单位') || compiler, date },
    cover: { title, year: `${year}年度`, compiler, date: formatChineseDate(date) },
    proof: proofMark(kind, snapshot.renderedAt),
    months,
    titleWords: titleWordsOf(bodies.map((entry) => entry.title)),
    index: printedIndex(terms, matcher),
  };
  return { data, entries, bodies, images: images.files, notices, imagePixels: images.pixels };
}

/** Months with events, each checked; in order, none twice. */
function prepareMonths(input: AnnualVolumeSnapshot['months']): AnnualMonthSnapshot[] {
  let previous = 0;
  return requireArray(input, '月份').filter((month) => {
    const number = month?.month;
    if (!Number.isInteger(number) || number < 1 || number > 12) throw new TypesetError(`月份无效：${String(number)}`);
    if (number <= previous) throw new TypesetError(`月份重复或顺序有误：${number}月`);
    previous = number;
    return requireArray(month.entries, `${number}月的条目`).length > 0;
  });
}

/**
 * The snapshot's order (by date, then the editor's), with the events known to the month only
 * moved to the month's end, where chronicles print them (their order among themselves kept).
 */
function inPrintOrder(entries: readonly AnnualEntrySnapshot[]): AnnualEntrySnapshot[] {
  return [...entries.filter((entry) => entry?.eventDatePrecision !== 'month'), ...entries.filter((entry) => entry?.eventDatePrecision === 'month')];
}

function prepareEntry(
  entry: AnnualEntrySnapshot,
  period: { year: number; month: number },
  index: number,
  images: IssueImages,
): { entry: VolumeEntryData; notices: string[] } {
  const ref: EntryRef = { id: String(entry?.id), title: entry?.title };
  if (typeof entry?.title !== 'string') throw entryTypesetError(ref, '标题不是文本');
  const title = cleanInline(entry.title);
  if (title === '') throw entryTypesetError(ref, '标题为空');
  // A plain-text body is a list of paragraphs: checked and cleaned as paragraph blocks.
  const raw = entry.blocks ?? (Array.isArray(entry.paragraphs) ? entry.paragraphs.map((text) => ({ type: 'paragraph', runs: [{ text }] })) : entry.paragraphs);
  const body = prepareBlocks(raw, { ...ref, photographers: entry.photographers }, images);
  return { entry: { index, date: eventDateLabel(entry, period, ref), title, titleTerms: [], blocks: body.blocks }, notices: body.notices };
}

/** "9月17日", or 是月 for an event known to the month only; the date must lie in the month it is printed under. */
function eventDateLabel(entry: AnnualEntrySnapshot, { year, month }: { year: number; month: number }, ref: EntryRef): string {
  const date = parseIsoDate(String(entry.eventDate));
  if (!date) throw entryTypesetError(ref, `事件日期无效：${String(entry.eventDate)}`);
  if (date.year !== year || date.month !== month) throw entryTypesetError(ref, `事件日期${formatChineseDate(date)}不在${year}年${month}月`);
  if (entry.eventDatePrecision === 'month') return MONTH_PRECISION_DATE;
  if (entry.eventDatePrecision !== 'day') throw entryTypesetError(ref, `日期精度无效：${String(entry.eventDatePrecision)}`);
  return `${date.month}月${date.day}日`;
}

/** Marks every occurrence of an index term in the entry's title, text and captions. */
function markIndexTerms(entry: VolumeEntryData, matcher: IndexMatcher): VolumeEntryData {
  entry.titleTerms = matcher.termsIn(entry.title);
  for (const block of entry.blocks) {
    if (block.type === 'paragraph') block.runs = matcher.markRuns(block.runs);
    else if (block.type === 'list') block.items = block.items.map((item) => item.map((line) => matcher.markRuns(line)));
    else block.terms = matcher.termsIn(block.caption);
  }
  return entry;
}

/** The index as printed: only terms that occur (a term without pages has nothing to point to). */
function printedIndex(terms: readonly IndexTerm[], matcher: IndexMatcher): AnnualVolumeData['index'] {
  const printed = terms.filter((term) => matcher.found.has(term.id));
  return printed.length === 0 ? null : { groups: indexGroups(printed) };
}

/** Warnings for the editor: terms left out of the index, and wordings two terms share. */
function indexNotices(terms: readonly IndexTerm[], matcher: IndexMatcher): string[] {
  return [
    ...matcher.sharedForms.map(({ form, kept, other }) => `索引词“${kept}”和“${other}”都有写法“${form}”，正文中的“${form}”只计入“${kept}”`),
    ...terms.filter((term) => !matcher.found.has(term.id)).map((term) => `索引词“${term.term}”在正文中没有出现，未列入索引`),
  ];
}

/** Every user-visible string in the data, with the entry it belongs to (for glyph checks). */
export function* volumeTexts(prepared: PreparedAnnualVolume): Generator<DocumentText> {
  const { data, entries } = prepared;
  yield { text: data.cover.title, what: '大事记名称' };
  yield { text: data.cover.compiler, what: '编纂单位' };
  for (const month of data.months) {
    for (const e of month.entries) {
      const entry = entries[e.index];
      yield { text: e.title, entry, what: '标题' };
      yield* blockTexts(e.blocks, entry);
    }
  }
  for (const group of data.index?.groups ?? []) {
    for (const letter of group.letters) for (const { term } of letter.terms) yield { text: term, what: `索引词“${term}”` };
  }
}
