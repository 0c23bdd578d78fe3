import { bookTitle, isOneOf, PAGE_NUMBERINGS, RENDITION_KINDS, type PageNumbering, type RenditionKind } from '@dsyb/contracts';
import type { IssueSnapshot } from '@dsyb/domain';
import { IssueImages, prepareBlocks, type PreparedImage, type TypesetBlock } from './body-blocks';
import { formatBeijingTimestamp, formatChineseDate, parseIsoDate, type CalendarDate } from './chinese-dates';
import { cleanInline, LINE_BREAK } from './clean-text';
import { titleWords } from './title-words';
import { TypesetError } from './typeset-error';
import { resolvePageSettings, type ResolvedPageSettings, type TypesetSettings } from './typeset-settings';

/**
 * The JSON document the Typst template reads. Every user-supplied string travels inside it as
 * data and is printed with text(...), so nothing in it is ever parsed as Typst markup or code.
 */
export interface TypesetData {
  kind: RenditionKind;
  page: ResolvedPageSettings;
  /** Page numbering (PAGE_NUMBERINGS): "from-cover" counts the cover and contents, "from-body" starts the body at 1. */
  numbering: PageNumbering;
  document: { title: string; author: string; date: CalendarDate };
  cover: { title: string; month: string; serial: string; compiler: string; date: string };
  /** Only on proofs: when the proof was requested, for the 校样 mark. */
  proof: { renderedAt: string } | null;
  sections: TypesetSectionData[];
  /** Each entry title as the words it may be broken between (title-words.ts), by title. */
  titleWords: Record<string, string[]>;
  /** The 勘误 notice of a reissued issue, one item per correction; empty for a first publication. */
  corrections: TypesetCorrectionData[];
  back: TypesetBackData;
}

/** One correction as the notice prints it, its lines already worded. */
export interface TypesetCorrectionData {
  /** e.g. "第2版（2020年10月15日）" */
  heading: string;
  reason: string;
  /** e.g. "《更正后的标题》（原题《有误的标题》）" */
  entries: string[];
}

export interface TypesetSectionData {
  name: string;
  entries: TypesetEntryData[];
}

/**
 * Entry fields are passed on as received (strings normalised, anything else untouched): the
 * template checks them itself and names the entry by `index` when one is unusable. The body is
 * either `blocks`, already checked (body-blocks.ts), or the older plain `paragraphs`.
 */
export interface TypesetEntryData {
  index: number;
  title: unknown;
  blocks?: TypesetBlock[];
  paragraphs?: unknown;
}

export interface TypesetBackData {
  notice: string;
  /** Recipient units joined with "，"; empty when there are none. */
  recipients: string;
  sponsor: string;
  publisher: string;
  phone: string;
  email: string;
}

/** An entry as the caller knows it, in the order of `TypesetEntryData.index`. */
export interface EntryRef {
  id: string;
  title: unknown;
}

export interface PreparedIssue {
  data: TypesetData;
  entries: EntryRef[];
  /** Image files the compiler must be given (never part of the source). */
  images: PreparedImage[];
  /** Images printed as placeholders, one line each, naming the entry (returned as warnings). */
  notices: string[];
  /** Pixels of the embedded images, all decoded in memory during the render. */
  imagePixels: number;
}

export function prepareTypesetData(snapshot: IssueSnapshot, settings?: TypesetSettings): PreparedIssue {
  const page = resolvePageSettings(settings);
  const kind = checkKind(snapshot.kind);
  const date = checkIssueNumbers(snapshot);
  const title = requireText(snapshot.masthead?.publicationTitle, '刊名');
  const issueLabel = `${snapshot.year}年${snapshot.month}月`;
  const serial = `（总第${snapshot.serialNumber}期）`;
  const images = new IssueImages();
  const notices: string[] = [];
  const { sections, entries } = prepareSections(snapshot.sections, images, notices);
  const data: TypesetData = {
    kind,
    page,
    numbering: pageNumbering(snapshot.masthead?.pageNumbering),
    document: { title: `${title}${issueLabel}${serial}`, author: optionalText(snapshot.masthead.publisher, '编辑出版单位'), date },
    cover: {
      title,
      month: issueLabel,
      serial,
      compiler: requireText(snapshot.compiler, '编印单位'),
      date: formatChineseDate(date),
    },
    proof: kind === 'proof' ? proofMark(snapshot.renderedAt) : null,
    sections,
    titleWords: titleWordsOf(sections),
    corrections: prepareCorrections(snapshot.corrections),
    back: prepareBack(snapshot),
  };
  return { data, entries, images: images.files, notices, imagePixels: images.pixels };
}

