import { checkBase64Image, IMAGE_OMISSION_TEXT, type ImageOmission } from '@dsyb/domain';
import { cleanInline, cleanRunText, LINE_BREAK } from './clean-text';
import { describeEntry, entryTypesetError, TypesetError } from './typeset-error';
import { CJK_CLOSING, CJK_OPENING } from './typst-template';

/**
 * Entry bodies given as blocks (paragraphs with bold runs, lists, figures), checked and
 * normalised for the template.
 *
 * Unlike the plain `paragraphs` (checked by the template itself), blocks are checked here: their
 * images have to be decoded and handed to the compiler as files before it runs, so a malformed
 * block is reported as a TypesetError naming the entry before any Typst code runs.
 *
 * Image bytes never enter the Typst source. Each distinct image becomes a virtual file of the
 * compiler (`/dsyb-images/<n>.png|jpg`, see typesetter.ts); the data only says which
 * number, and the template builds the path from that number itself.
 */

/** Where the compiler finds the images; the template builds paths from it and a number only. */
export const IMAGE_DIR = '/dsyb-images/';

/**
 * The most image data one issue may carry. Every image is decoded in the typesetting thread's
 * memory during the render (3–4 bytes a pixel: 8 photos of 12 megapixels take ~300 MB), so the
 * decoded size is capped as well as the compressed one. For print, 2400 pixels on the long side
 * (300 dpi across the text width) is plenty; larger photos only cost memory.
 */
export const MAX_ISSUE_IMAGE_BYTES = 60 * 1024 * 1024;
export const MAX_ISSUE_IMAGE_PIXELS = 100_000_000;

export interface TypesetRun {
  text: string;
  bold?: true;
  /** Printed after a zero-width box that ends the punctuation rule's stretch of text (see punctuationStretches). */
  restart?: true;
  /** The annual volume's index: the number of the term whose name starts this run (index-terms.ts). */
  term?: number;
}

/** An item of a list: its lines (the first follows the marker), each a sequence of runs. */
export type TypesetListItem = TypesetRun[][];

export type TypesetBlock =
  | { type: 'paragraph'; runs: TypesetRun[] }
  | { type: 'list'; ordered: boolean; items: TypesetListItem[] }
  | {
      type: 'figure';
      image: TypesetImageRef | null;
      note: string;
      caption: string;
      placeholder: string;
      /** 摄影 credit printed after the caption: the entry's photographers, "王云翔 李云凯"; or "". */
      credit: string;
      /** Text of the entry follows: the figure alone may move to the next page (see the template). */
      movable: boolean;
      /** The annual volume's index: the numbers of the terms its caption names. */
      terms?: number[];
    };

export interface TypesetImageRef {
  /** The virtual file's number. */
  file: number;
  format: 'png' | 'jpg';
  /** Natural width in pt (pixels at 96 dpi): small images are not blown up to the full width. */
  width: number;
  /** Width / height, so the template can cap the height without reading the image. */
  aspect: number;
}

export interface PreparedImage {
  /** Absolute path inside the compiler's workspace, e.g. "/dsyb-images/0.png". */
  path: string;
  bytes: Uint8Array;
}

/** The images of one issue: one virtual file per distinct image. */
export class IssueImages {
  readonly files: PreparedImage[] = [];
  private readonly numbers = new Map<string, number>();
  private totalBytes = 0;
  /** Pixels of all distinct images: what decoding them costs in memory. */
  pixels = 0;

  add(base64: string, bytes: Uint8Array, format: 'png' | 'jpg', pixels: number): number {
    const known = this.numbers.get(base64);
    if (known !== undefined) return known;
    this.totalBytes += bytes.length;
    this.pixels += pixels;
    if (this.totalBytes > MAX_ISSUE_IMAGE_BYTES) {
      throw new TypesetError(`排版失败：本期图片合计超过 ${MAX_ISSUE_IMAGE_BYTES / 1024 / 1024} MB，请压缩图片后再排版`);
    }
    if (this.pixels > MAX_ISSUE_IMAGE_PIXELS) {
      throw new TypesetError(`排版失败：本期图片合计超过 ${MAX_ISSUE_IMAGE_PIXELS / 100_000_000} 亿像素，请缩小图片（长边 2400 像素即可满足印刷）后再排版`);
    }
    const file = this.files.length;
    this.files.push({ path: `${IMAGE_DIR}${file}.${format}`, bytes });
    this.numbers.set(base64, file);
    return file;
  }
}

