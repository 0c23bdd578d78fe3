import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

/**
 * Reads a PDF back the way a person would see it, using poppler-utils (pdftotext, pdffonts,
 * pdfinfo). Their stderr is dropped: poppler warns about the boolean /Suspects entry in tagged
 * PDFs ("Suspects object is wrong type"), which is noise; real failures still exit non-zero.
 */
export class PdfReader {
  private readonly dir = fs.mkdtempSync(path.join(os.tmpdir(), 'typeset-spec-'));
  private readonly file = path.join(this.dir, 'issue.pdf');

  constructor(pdf: Buffer) {
    fs.writeFileSync(this.file, pdf);
  }

  /** Number of pages according to pdfinfo. */
  pageCount(): number {
    const info = run('pdfinfo', [this.file]);
    return Number(/^Pages:\s+(\d+)/m.exec(info)?.[1]);
  }

  /** Size of the first page in millimetres, from pdfinfo ("595.28 x 841.89 pts"). */
  pageSizeMm(): { width: number; height: number } {
    const info = run('pdfinfo', [this.file]);
    const match = /^Page size:\s+([\d.]+) x ([\d.]+) pts/m.exec(info);
    const mm = (pt: string | undefined): number => Math.round((Number(pt) * 25.4) / 72);
    return { width: mm(match?.[1]), height: mm(match?.[2]) };
  }

  /** The size of every page in points, as pdfinfo gives it ("Page    2 size: 419.53 x 595.28 pts"). */
  pageSizesPt(): Array<{ width: number; height: number }> {
    const info = run('pdfinfo', ['-f', '1', '-l', String(this.pageCount()), this.file]);
    return [...info.matchAll(/^Page\s+\d+ size:\s+([\d.]+) x ([\d.]+) pts/gm)].map((m) => ({ width: Number(m[1]), height: Number(m[2]) }));
  }

  /**
   * One page rendered in grey levels (`pdftoppm -gray`, white paper), one byte a pixel, rows
   * from the top: to compare what two PDFs look like.
   */
  grayPixels(page: number, dpi = 30): { width: number; height: number; pixels: Buffer } {
    const pgm = execFileSync('pdftoppm', ['-gray', '-r', String(dpi), '-f', String(page), '-l', String(page), this.file], { stdio: ['ignore', 'pipe', 'ignore'] });
    const header = /^P5\s+(\d+)\s+(\d+)\s+255\s/.exec(pgm.toString('latin1', 0, 40));
    if (!header) throw new Error('pdftoppm did not return a PGM image');
    return { width: Number(header[1]), height: Number(header[2]), pixels: pgm.subarray(header[0].length) };
  }

  /** The text of each page, extracted one page at a time with `pdftotext -layout -f N -l N`. */
  pageTexts(): string[] {
    return Array.from({ length: this.pageCount() }, (_, i) =>
      run('pdftotext', ['-layout', '-enc', 'UTF-8', '-f', String(i + 1), '-l', String(i + 1), this.file, '-']),
    );
  }

  /**
   * The text of each page in the order it was drawn (`pdftotext -raw`): a table comes out cell
   * by cell, so a cell whose text wraps stays in one piece, unlike with -layout.
   */
  rawPageTexts(): string[] {
    return Array.from({ length: this.pageCount() }, (_, i) =>
      run('pdftotext', ['-raw', '-enc', 'UTF-8', '-f', String(i + 1), '-l', String(i + 1), this.file, '-']),
    );
  }

  /** Names of the embedded fonts without the subset prefix, e.g. "NotoSerifSC-Regular". */
  fontNames(): string[] {
    const table = run('pdffonts', [this.file]);
    return table
      .split('\n')
      .slice(2)
      .filter((line) => line.trim() !== '')
      .map((line) => line.split(/\s+/)[0].replace(/^[A-Z]{6}\+/, ''));
  }

  /** Fonts used on one page (1-based), as fontNames() does for the whole document. */
  pageFontNames(page: number): string[] {
    const table = run('pdffonts', ['-f', String(page), '-l', String(page), this.file]);
    return table
      .split('\n')
      .slice(2)
      .filter((line) => line.trim() !== '')
      .map((line) => line.split(/\s+/)[0].replace(/^[A-Z]{6}\+/, ''));
  }

  /** The raster images, in order, from `pdfimages -list`: page (1-based), pixel size, encoding. */
  images(): PdfImage[] {
    const table = run('pdfimages', ['-list', this.file]);
    return table
      .split('\n')
      .slice(2)
      .filter((line) => line.trim() !== '')
      .map((line) => line.trim().split(/\s+/))
      .map((cols) => ({ page: Number(cols[0]), type: cols[2], width: Number(cols[3]), height: Number(cols[4]), encoding: cols[8], xPpi: Number(cols[12]) }));
  }

