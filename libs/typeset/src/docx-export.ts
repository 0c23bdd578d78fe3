import { isOneOf } from '@dsyb/contracts';
import { INDEX_TERM_KINDS, type AnnualEntrySnapshot, type AnnualVolumeSnapshot, type IndexTermSnapshot, type IssueSnapshot } from '@dsyb/domain';
import { IssueImages, type TypesetBlock } from './body-blocks';
import { formatChineseDate, formatEventDate, parseIsoDate } from './chinese-dates';
import { cleanInline } from './clean-text';
import type { DocxBook, DocxEntry } from './docx-document';
import type { DocxIndexTerm } from './docx-index';
import { checkKind, optionalText, pageNumbering, proofMark, requireArray, requireText } from './snapshot-fields';
import { prepareEntry, prepareTypesetData, type TypesetEntryData } from './typeset-data';
import type { EntryRef } from './typeset-error';
import { describeEntry, TypesetError } from './typeset-error';

/**
 * Word exports (.docx) of an issue and of an annual volume, for the people who edit the office's
 * material in Word or WPS. Both are read and checked as the PDF's typesetting reads them
 * (typeset-data.ts, body-blocks.ts) and written by one document builder (docx-document.ts).
 * Throws TypesetError, in Chinese, on a snapshot it cannot export.
 */
export async function buildIssueDocx(snapshot: IssueSnapshot): Promise<Buffer> {
  const { data, entries, images } = prepareTypesetData(snapshot);
  return writeDocx({
    properties: data.document,
    cover: { title: data.cover.title, lines: [data.cover.month, data.cover.serial], foot: [data.cover.compiler, data.cover.date] },
    proof: proofLine(data.proof),
    numbering: data.numbering,
    sections: data.sections.map((section) => ({ name: section.name, entries: section.entries.map((entry) => docxEntry(entry, entries)) })),
    corrections: data.corrections,
    back: data.back,
    index: [],
    images,
  });
}

/**
 * The document builder and the `docx` package it uses (about 10 MB once loaded) are loaded on the
 * first export, not with the library: the worker and its typesetting threads never export to Word.
 */
function writeDocx(book: DocxBook): Promise<Buffer> {
  return (require('./docx-document') as typeof import('./docx-document')).writeDocx(book);
}

/** The 年度大事记: the months as sections, each event under its date, then the index (索引). */
export async function buildAnnualVolumeDocx(snapshot: AnnualVolumeSnapshot): Promise<Buffer> {
  const kind = checkKind(snapshot.kind);
  const title = requireText(snapshot.title, '书名');
  const date = parseIsoDate(String(snapshot.publicationDate));
  if (!date) throw new TypesetError(`出版日期无效：${String(snapshot.publicationDate)}`);
  const notice = optionalText(snapshot.masthead?.notice, '刊头提示语');
  const images = new IssueImages();
  const entries: EntryRef[] = [];
  const sections: DocxBook['sections'] = requireArray(snapshot.months, '月份').flatMap((month) => {
    if (!Number.isInteger(month?.month) || month.month < 1 || month.month > 12) throw new TypesetError(`月份无效：${String(month?.month)}`);
    const events = requireArray(month.entries, `${month.month}月的大事`);
    if (events.length === 0) return [];
    return [{ name: `${month.month}月`, entries: events.map((event) => ({ date: eventDate(event), ...docxEntry(prepareEntry(event, entries, images, []), entries) })) }];
  });
  return writeDocx({
    properties: { title, author: optionalText(snapshot.masthead?.publisher, '编辑出版单位') },
    cover: { title, lines: notice ? [notice] : [], foot: [requireText(snapshot.compiler, '编印单位'), formatChineseDate(date)] },
    proof: proofLine(proofMark(kind, snapshot.renderedAt)),
    numbering: pageNumbering(snapshot.masthead?.pageNumbering),
    sections,
    corrections: [],
    back: null,
    index: requireArray(snapshot.index, '索引').map(indexTerm),
    images: images.files,
  });
}

function proofLine(proof: { renderedAt: string } | null): string | null {
  return proof && `校样（非正式出版物，仅供审校）　排版时间：${proof.renderedAt}`;
}

/** An entry's title and body as checked for the PDF; plain paragraphs become paragraph blocks. */
function docxEntry(entry: TypesetEntryData, refs: readonly EntryRef[]): DocxEntry {
  const ref = refs[entry.index];
  const fail = (problem: string) => new TypesetError(`${describeEntry(ref.id, ref.title)}导出失败：${problem}`, { entryId: ref.id });
  if (typeof entry.title !== 'string' || entry.title === '') throw fail('标题为空或不是文本');
  if (entry.blocks) return { title: entry.title, blocks: entry.blocks };
  const paragraphs = entry.paragraphs;
  if (!Array.isArray(paragraphs) || !paragraphs.every((p) => typeof p === 'string')) throw fail('正文不是段落列表');
  return { title: entry.title, blocks: paragraphs.map((text: string): TypesetBlock => ({ type: 'paragraph', runs: [{ text }] })) };
}

function eventDate(event: AnnualEntrySnapshot | undefined): string {
  const date = parseIsoDate(String(event?.eventDate));
  const precision = event?.eventDatePrecision;
  if (!date || (precision !== 'day' && precision !== 'month')) {
    throw new TypesetError(`${describeEntry(String(event?.id), event?.title)}的日期无效：${String(event?.eventDate)}`);
  }
  return formatEventDate(date, precision);
}

function indexTerm(input: IndexTermSnapshot | undefined): DocxIndexTerm {
  const term = requireText(input?.term, '索引词');
  if (!isOneOf(INDEX_TERM_KINDS, input?.kind)) throw new TypesetError(`索引词“${term}”的类别无效：${String(input?.kind)}`);
  const forms = requireArray(input.forms, `索引词“${term}”的写法`).map((form) => cleanInline(String(form))).filter((form) => form !== '');
  return { term, kind: input.kind, forms: [...new Set([term, ...forms])] };
}
