import { DEFAULT_MARGINS_MM } from '@dsyb/contracts';
import { AlignmentType, BorderStyle, convertMillimetersToTwip, LevelFormat, LineRuleType, type INumberingOptions, type IParagraphStyleOptions, type IStylesOptions } from 'docx';

/**
 * The Word styles of the DOCX export (docx-document.ts), named in Chinese as the office sees them
 * in Word's and WPS's style gallery, set as the PDF is (typst-template.ts): body 四号 (14pt) with a
 * two-character first-line indent, captions 五号 (10.5pt), headings in 黑体, the PDF's red accent.
 * Section headings and entry titles are the built-in Heading 1 / Heading 2, so the contents (a
 * TOC \o field) and Word's navigation pane find them. Fonts are the ones Chinese Word users have:
 * 宋体 for the text, 黑体 for headings; LibreOffice substitutes Noto CJK.
 */
export const STYLE = {
  coverTitle: 'DsybCoverTitle',
  coverLine: 'DsybCoverLine',
  proofMark: 'DsybProofMark',
  contentsTitle: 'DsybContentsTitle',
  eventDate: 'DsybEventDate',
  body: 'DsybBody',
  listItem: 'DsybListItem',
  figure: 'DsybFigure',
  caption: 'DsybCaption',
  placeholder: 'DsybFigurePlaceholder',
  noticeTitle: 'DsybNoticeTitle',
  notice: 'DsybNotice',
  backNotice: 'DsybBackNotice',
  back: 'DsybBack',
  indexNote: 'DsybIndexNote',
  indexKind: 'DsybIndexKind',
  indexTerm: 'Index1',
} as const;

/** Numbering definitions of the body's lists (docx-document.ts gives each list its own instance, so each ordered list starts at 1). */
export const LIST = { ordered: 'dsyb-ordered', bullet: 'dsyb-bullet' } as const;

export const SERIF = 'SimSun';
export const SANS = 'SimHei';
const LATIN = 'Times New Roman';
const ACCENT = 'B4141E';

/** Sizes in half-points, as Word stores them. */
const BODY_SIZE = 28; // 四号 14pt
const CAPTION_SIZE = 21; // 五号 10.5pt
/** Two characters of the body text, in twips: what `firstLineChars` 200 means, for readers that only take twips. */
const TWO_CHARACTERS = 2 * BODY_SIZE * 10;

/** Line spacing as a multiple of single lines (Word's 多倍行距), said outright: LibreOffice reads a bare w:line as exact. */
const lines = (multiple: number) => ({ line: Math.round(multiple * 240), lineRule: LineRuleType.AUTO });

const serif = { ascii: LATIN, hAnsi: LATIN, eastAsia: SERIF };
const sans = { ascii: SANS, hAnsi: SANS, eastAsia: SANS };

/** A4, the PDF's default margins (libs/contracts DEFAULT_MARGINS_MM). */
export const PAGE = {
  size: { width: convertMillimetersToTwip(210), height: convertMillimetersToTwip(297) },
  margin: {
    top: convertMillimetersToTwip(DEFAULT_MARGINS_MM.top),
    bottom: convertMillimetersToTwip(DEFAULT_MARGINS_MM.bottom),
    left: convertMillimetersToTwip(DEFAULT_MARGINS_MM.left),
    right: convertMillimetersToTwip(DEFAULT_MARGINS_MM.right),
  },
};
const PT_PER_MM = 72 / 25.4;
/** The text area in points: a figure is at most as wide as it, and as tall as 45% of it (as in the PDF). */
export const TEXT_AREA_PT = {
  width: (210 - DEFAULT_MARGINS_MM.left - DEFAULT_MARGINS_MM.right) * PT_PER_MM,
  height: (297 - DEFAULT_MARGINS_MM.top - DEFAULT_MARGINS_MM.bottom) * PT_PER_MM,
};

const centred = (id: string, name: string, run: IParagraphStyleOptions['run'], before = 0, after = 0): IParagraphStyleOptions => ({
  id,
  name,
  basedOn: 'Normal',
  quickFormat: true,
  run,
  paragraph: { alignment: AlignmentType.CENTER, spacing: { before, after, ...lines(1) }, indent: { firstLine: 0 } },
});

const plain = (id: string, name: string, paragraph: IParagraphStyleOptions['paragraph'], run?: IParagraphStyleOptions['run']): IParagraphStyleOptions => ({
  id,
  name,
  basedOn: 'Normal',
  quickFormat: true,
  run,
  paragraph,
});

const rule = (size: number) => ({ style: BorderStyle.SINGLE, size, color: '000000', space: 6 });