  /**
   * The words of one page with their boxes in pt from the top left (`pdftotext -bbox`). Chinese
   * text has no spaces, so a "word" is usually a whole line or the part of it between spaces.
   */
  words(page: number): PdfWord[] {
    const xhtml = run('pdftotext', ['-bbox', '-enc', 'UTF-8', '-f', String(page), '-l', String(page), this.file, '-']);
    const words: PdfWord[] = [];
    const pattern = /<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g;
    for (const match of xhtml.matchAll(pattern)) {
      words.push({ xMin: Number(match[1]), yMin: Number(match[2]), xMax: Number(match[3]), yMax: Number(match[4]), text: unescapeXml(match[5]) });
    }
    return words;
  }

  dispose(): void {
    fs.rmSync(this.dir, { recursive: true, force: true });
  }
}

/** Reads a PDF with a PdfReader that is disposed of afterwards. */
export function readPdf<T>(pdf: Buffer, read: (reader: PdfReader) => T): T {
  const reader = new PdfReader(pdf);
  try {
    return read(reader);
  } finally {
    reader.dispose();
  }
}

export interface PdfImage {
  page: number;
  type: string;
  width: number;
  height: number;
  /** "image" (Flate), "jpeg" (the JPEG data as it was)… */
  encoding: string;
  /** Pixels per inch across, as drawn on the page: the resolution it prints at. */
  xPpi: number;
}

export interface PdfWord {
  text: string;
  xMin: number;
  yMin: number;
  xMax: number;
  yMax: number;
}

function unescapeXml(text: string): string {
  return text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
}

function run(command: string, args: string[]): string {
  return execFileSync(command, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
}

/**
 * Removes all whitespace (pdftotext inserts spaces and line breaks where the layout has them)
 * and zero-width spaces (the template adds them inside very long ASCII runs as break points).
 */
export function squash(text: string): string {
  return text.replace(/[\s\u200b]+/gu, '');
}

/** The footer page number "— 12 —" of a page, or null when the page has no footer number. */
export function footerNumber(pageText: string): number | null {
  const lines = pageText.split('\n').filter((l) => l.trim() !== '');
  const match = /^—\s*(\d+)\s*—$/.exec(lines[lines.length - 1]?.trim() ?? '');
  return match ? Number(match[1]) : null;
}

/** A page's text without the proof header line and the footer line. */
export function pageBody(pageText: string): string {
  const lines = pageText.split('\n');
  return lines
    .filter((line, i) => !(footerNumber(line) !== null && i >= lines.length - 3))
    .filter((line) => !line.includes('排版时间：'))
    .join('\n');
}

export interface TocLine {
  title: string;
  page: number;
}

/**
 * Parses table-of-contents pages: an entry is one or more lines, the last of which ends in a
 * dot leader and the page number. Lines equal to a section name (outside an entry) are skipped.
 */
export function parseToc(tocPages: readonly string[], sectionNames: readonly string[]): TocLine[] {
  const result: TocLine[] = [];
  let pending = '';
  for (const raw of tocPages.join('\n').split('\n')) {
    const line = raw.trim();
    if (line === '' || squash(line) === '目录' || (pending === '' && sectionNames.includes(line))) continue;
    const match = /^(.*?)[.\s]*\.\s*(\d+)$/.exec(line);
    if (!match) {
      pending += line;
      continue;
    }
    result.push({ title: squash(pending + match[1]), page: Number(match[2]) });
    pending = '';
  }
  return result;
}

/**
 * The text runs of one page as pdf.js (unpdf) reads them: poppler's -bbox gives whole lines of
 * Chinese text as one "word", while pdf.js starts a new run wherever the PDF moves the pen back
 * or far ahead, so it shows where a glyph was narrowed or a gap opened. `x`/`y` is the run's
 * start on the baseline (pt, y from the top), `width` its advance, `size` the font size.
 */
export async function textRuns(pdf: Buffer, page: number): Promise<PdfRun[]> {
  const { getDocumentProxy } = await import('unpdf');
  const doc = await getDocumentProxy(new Uint8Array(pdf));
  try {
    const p = await doc.getPage(page);
    const height = p.getViewport({ scale: 1 }).height;
    const content = await p.getTextContent();
    return content.items
      .filter((item): item is typeof item & { str: string; transform: number[]; width: number } => 'str' in item && item.str !== '')
      .map((item) => ({ text: item.str, x: item.transform[4], y: height - item.transform[5], width: item.width, size: item.transform[0] }));
  } finally {
    await doc.loadingTask.destroy();
  }
}

export interface PdfRun {
  text: string;
  x: number;
  y: number;
  width: number;
  size: number;
}

/**
 * How far the pen moves from the start of the last character of each run ending in `char` to
 * the next run on the same line: a full-width mark in a CJK font advances 1em (the font size);
 * compressed it advances less, with a gap after it more.
 */
export function advancesAfter(runs: readonly PdfRun[], char: string): Array<{ context: string; advance: number; size: number }> {
  const result: Array<{ context: string; advance: number; size: number }> = [];
  runs.forEach((run, i) => {
    const next = runs[i + 1];
    if (!run.text.endsWith(char) || !next || Math.abs(next.y - run.y) > 0.5) return;
    const start = run.x + run.width - run.size;
    result.push({ context: run.text.slice(-6) + next.text.slice(0, 4), advance: next.x - start, size: run.size });
  });
  return result;
}