export interface BlockEntry {
  id: string;
  title: unknown;
  /** Names of the entry's photographers in byline order, credited under its figures. */
  photographers?: readonly string[];
}

/**
 * Checks and normalises one entry's blocks. Returns what the template prints, and notices for
 * images that are printed as placeholders (the render succeeds, the proof shows the gap).
 */
export function prepareBlocks(
  raw: unknown,
  entry: BlockEntry,
  images: IssueImages,
): { blocks: TypesetBlock[]; notices: string[] } {
  const fail = (problem: string): TypesetError => entryTypesetError(entry, problem);
  if (!Array.isArray(raw)) throw fail('正文格式无效（不是块的列表）');
  const blocks: TypesetBlock[] = [];
  const notices: string[] = [];
  let figures = 0;
  raw.forEach((block: unknown, i) => {
    const where = `正文第${i + 1}项`;
    if (!isRecord(block)) throw fail(`${where}格式无效`);
    switch (block.type) {
      case 'paragraph':
        // A paragraph with line breaks is several paragraphs, as for plain-text bodies.
        for (const line of linesOf(block.runs, () => fail(`${where}（段落）含有非文本内容`))) {
          const runs = punctuationStretches(trimLine(line, true));
          if (runs.length > 0) blocks.push({ type: 'paragraph', runs });
        }
        return;
      case 'list': {
        if (!Array.isArray(block.items)) throw fail(`${where}（列表）格式无效`);
        const items = block.items
          .map((item: unknown) =>
            linesOf(item, () => fail(`${where}（列表）含有非文本内容`))
              .map((line) => punctuationStretches(trimLine(line, false)))
              .filter((line) => line.length > 0),
          )
          .filter((item) => item.length > 0);
        if (items.length > 0) blocks.push({ type: 'list', ordered: block.ordered === true, items });
        return;
      }
      case 'figure': {
        figures += 1;
        const caption = block.caption === undefined ? '' : block.caption;
        if (typeof caption !== 'string') throw fail(`第${figures}张图片的图注不是文本`);
        const figure = prepareFigure(block.image, images, (problem) => fail(`第${figures}张图片无法嵌入：${problem}`));
        if (figure.omitted) {
          notices.push(`${describeEntry(entry.id, entry.title)}第${figures}张图片未嵌入：${figure.note}`);
        }
        blocks.push({
          type: 'figure',
          image: figure.image,
          note: figure.note,
          caption: cleanInline(caption),
          placeholder: figurePlaceholder(entry, figures),
          credit: photoCredit(entry.photographers),
          movable: false,
        });
        return;
      }
      default:
        throw fail(`${where}不是段落、列表或图片`);
    }
  });
  // A figure may move on its own only when text of its entry follows it.
  blocks.forEach((block, i) => {
    if (block.type === 'figure') block.movable = blocks.slice(i + 1).some((next) => next.type !== 'figure');
  });
  return { blocks, notices };
}

/** "王云翔 李云凯" from the photographers' names (cleaned, empty ones left out), or "". */
function photoCredit(names: readonly string[] | undefined): string {
  if (!Array.isArray(names)) return '';
  return names
    .filter((name): name is string => typeof name === 'string')
    .map((name) => cleanInline(name))
    .filter((name) => name !== '')
    .join(' ');
}

/**
 * What the PDF prints instead of a figure it cannot show, naming the entry and the figure so a
 * proof-reader knows where to look: "【图片无法显示：区委常委会议召开 第1幅】".
 */
export function figurePlaceholder(entry: BlockEntry, figure: number): string {
  const title = typeof entry.title === 'string' && cleanInline(entry.title) !== '' ? cleanInline(entry.title) : `条目 ${entry.id}`;
  return `【图片无法显示：${title} 第${figure}幅】`;
}