export const DOCX_STYLES: IStylesOptions = {
  default: {
    document: {
      run: { font: serif, size: BODY_SIZE, language: { value: 'en-US', eastAsia: 'zh-CN' } },
      paragraph: { spacing: lines(1.5) },
    },
    heading1: {
      name: 'heading 1',
      basedOn: 'Normal',
      next: STYLE.body,
      quickFormat: true,
      run: { font: sans, size: 36, bold: true, color: ACCENT },
      paragraph: { alignment: AlignmentType.CENTER, keepNext: true, keepLines: true, outlineLevel: 0, spacing: { before: 600, after: 300 } },
    },
    heading2: {
      name: 'heading 2',
      basedOn: 'Normal',
      next: STYLE.body,
      quickFormat: true,
      run: { font: sans, size: 30, bold: true },
      paragraph: { alignment: AlignmentType.CENTER, keepNext: true, keepLines: true, outlineLevel: 1, spacing: { before: 480, after: 240 } },
    },
  },
  paragraphStyles: [
    centred(STYLE.coverTitle, '封面刊名', { font: sans, size: 76, bold: true, color: ACCENT }, 2400, 960),
    centred(STYLE.coverLine, '封面信息', { size: 32 }, 120, 120),
    plain(STYLE.proofMark, '校样标记', { spacing: lines(1) }, { font: sans, size: 18, color: '555555' }),
    centred(STYLE.contentsTitle, '目录标题', { font: sans, size: 44, bold: true }, 0, 480),
    { ...plain(STYLE.eventDate, '大事日期', { alignment: AlignmentType.CENTER, keepNext: true, spacing: { before: 480, after: 0 } }, { font: sans, size: BODY_SIZE, bold: true, color: ACCENT }), next: 'Heading2' },
    plain(STYLE.body, '正文段落', { alignment: AlignmentType.BOTH, indent: { firstLine: TWO_CHARACTERS, firstLineChars: 200 }, spacing: { after: 0 } }),
    plain(STYLE.listItem, '列表段落', { spacing: { after: 0 } }),
    centred(STYLE.figure, '图片', undefined, 240, 0),
    { ...centred(STYLE.caption, '图注', { font: sans, size: CAPTION_SIZE }, 120, 240), next: STYLE.body },
    { ...centred(STYLE.placeholder, '图片占位', { font: sans, size: CAPTION_SIZE, color: '505050' }, 240, 0), paragraph: { alignment: AlignmentType.CENTER, border: { top: { ...rule(4), style: BorderStyle.DASHED }, bottom: { ...rule(4), style: BorderStyle.DASHED } }, spacing: { before: 240, after: 0 } } },
    centred(STYLE.noticeTitle, '勘误标题', { font: sans, size: 30, bold: true, color: ACCENT }, 720, 240),
    plain(STYLE.notice, '勘误说明', { spacing: { before: 60, after: 60 } }, { size: 24 }),
    { ...centred(STYLE.backNotice, '刊尾提示语', { font: sans, size: 22, bold: true }, 720, 120), paragraph: { alignment: AlignmentType.CENTER, border: { top: rule(8) }, spacing: { before: 720, after: 120 } } },
    plain(STYLE.back, '刊尾信息', { spacing: { before: 60, after: 60, ...lines(1.25) } }, { size: 22 }),
    plain(STYLE.indexNote, '索引说明', { spacing: { after: 240 } }, { size: CAPTION_SIZE, color: '505050' }),
    plain(STYLE.indexKind, '索引分类', { keepNext: true, spacing: { before: 360, after: 120 } }, { font: sans, size: BODY_SIZE, bold: true }),
    plain(STYLE.indexTerm, 'index 1', { spacing: { after: 0, ...lines(1.25) } }, { size: 24 }),
    { ...plain('TOC1', 'toc 1', { keepNext: true, spacing: { before: 240, after: 60, ...lines(1.15) } }, { font: sans, size: 26, bold: true }), next: 'TOC2' },
    plain('TOC2', 'toc 2', { indent: { left: 480 }, spacing: { after: 0, ...lines(1.15) } }, { size: 24 }),
  ],
};

export const DOCX_NUMBERING: INumberingOptions = {
  config: [
    {
      reference: LIST.ordered,
      levels: [{ level: 0, format: LevelFormat.DECIMAL, text: '%1.', alignment: AlignmentType.LEFT, style: { paragraph: { indent: { left: TWO_CHARACTERS + 420, hanging: 420 } } } }],
    },
    {
      reference: LIST.bullet,
      levels: [{ level: 0, format: LevelFormat.BULLET, text: '•', alignment: AlignmentType.LEFT, style: { paragraph: { indent: { left: TWO_CHARACTERS + 420, hanging: 420 } } } }],
    },
  ],
};