/**
 * A snapshot taken before the office could choose (no pageNumbering) was printed with the body
 * numbered from 1, and keeps that; snapshots read from the database always carry the setting.
 */
function pageNumbering(value: unknown): PageNumbering {
  if (value === undefined || value === null) return 'from-body';
  if (!isOneOf(PAGE_NUMBERINGS, value)) throw new TypesetError(`页码编排方式无效：${String(value)}`);
  return value;
}

function checkKind(kind: unknown): TypesetData['kind'] {
  if (!isOneOf(RENDITION_KINDS, kind)) throw new TypesetError(`版本类型无效：${String(kind)}`);
  return kind;
}

function checkIssueNumbers(snapshot: IssueSnapshot): CalendarDate {
  const { year, month, serialNumber } = snapshot;
  if (!Number.isInteger(year) || year < 1000 || year > 9999) throw new TypesetError(`年份无效：${String(year)}`);
  if (!Number.isInteger(month) || month < 1 || month > 12) throw new TypesetError(`月份无效：${String(month)}`);
  if (!Number.isInteger(serialNumber) || serialNumber < 1) throw new TypesetError(`期号无效：${String(serialNumber)}`);
  const date = parseIsoDate(String(snapshot.publicationDate));
  if (!date) throw new TypesetError(`出版日期无效：${String(snapshot.publicationDate)}`);
  return date;
}

/** Non-empty sections in print order; entries numbered across the issue (their TOC labels). */
function prepareSections(
  input: IssueSnapshot['sections'],
  images: IssueImages,
  notices: string[],
): { sections: TypesetSectionData[]; entries: EntryRef[] } {
  const entries: EntryRef[] = [];
  const sections = requireArray(input, '栏目').flatMap((section): TypesetSectionData[] => {
    const sectionEntries = requireArray(section?.entries, `栏目“${String(section?.name)}”的条目`);
    // An empty section is not printed at all, neither in the contents nor in the body.
    if (sectionEntries.length === 0) return [];
    const name = requireText(section.name, '栏目名称');
    return [
      {
        name,
        entries: sectionEntries.map((entry): TypesetEntryData => {
          const ref: EntryRef = { id: String(entry?.id), title: entry?.title };
          entries.push(ref);
          const index = entries.length - 1;
          const title = cleanTitle(entry?.title);
          // Blocks win when present; an entry without them is an older, plain-text snapshot.
          if (entry?.blocks === undefined) return { index, title, paragraphs: cleanParagraphs(entry?.paragraphs) };
          const body = prepareBlocks(entry.blocks, { ...ref, photographers: entry?.photographers }, images);
          notices.push(...body.notices);
          return { index, title, blocks: body.blocks };
        }),
      },
    ];
  });
  return { sections, entries };
}

function titleWordsOf(sections: readonly TypesetSectionData[]): Record<string, string[]> {
  const titles = sections.flatMap((s) => s.entries.map((e) => e.title)).filter((t): t is string => typeof t === 'string');
  return Object.fromEntries(titles.map((title) => [title, titleWords(title)]));
}

/** The notice's lines: revision and date, the reason, the entries changed (with the title printed before, when it changed). */
function prepareCorrections(input: IssueSnapshot['corrections']): TypesetCorrectionData[] {
  if (input === undefined) return [];
  return requireArray(input, '勘误').map((correction) => {
    const revision = correction?.revision;
    if (!Number.isInteger(revision) || revision < 2) throw new TypesetError(`勘误的版次无效：${String(revision)}`);
    const date = parseIsoDate(String(correction.date));
    if (!date) throw new TypesetError(`勘误日期无效：${String(correction.date)}`);
    return {
      heading: `第${revision}版（${formatChineseDate(date)}）`,
      reason: requireText(correction.reason, '勘误原因'),
      entries: requireArray(correction.entries, '勘误条目').map((entry) => {
        const title = requireText(entry?.title, '勘误条目标题');
        const previous = requireText(entry?.previousTitle, '勘误条目原标题');
        return previous === title ? `${bookTitle(title)}（正文更正）` : `${bookTitle(title)}（原题${bookTitle(previous)}）`;
      }),
    };
  });
}

