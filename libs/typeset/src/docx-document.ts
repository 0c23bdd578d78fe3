import type { PageNumbering } from '@dsyb/contracts';
import {
  AlignmentType,
  Document,
  Footer,
  Header,
  HeadingLevel,
  ImageRun,
  Packer,
  PageNumber,
  Paragraph,
  TableOfContents,
  TextRun,
  type FileChild,
  type ISectionOptions,
  type ParagraphChild,
} from 'docx';
import type { PreparedImage, TypesetBlock, TypesetImageRef, TypesetRun } from './body-blocks';
import { indexSection, IndexMarker, type DocxIndexTerm } from './docx-index';
import { DOCX_NUMBERING, DOCX_STYLES, LIST, PAGE, SANS, STYLE, TEXT_AREA_PT } from './docx-styles';
import type { TypesetBackData, TypesetCorrectionData } from './typeset-data';

/**
 * What a Word document of the office is made of, whether an issue's or an annual volume's
 * (docx-export.ts fills it from either snapshot, already checked and cleaned as for the PDF):
 * the cover, the contents (a TOC field over the headings), the sections with their entries, the
 * 勘误 notice, the back block of an issue, the index of a volume.
 */
export interface DocxBook {
  /** The document's properties (Word's 文件 → 信息). */
  properties: { title: string; author: string };
  /** The title in large type, the lines under it, and the lines at the foot of the cover. */
  cover: { title: string; lines: string[]; foot: string[] };
  /** On proofs the line printed at the top of every page, e.g. "校样（非正式出版物，仅供审校）　排版时间：…". */
  proof: string | null;
  numbering: PageNumbering;
  /** Heading 1 each (本期焦点…, 1月…12月), their entries Heading 2. */
  sections: { name: string; entries: DocxEntry[] }[];
  corrections: TypesetCorrectionData[];
  back: TypesetBackData | null;
  index: DocxIndexTerm[];
  /** The images the blocks refer to, by `TypesetImageRef.file`. */
  images: readonly PreparedImage[];
}

export interface DocxEntry {
  title: string;
  /** A volume's event date, "9月17日" (or "9月"), printed above the title. */
  date?: string;
  blocks: TypesetBlock[];
}

/** The .docx file of a book: Word updates the contents (and the index) on opening, after asking. */
export function writeDocx(book: DocxBook): Promise<Buffer> {
  const writer = new BodyWriter(book.images, new IndexMarker(book.index));
  const header = book.proof ? { default: new Header({ children: [new Paragraph({ style: STYLE.proofMark, text: book.proof })] }) } : undefined;
  const section = (children: FileChild[], extra: Partial<ISectionOptions> = {}): ISectionOptions => ({
    ...extra,
    headers: header,
    properties: { page: { size: PAGE.size, margin: PAGE.margin, ...extra.properties?.page } },
    children,
  });
  const document = new Document({
    title: book.properties.title,
    creator: book.properties.author,
    styles: DOCX_STYLES,
    numbering: DOCX_NUMBERING,
    features: { updateFields: true },
    sections: [
      section(cover(book)),
      section([
        new Paragraph({ style: STYLE.contentsTitle, text: '目　　录' }),
        new TableOfContents('目录', { headingStyleRange: '1-2', hyperlink: true }),
      ]),
      section(
        [
          ...book.sections.flatMap((s) => [new Paragraph({ heading: HeadingLevel.HEADING_1, text: s.name }), ...s.entries.flatMap((e) => writer.entry(e))]),
          ...corrections(book.corrections),
          ...back(book.back),
          ...indexSection(book.index),
        ],
        {
          footers: { default: new Footer({ children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ children: ['— ', PageNumber.CURRENT, ' —'] })] })] }) },
          // "from-cover": every page counts from the cover, as the PDF numbers the reference issue.
          properties: { page: book.numbering === 'from-body' ? { pageNumbers: { start: 1 } } : {} },
        },
      ),
    ],
  });
  return Packer.toBuffer(document);
}

function cover({ cover: c }: DocxBook): Paragraph[] {
  return [
    new Paragraph({ style: STYLE.coverTitle, text: c.title }),
    ...c.lines.map((text) => new Paragraph({ style: STYLE.coverLine, text })),
    ...c.foot.map((text, i) => new Paragraph({ style: STYLE.coverLine, text, spacing: i === 0 ? { before: 4800 } : undefined })),
  ];
}

/** Entries' titles and bodies, with the index's fields in their text; lists numbered each from 1. */
class BodyWriter {
  private lists = 0;

