import { bookTitle, type PageNumbering, type RenditionKind } from '@dsyb/contracts';
import type { EntrySnapshot, IssueSnapshot } from '@dsyb/domain';
import { IssueImages, prepareBlocks, type TypesetBlock } from './body-blocks';
import { formatChineseDate, type CalendarDate } from './chinese-dates';
import { cleanInline, LINE_BREAK } from './clean-text';
import { blockTexts, type DocumentText, type PreparedDocument } from './render-document';
import { checkKind, optionalText, pageNumbering, proofMark, requireArray, requireDate, requireText, requireYear, titleWordsOf } from './snapshot-fields';
import { TypesetError, type EntryRef } from './typeset-error';
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

export interface PreparedIssue extends PreparedDocument {
  data: TypesetData;
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
  const { sections, entries, bodies } = prepareSections(snapshot.sections, images, notices);
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
    proof: proofMark(kind, snapshot.renderedAt),
    sections,
    titleWords: titleWordsOf(bodies.map((entry) => entry.title)),
    corrections: prepareCorrections(snapshot.corrections),
    back: prepareBack(snapshot),
  };
  return { data, entries, bodies, images: images.files, notices, imagePixels: images.pixels };
}

function checkIssueNumbers(snapshot: IssueSnapshot): CalendarDate {
  const { year, month, serialNumber } = snapshot;
  requireYear(year);
  if (!Number.isInteger(month) || month < 1 || month > 12) throw new TypesetError(`月份无效：${String(month)}`);
  if (!Number.isInteger(serialNumber) || serialNumber < 1) throw new TypesetError(`期号无效：${String(serialNumber)}`);
  return requireDate(snapshot.publicationDate, '出版日期');
}

/** Non-empty sections in print order; entries numbered across the issue (their TOC labels). */
function prepareSections(
  input: IssueSnapshot['sections'],
  images: IssueImages,
  notices: string[],
): { sections: TypesetSectionData[]; entries: EntryRef[]; bodies: TypesetEntryData[] } {
  const entries: EntryRef[] = [];
  const sections = requireArray(input, '栏目').flatMap((section): TypesetSectionData[] => {
    const sectionEntries = requireArray(section?.entries, `栏目“${String(section?.name)}”的条目`);
    // An empty section is not printed at all, neither in the contents nor in the body.
    if (sectionEntries.length === 0) return [];
    const name = requireText(section.name, '栏目名称');
    return [{ name, entries: sectionEntries.map((entry) => prepareEntry(entry, entries, images, notices)) }];
  });
  return { sections, entries, bodies: sections.flatMap((section) => section.entries) };
}

/** One entry as the template gets it, numbered by its place in `entries` (where its reference is added). */
export function prepareEntry(entry: EntrySnapshot | undefined, entries: EntryRef[], images: IssueImages, notices: string[]): TypesetEntryData {
  const ref: EntryRef = { id: String(entry?.id), title: entry?.title };
  entries.push(ref);
  const index = entries.length - 1;
  const title = cleanTitle(entry?.title);
  // Blocks win when present; an entry without them is an older, plain-text snapshot.
  if (entry?.blocks === undefined) return { index, title, paragraphs: cleanParagraphs(entry?.paragraphs) };
  const body = prepareBlocks(entry.blocks, { ...ref, photographers: entry?.photographers }, images);
  notices.push(...body.notices);
  return { index, title, blocks: body.blocks };
}

/** The notice's lines: revision and date, the reason, the entries changed (with the title printed before, when it changed). */
function prepareCorrections(input: IssueSnapshot['corrections']): TypesetCorrectionData[] {
  if (input === undefined) return [];
  return requireArray(input, '勘误').map((correction) => {
    const revision = correction?.revision;
    if (!Number.isInteger(revision) || revision < 2) throw new TypesetError(`勘误的版次无效：${String(revision)}`);
    const date = requireDate(correction.date, '勘误日期');
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

/** Every user-visible string in the data, with the entry it belongs to (for glyph checks). */
export function* textsOf(prepared: PreparedIssue): Generator<DocumentText> {
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
      yield* blockTexts(e.blocks ?? [], entry);
    }
  }
}