function prepareBack(snapshot: IssueSnapshot): TypesetBackData {
  const { masthead } = snapshot;
  return {
    notice: optionalText(masthead.notice, '刊头提示语'),
    recipients: requireArray(snapshot.recipients, '发放范围')
      .map((name) => requireText(name, '发放单位'))
      .join('，'),
    sponsor: optionalText(masthead.sponsor, '主办单位'),
    publisher: optionalText(masthead.publisher, '编辑出版单位'),
    phone: optionalText(masthead.phone, '电话'),
    email: optionalText(masthead.email, '邮箱'),
  };
}

function proofMark(renderedAt: string): TypesetData['proof'] {
  const when = formatBeijingTimestamp(String(renderedAt));
  if (!when) throw new TypesetError(`排版时间无效：${String(renderedAt)}`);
  return { renderedAt: when };
}

/* ---------- text normalisation (see clean-text.ts) ---------- */

export { cleanInline } from './clean-text';

function cleanTitle(title: unknown): unknown {
  return typeof title === 'string' ? cleanInline(title) : title;
}

/**
 * A paragraph containing line breaks is several paragraphs; a leading indent typed by hand
 * ("　　") is dropped because the template indents every paragraph by two characters itself.
 */
export function cleanParagraphs(paragraphs: unknown): unknown {
  if (!Array.isArray(paragraphs)) return paragraphs;
  return paragraphs.flatMap((p: unknown) =>
    typeof p !== 'string'
      ? [p]
      : p
          .split(LINE_BREAK)
          .map((line) => cleanInline(line).replace(/^[\s\u3000]+/, ''))
          .filter((line) => line !== ''),
  );
}

function requireText(value: unknown, what: string): string {
  if (typeof value !== 'string' || cleanInline(value) === '') throw new TypesetError(`${what}不能为空`);
  return cleanInline(value);
}

function optionalText(value: unknown, what: string): string {
  if (value === undefined || value === null) return '';
  if (typeof value !== 'string') throw new TypesetError(`${what}不是文本`);
  return cleanInline(value);
}

function requireArray<T>(value: readonly T[] | undefined, what: string): readonly T[] {
  if (!Array.isArray(value)) throw new TypesetError(`${what}不是列表`);
  return value;
}

/** Every user-visible string in the data, with the entry it belongs to (for glyph checks). */
export function* textsOf(prepared: PreparedIssue): Generator<{ text: string; entry?: EntryRef; what: string }> {
  const { data, entries } = prepared;
  yield { text: data.cover.title, what: '刊名' };
  yield { text: data.cover.compiler, what: '编印单位' };
  for (const [key, what] of [
    ['notice', '刊头提示语'],
    ['recipients', '发放范围'],
    ['sponsor', '主办单位'],
    ['publisher', '编辑出版单位'],
    ['phone', '电话'],
    ['email', '邮箱'],
  ] as const) {
    yield { text: data.back[key], what };
  }
  for (const correction of data.corrections) {
    yield { text: correction.reason, what: '勘误原因' };
    for (const line of correction.entries) yield { text: line, what: '勘误条目' };
  }
  for (const section of data.sections) {
    yield { text: section.name, what: `栏目“${section.name}”的名称` };
    for (const e of section.entries) {
      const entry = entries[e.index];
      if (typeof e.title === 'string') yield { text: e.title, entry, what: '标题' };
      if (Array.isArray(e.paragraphs)) {
        for (const p of e.paragraphs) if (typeof p === 'string') yield { text: p, entry, what: '正文' };
      }
      for (const block of e.blocks ?? []) {
        if (block.type === 'figure') {
          yield { text: block.caption, entry, what: '图注' };
          yield { text: block.credit, entry, what: '摄影署名' };
          continue;
        }
        const lines = block.type === 'paragraph' ? [block.runs] : block.items.flat();
        for (const line of lines) for (const run of line) yield { text: run.text, entry, what: '正文' };
      }
    }
  }
}