  constructor(
    private readonly images: readonly PreparedImage[],
    private readonly marker: IndexMarker,
  ) {}

  entry(entry: DocxEntry): Paragraph[] {
    return [
      ...(entry.date ? [new Paragraph({ style: STYLE.eventDate, text: entry.date })] : []),
      // Under its date, the title follows closely: the date belongs to it.
      new Paragraph({ heading: HeadingLevel.HEADING_2, spacing: entry.date ? { before: 60 } : undefined, children: this.marker.runs(entry.title) }),
      ...entry.blocks.flatMap((block) => this.block(block)),
    ];
  }

  private block(block: TypesetBlock): Paragraph[] {
    switch (block.type) {
      case 'paragraph':
        return [new Paragraph({ style: STYLE.body, children: this.runs(block.runs) })];
      case 'list': {
        const numbering = { reference: block.ordered ? LIST.ordered : LIST.bullet, level: 0, instance: ++this.lists };
        // A line break within an item stays within it, as in the editor and the PDF.
        return block.items.map((lines) => new Paragraph({ style: STYLE.listItem, numbering, children: lines.flatMap((runs, i) => [...(i > 0 ? [new TextRun({ break: 1 })] : []), ...this.runs(runs)]) }));
      }
      case 'figure':
        return figure(block, this.images);
    }
  }

  private runs(runs: readonly TypesetRun[]): ParagraphChild[] {
    return runs.flatMap((run) => this.marker.runs(run.text, run.bold));
  }
}

type FigureBlock = Extract<TypesetBlock, { type: 'figure' }>;

/** The image (or the placeholder the PDF prints instead) and the caption with the 摄影 credit, kept together. */
function figure(block: FigureBlock, images: readonly PreparedImage[]): Paragraph[] {
  const caption = [block.caption, block.credit ? `摄影：${block.credit}` : ''].filter((part) => part !== '').join('　');
  const keepNext = caption !== '';
  const picture = block.image
    ? new Paragraph({ style: STYLE.figure, keepNext, children: [image(block.image, images, caption)] })
    : new Paragraph({ style: STYLE.placeholder, keepNext, children: [new TextRun(block.placeholder), new TextRun({ text: block.note, break: 1, size: 18 })] });
  return caption ? [picture, new Paragraph({ style: STYLE.caption, text: caption })] : [picture];
}

/** At most the image's natural size (96 dpi), the text width and 45% of the text height, as in the PDF. */
function image(ref: TypesetImageRef, images: readonly PreparedImage[], caption: string): ImageRun {
  const widthPt = Math.min(ref.width, TEXT_AREA_PT.width, TEXT_AREA_PT.height * 0.45 * ref.aspect);
  const width = Math.round((widthPt * 96) / 72);
  return new ImageRun({
    type: ref.format,
    data: images[ref.file].bytes,
    transformation: { width, height: Math.max(1, Math.round(width / ref.aspect)) },
    altText: { name: `图片${ref.file + 1}`, description: caption, title: caption },
  });
}

function corrections(list: readonly TypesetCorrectionData[]): Paragraph[] {
  if (list.length === 0) return [];
  const labelled = (label: string, text: string) => new Paragraph({ style: STYLE.notice, children: [new TextRun({ text: label, font: SANS }), new TextRun(text)] });
  return [
    new Paragraph({ style: STYLE.noticeTitle, text: '勘误说明' }),
    ...list.flatMap((c) => [
      new Paragraph({ style: STYLE.notice, keepNext: true, children: [new TextRun({ text: c.heading, bold: true, font: SANS })] }),
      labelled('原因：', c.reason),
      labelled('更正条目：', c.entries.join('；')),
    ]),
  ];
}

/** 发放范围, then 主办, 编辑出版, 电话, 邮箱 (those given), under the notice and a rule. */
function back(data: TypesetBackData | null): Paragraph[] {
  if (!data) return [];
  const line = (label: string, text: string, bold?: true) =>
    text === '' ? [] : [new Paragraph({ style: STYLE.back, keepNext: true, children: [new TextRun({ text: `${label}：`, bold, font: SANS }), new TextRun(text)] })];
  return [
    new Paragraph({ style: STYLE.backNotice, keepNext: true, text: data.notice }),
    ...line('发放范围', data.recipients, true),
    ...line('主　　办', data.sponsor),
    ...line('编辑出版', data.publisher),
    ...line('电　　话', data.phone),
    ...line('邮　　箱', data.email),
  ];
}