function prepareFigure(
  image: unknown,
  images: IssueImages,
  fail: (problem: string) => TypesetError,
): { image: TypesetImageRef | null; note: string; omitted: boolean } {
  if (!isRecord(image)) throw fail('图片数据格式无效');
  if (image.kind === 'omitted') {
    const reason = image.reason;
    if (typeof reason !== 'string' || !Object.hasOwn(IMAGE_OMISSION_TEXT, reason)) throw fail('图片数据格式无效');
    return { image: null, note: IMAGE_OMISSION_TEXT[reason as ImageOmission], omitted: true };
  }
  if (image.kind !== 'embedded' || typeof image.base64 !== 'string') throw fail('图片数据格式无效');
  // Checked again whatever the snapshot says: these bytes go to the image decoders.
  const checked = checkBase64Image(image.base64);
  if (!checked.ok) throw fail(IMAGE_OMISSION_TEXT[checked.problem]);
  const { format, width, height } = checked.header;
  const extension = format === 'png' ? 'png' : 'jpg';
  const file = images.add(checked.base64, checked.bytes, extension, width * height);
  return {
    image: { file, format: extension, width: round(width * 0.75), aspect: round(width / height) },
    note: '',
    omitted: false,
  };
}

/** Runs split into lines at line breaks; each piece cleaned but not yet trimmed. */
function linesOf(runs: unknown, invalid: () => TypesetError): TypesetRun[][] {
  if (!Array.isArray(runs)) throw invalid();
  const lines: TypesetRun[][] = [[]];
  for (const run of runs as unknown[]) {
    if (!isRecord(run) || typeof run.text !== 'string') throw invalid();
    const bold = run.bold === true;
    run.text.split(LINE_BREAK).forEach((piece, i) => {
      if (i > 0) lines.push([]);
      const text = cleanRunText(piece);
      if (text !== '') lines[lines.length - 1].push(bold ? { text, bold } : { text });
    });
  }
  return lines;
}

/**
 * Trims a line (for a paragraph also a hand-typed indent "　　": the template indents every
 * paragraph itself), drops empty runs and joins neighbours of the same weight.
 */
function trimLine(line: readonly TypesetRun[], dropIndent: boolean): TypesetRun[] {
  const merged: TypesetRun[] = [];
  for (const run of line) {
    const last = merged.at(-1);
    if (last && last.bold === run.bold) last.text += run.text;
    else merged.push({ ...run });
  }
  const leading = dropIndent ? /^[\s\u3000]+/ : /^\s+/;
  while (merged.length > 0 && (merged[0].text = merged[0].text.replace(leading, '')) === '') merged.shift();
  while (merged.length > 0 && (merged[merged.length - 1].text = merged[merged.length - 1].text.replace(/\s+$/, '')) === '') merged.pop();
  return merged.filter((run) => run.text !== '');
}

/** A run of marks as the template's punctuation rule matches them. */
const PUNCTUATION_RUN = new RegExp(`[${CJK_CLOSING}${CJK_OPENING}]+`, 'gu');
const CLOSING_MARKS = new Set(CJK_CLOSING);
/** Well under the ~520 matches at which Typst gives up. */
const PUNCTUATION_STRETCH = 200;

/**
 * Typst applies the template's punctuation rule to a stretch of text one match inside the
 * other and gives up at about 520 matches ("maximum grouping depth exceeded"): a paragraph
 * listing 600 units separated by 、 would not print. A zero-width box ends a stretch, so a line
 * with more marks than PUNCTUATION_STRETCH gets one after every so many, each right after a
 * closing mark (where a line may break anyway): the run after it starts with `restart`.
 */
function punctuationStretches(line: TypesetRun[]): TypesetRun[] {
  const result: TypesetRun[] = [];
  let count = 0;
  for (const run of line) {
    let start = 0;
    for (const match of run.text.matchAll(PUNCTUATION_RUN)) {
      count += 1;
      const end = (match.index ?? 0) + match[0].length;
      if (count < PUNCTUATION_STRETCH || !CLOSING_MARKS.has(match[0].at(-1) ?? '') || end === run.text.length) continue;
      result.push(piece(run, start, end));
      start = end;
      count = 0;
    }
    result.push(piece(run, start, run.text.length));
  }
  return result;
}

/** run.text from start to end; a piece after the first follows a split, so it restarts. */
function piece(run: TypesetRun, start: number, end: number): TypesetRun {
  const { restart, ...rest } = run;
  const text = run.text.slice(start, end);
  return start > 0 || restart ? { ...rest, text, restart: true } : { ...rest, text };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const round = (value: number): number => Math.round(value * 1000) / 1000;
