import { INDEX_TERM_KIND_LABELS, INDEX_TERM_KINDS, type IndexTermKind } from '@dsyb/domain';
import { BuilderElement, HeadingLevel, Paragraph, Run, SimpleField, StringContainer, TextRun, type ParagraphChild } from 'docx';
import { STYLE } from './docx-styles';

/**
 * The 索引 of an annual volume in Word: every occurrence of a term's wordings in the entries'
 * titles and bodies carries an index entry field (XE "徐立毅" \f "P") after it, and the index
 * section holds one INDEX field per kind (人名, 地名, 机构名), which Word and WPS fill in with the
 * pages when they update the document's fields (the document asks them to on opening). Until then,
 * and in readers that never update fields (LibreOffice keeps what is written), each field shows
 * the kind's terms sorted by pinyin, without page numbers.
 */
export interface DocxIndexTerm {
  term: string;
  kind: IndexTermKind;
  /** Every wording counted as the term, the term itself included. */
  forms: readonly string[];
}

/** The entry type of each kind's XE fields, which its INDEX field lists (\f). */
const ENTRY_TYPE: Record<IndexTermKind, string> = { person: 'P', place: 'L', organisation: 'O' };
const byPinyin = new Intl.Collator('zh-Hans-u-co-pinyin').compare;

/** Field text: quotes and backslashes escaped; a colon would start a sub-entry. */
const fieldText = (text: string): string => text.replace(/[\\":]/g, (c) => `\\${c}`);
const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Turns text into runs, with an XE field after each occurrence of an index term's wording. */
export class IndexMarker {
  private readonly pattern: RegExp | null;
  private readonly fields = new Map<string, string>();

  constructor(terms: readonly DocxIndexTerm[]) {
    for (const { term, kind, forms } of terms) {
      const field = `XE "${fieldText(term)}" \\f "${ENTRY_TYPE[kind]}"`;
      // A wording shared by two terms counts for the first.
      for (const form of forms) if (!this.fields.has(form)) this.fields.set(form, field);
    }
    const forms = [...this.fields.keys()].sort((a, b) => b.length - a.length);
    // Longest first: "中原区人民政府" is marked as itself, not as "中原区" followed by text.
    this.pattern = forms.length > 0 ? new RegExp(forms.map(escapeRegExp).join('|'), 'gu') : null;
  }

  runs(text: string, bold?: boolean): ParagraphChild[] {
    if (!this.pattern) return [new TextRun({ text, bold })];
    const children: ParagraphChild[] = [];
    let from = 0;
    for (const match of text.matchAll(this.pattern)) {
      const end = match.index + match[0].length;
      children.push(new TextRun({ text: text.slice(from, end), bold }), new SimpleField(this.fields.get(match[0]) as string));
      from = end;
    }
    if (from < text.length || children.length === 0) children.push(new TextRun({ text: text.slice(from), bold }));
    return children;
  }
}

/** The index section: its heading, a note, and per kind with terms a heading and its INDEX field. */
export function indexSection(terms: readonly DocxIndexTerm[]): Paragraph[] {
  if (terms.length === 0) return [];
  const paragraphs = [
    new Paragraph({ heading: HeadingLevel.HEADING_1, text: '索引' }),
    new Paragraph({ style: STYLE.indexNote, text: '按汉语拼音排序。页码由 Word 或 WPS 更新域时填入（打开文档时按提示更新，或全选后按 F9）。' }),
  ];
  for (const kind of INDEX_TERM_KINDS) {
    const listed = terms.filter((term) => term.kind === kind).map((term) => term.term).sort(byPinyin);
    if (listed.length === 0) continue;
    paragraphs.push(new Paragraph({ style: STYLE.indexKind, text: INDEX_TERM_KIND_LABELS[kind] }));
    paragraphs.push(...fieldParagraphs(`INDEX \\f "${ENTRY_TYPE[kind]}" \\e "　" \\z "2052"`, listed));
  }
  return paragraphs;
}

/**
 * A field whose result is several paragraphs, as Word writes an INDEX field: it begins in the
 * first paragraph and ends in the last, its current result (`lines`) in between. The docx
 * package writes such fields only for tables of contents.
 */
function fieldParagraphs(instruction: string, lines: readonly string[]): Paragraph[] {
  return lines.map((line, i) => {
    const children: ParagraphChild[] = [];
    if (i === 0) {
      children.push(fieldChar('begin'), new Run({ children: [new StringContainer('w:instrText', instruction)] }), fieldChar('separate'));
    }
    children.push(new TextRun(line));
    if (i === lines.length - 1) children.push(fieldChar('end'));
    return new Paragraph({ style: STYLE.indexTerm, children });
  });
}

const fieldChar = (type: 'begin' | 'separate' | 'end'): Run =>
  new Run({ children: [new BuilderElement<{ type: string }>({ name: 'w:fldChar', attributes: { type: { key: 'w:fldCharType', value: type } } })] });
