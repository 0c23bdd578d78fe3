import { spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile, readFile } from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import { getDocumentProxy } from 'unpdf';
import { orderTextItems, type PositionedText } from './reading-order';

/**
 * An uploaded newspaper page turned into plain text. What a file is comes from its bytes
 * (sniffPageFile), never from its name or the browser's MIME type: a scan saved as "page.pdf.jpg"
 * or a .docx renamed to .txt is read for what it is.
 */

export type PageFileKind = 'pdf' | 'docx' | 'image' | 'text';

/** A file that cannot be read; the message is Chinese and is shown to the user as it is. */
export class IntakeFileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'IntakeFileError';
  }
}

export interface ExtractedPage {
  kind: PageFileKind;
  text: string;
  /** True when the text was recognised from pixels (an image, or a PDF without a text layer). */
  ocr: boolean;
}

export type ProgressListener = (fraction: number) => void;
export type OcrFunction = (image: Uint8Array, onProgress?: ProgressListener) => Promise<string>;

export interface ExtractOptions {
  /** Recognises the text of one image; ocrImage (Debian's tesseract) when not given. */
  ocr?: OcrFunction;
  /** Called with 0…1 while pages are recognised (OCR only: the other kinds are read at once). */
  onProgress?: ProgressListener;
}

export const MAX_PAGE_FILE_BYTES = 30 * 1024 * 1024;

const OCR_MISSING = '服务器未安装文字识别（OCR）：请安装 Debian 软件包 tesseract-ocr 和 tesseract-ocr-chi-sim';
const PDFTOPPM_MISSING = '服务器未安装 PDF 转图片工具：请安装 Debian 软件包 poppler-utils';
const UNKNOWN_KIND = '无法识别的文件类型：请上传 PDF、Word（.docx）、图片或纯文本';
const NOT_DOCX = '不是 Word 文档（.docx）：这是一个 ZIP 压缩包，里面没有 Word 文档的正文';
const OLD_DOC = '不是 Word 文档（.docx）：旧版 .doc 或加了密码的 Word 文档无法读取，请在 Word 中“另存为” .docx（不设密码）后再上传';
const NOT_TEXT = '文件不是文本：含有 NUL 等控制字符（可能是 UTF-16 编码或二进制文件），请另存为 UTF-8 纯文本后再上传';
const NOT_UTF8 = '文本文件不是 UTF-8 编码（可能是 GBK）：请用记事本“另存为”并选择 UTF-8 编码后再上传';
const PDF_ENCRYPTED = 'PDF 已加密，无法读取文字，请先解除密码保护';
const PDF_BROKEN = 'PDF 文件已损坏，无法读取';

/* ---------- what a file is ---------- */

const startsWith = (bytes: Uint8Array, magic: ReadonlyArray<number>, at = 0): boolean =>
  bytes.length >= at + magic.length && magic.every((byte, i) => bytes[at + i] === byte);
const ascii = (text: string): number[] => [...text].map((c) => c.charCodeAt(0));

const PDF_MAGIC = ascii('%PDF-');
const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const DOCX_MAIN_PART = ascii('word/document.xml');

/** "%PDF-" at the start, or within the first 1 KB as PDF readers allow (junk before the header). */
function isPdf(bytes: Uint8Array): boolean {
  const end = Math.min(bytes.length - PDF_MAGIC.length, 1024);
  for (let at = 0; at <= end; at++) if (startsWith(bytes, PDF_MAGIC, at)) return true;
  return false;
}

/** Byte offset of needle in haystack, or -1. */
function indexOfBytes(haystack: Uint8Array, needle: ReadonlyArray<number>): number {
  const first = needle[0];
  for (let at = haystack.indexOf(first); at !== -1 && at <= haystack.length - needle.length; at = haystack.indexOf(first, at + 1)) {
    if (startsWith(haystack, needle, at)) return at;
  }
  return -1;
}

/** A ZIP whose entries (names are stored uncompressed) include word/document.xml. */
function isDocx(bytes: Uint8Array): boolean {
  return startsWith(bytes, ZIP_MAGIC) && indexOfBytes(bytes, DOCX_MAIN_PART) !== -1;
}

function isImage(bytes: Uint8Array): boolean {
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return true; // PNG
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return true; // JPEG
  if (startsWith(bytes, [0x49, 0x49, 0x2a, 0x00]) || startsWith(bytes, [0x4d, 0x4d, 0x00, 0x2a])) return true; // TIFF
  if (startsWith(bytes, ascii('RIFF')) && startsWith(bytes, ascii('WEBP'), 8)) return true; // WebP
  // BMP: "BM" alone would take a text beginning with "BM" for an image; the DIB header's size
  // (offset 14) is one of the few the format defines.
  if (startsWith(bytes, ascii('BM')) && bytes.length >= 26) {
    const dibHeaderSize = bytes[14] | (bytes[15] << 8) | (bytes[16] << 16) | (bytes[17] << 24);
    return [12, 40, 52, 56, 64, 108, 124].includes(dibHeaderSize);
  }
  return false;
}

/** A control character other than tab, line feed, form feed and carriage return (NUL included). */
const hasControlCharacters = (text: string): boolean => /[\u0000-\u0008\u000B\u000E-\u001F\u007F]/.test(text);

function decode(bytes: Uint8Array, encoding: string): string | null {
  try {
    return new TextDecoder(encoding, { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return null;
  }
}

/** UTF-8 text (a BOM is allowed) without NUL or other control characters. */
function isText(bytes: Uint8Array): boolean {
  const text = decode(bytes, 'utf-8');
  return text !== null && !hasControlCharacters(text);
}

/** What the bytes are, from their content; null when none of the accepted kinds. */
export function sniffPageFile(bytes: Uint8Array): PageFileKind | null {
  if (isPdf(bytes)) return 'pdf';
  if (isDocx(bytes)) return 'docx';
  if (isImage(bytes)) return 'image';
  if (bytes.length > 0 && isText(bytes)) return 'text';
  return null;
}

/** The error for bytes sniffPageFile does not accept, as specific as their content allows. */
function unreadable(bytes: Uint8Array): IntakeFileError {
  if (bytes.length === 0) return new IntakeFileError('文件是空的');
  if (startsWith(bytes, ZIP_MAGIC)) return new IntakeFileError(NOT_DOCX);
  if (startsWith(bytes, OLE_MAGIC)) return new IntakeFileError(OLD_DOC);
  if (startsWith(bytes, [0xff, 0xfe]) || startsWith(bytes, [0xfe, 0xff])) return new IntakeFileError(NOT_TEXT); // UTF-16 BOM
  // Text apart from a few NULs or control characters (a UTF-8 file with binary in it)…
  const utf8 = decode(bytes, 'utf-8');
  if (utf8 !== null) return new IntakeFileError(NOT_TEXT);
  // …UTF-16 without a BOM (every other byte NUL in ASCII text)…
  const sample = bytes.subarray(0, 4096);
  const nuls = sample.reduce((count, byte) => count + (byte === 0 ? 1 : 0), 0);
  if (nuls >= sample.length / 4 && decode(sample.subarray(0, sample.length & ~1), 'utf-16le') !== null) return new IntakeFileError(NOT_TEXT);
  // …or Chinese text saved as GBK, which Windows' Notepad did until 2019.
  const gbk = decode(bytes, 'gb18030');
  if (gbk !== null && !hasControlCharacters(gbk)) return new IntakeFileError(NOT_UTF8);
  return new IntakeFileError(UNKNOWN_KIND);
}

/* ---------- reading ---------- */

/**
 * The plain text of an uploaded page. Throws IntakeFileError (a Chinese message for the user)
 * for a file that is too big, of an unknown kind, damaged, encrypted, or that needs OCR on a
 * server without tesseract.
 */
export async function extractPageText(bytes: Uint8Array, options: ExtractOptions = {}): Promise<ExtractedPage> {
  if (bytes.length > MAX_PAGE_FILE_BYTES) {
    const mb = (size: number) => (size / (1024 * 1024)).toFixed(1).replace(/\.0$/, '');
    throw new IntakeFileError(`文件太大（${mb(bytes.length)} MB）：最大 ${mb(MAX_PAGE_FILE_BYTES)} MB`);
  }
  const kind = sniffPageFile(bytes);
  const ocr = options.ocr ?? ((image: Uint8Array, onProgress?: ProgressListener) => ocrImage(image, { onProgress }));
  switch (kind) {
    case 'pdf':
      return readPdf(bytes, ocr, options.onProgress);
    case 'docx':
      return { kind, text: await readDocx(bytes), ocr: false };
    case 'image':
      options.onProgress?.(0);
      return { kind, text: (await ocr(bytes, options.onProgress)).trim(), ocr: true };
    case 'text':
      // The TextDecoder drops a leading BOM.
      return { kind, text: new TextDecoder('utf-8').decode(bytes).replace(/\r\n?/g, '\n'), ocr: false };
    case null:
      throw unreadable(bytes);
  }
}

async function readDocx(bytes: Uint8Array): Promise<string> {
  // mammoth and its XML and zip readers (about 3 MB) are loaded with the first Word file, not
  // with the library: a worker that only typesets never reads one.
  const { extractRawText } = require('mammoth') as typeof import('mammoth');
  try {
    const { value } = await extractRawText({ buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) });
    return value.replace(/\r\n?/g, '\n').replace(/\n{3,}/g, '\n\n').trim();
  } catch {
    throw new IntakeFileError('Word 文档已损坏，无法读取');
  }
}

/** pdf.js names its errors (PasswordException, InvalidPDFException, …); nothing else tells them apart. */
function pdfError(error: unknown): IntakeFileError {
  const name = error instanceof Error ? error.name : '';
  return new IntakeFileError(name === 'PasswordException' ? PDF_ENCRYPTED : PDF_BROKEN);
}

/**
 * The text layer of each page in reading order; a PDF with no text at all (a scan) is
 * rasterised with pdftoppm and recognised page by page.
 */
async function readPdf(bytes: Uint8Array, ocr: OcrFunction, onProgress?: ProgressListener): Promise<ExtractedPage> {
  // pdf.js may take over (transfer) the buffer it is given: hand it a copy. Verbosity 0: errors
  // only, not its warnings about repairing a damaged file on the console.
  const pdf = await getDocumentProxy(new Uint8Array(bytes), { verbosity: 0 }).catch((error: unknown) => {
    throw pdfError(error);
  });
  const pages: string[] = [];
  try {
    for (let number = 1; number <= pdf.numPages; number++) {
      const page = await pdf.getPage(number);
      const content = await page.getTextContent();
      const items: PositionedText[] = [];
      for (const item of content.items) {
        if (!('str' in item) || item.str === '') continue;
        const [a, b, c, d, x, y] = item.transform as number[];
        // The font size is the length of the text matrix's vertical vector; height is 0 for spaces.
        const size = Math.hypot(c, d) || Math.hypot(a, b) || item.height;
        items.push({ text: item.str, x, y, width: item.width, size });
      }
      pages.push(orderTextItems(items));
      page.cleanup();
    }
  } catch (error) {
    throw pdfError(error);
  } finally {
    await pdf.loadingTask.destroy();
  }
  if (pages.some((text) => text.trim() !== '')) {
    return { kind: 'pdf', text: pages.join('\n\n').trim(), ocr: false };
  }
  return { kind: 'pdf', text: await ocrPdf(bytes, pages.length, ocr, onProgress), ocr: true };
}

/** Each page rendered at 300 dpi (pdftoppm, poppler-utils), then recognised; progress per page. */
async function ocrPdf(bytes: Uint8Array, pageCount: number, ocr: OcrFunction, onProgress?: ProgressListener): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'dsyb-intake-'));
  try {
    const file = path.join(dir, 'page.pdf');
    await writeFile(file, bytes);
    const texts: string[] = [];
    onProgress?.(0);
    for (let page = 1; page <= pageCount; page++) {
      const out = path.join(dir, `p${page}`);
      const run = await runTool('pdftoppm', ['-r', '300', '-png', '-f', String(page), '-l', String(page), '-singlefile', file, out]);
      if (run === 'missing') throw new IntakeFileError(PDFTOPPM_MISSING);
      if (run.code !== 0) throw new IntakeFileError(PDF_BROKEN);
      const png = await readFile(`${out}.png`);
      await rm(`${out}.png`, { force: true });
      const text = await ocr(png, onProgress && ((fraction) => onProgress((page - 1 + clamp01(fraction)) / pageCount)));
      texts.push(text.trim());
      onProgress?.(page / pageCount);
    }
    return texts.join('\n\n').trim();
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

const clamp01 = (value: number): number => Math.min(1, Math.max(0, value));

/* ---------- OCR ---------- */

interface ToolRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs a program to completion; 'missing' when it is not installed (ENOENT). */
function runTool(command: string, args: string[], timeoutMs = 5 * 60_000): Promise<ToolRun | 'missing'> {
  return new Promise((resolve, reject) => {
    // env: the PATH this module sees (the same as the process's, except in a test sandbox).
    // Our own timer rather than spawn's `timeout`: Node leaves that one running when the program
    // cannot be started (ENOENT), which keeps the process (and Jest) from exiting.
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'], env: process.env });
    const timer = setTimeout(() => child.kill('SIGTERM'), timeoutMs);
    timer.unref();
    const stdout: Buffer[] = [];
    const stderr: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => stdout.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk));
    child.on('error', (error: NodeJS.ErrnoException) => {
      clearTimeout(timer);
      if (error.code === 'ENOENT') resolve('missing');
      else reject(error);
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      if (signal) {
        reject(new IntakeFileError(`${command} 运行超时或被终止（${signal}）`));
        return;
      }
      resolve({ code, stdout: Buffer.concat(stdout).toString('utf8'), stderr: Buffer.concat(stderr).toString('utf8') });
    });
  });
}

/** Han characters, CJK punctuation, full-width forms and kana: no space belongs between two of them. */
const CJK = '\\p{Script=Han}\\p{Script=Hiragana}\\p{Script=Katakana}\\u3000-\\u303F\\uFF00-\\uFFEF\\u2014\\u2018\\u2019\\u201C\\u201D\\u2026\\u00B7';
const SPACES_BETWEEN_CJK = new RegExp(`(?<=[${CJK}])[ \\t]+(?=[${CJK}])`, 'gu');

/** Tesseract separates every recognised Chinese character by a space; they are removed. */
export function removeSpacesBetweenCjk(text: string): string {
  return text.replace(SPACES_BETWEEN_CJK, '');
}

/**
 * The text of one image, recognised by Debian's tesseract (`tesseract <file> stdout -l chi_sim
 * --psm 3`). Throws IntakeFileError when tesseract or the language data is not installed, or
 * when it cannot read the image. tesseract reports nothing while it works: onProgress gets 0
 * before and 1 after.
 */
export async function ocrImage(bytes: Uint8Array, options: { languages?: string; onProgress?: ProgressListener } = {}): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'dsyb-ocr-'));
  try {
    const file = path.join(dir, 'image');
    await writeFile(file, bytes);
    options.onProgress?.(0);
    const run = await runTool('tesseract', [file, 'stdout', '-l', options.languages ?? 'chi_sim', '--psm', '3']);
    if (run === 'missing' || /Failed loading language|Error opening data file|couldn't load any languages/i.test(run.stderr)) {
      throw new IntakeFileError(OCR_MISSING);
    }
    if (run.code !== 0) throw new IntakeFileError('图片无法识别：文件已损坏或格式不受支持');
    options.onProgress?.(1);
    return removeSpacesBetweenCjk(run.stdout)
      .split('\n')
      .map((line) => line.trimEnd())
      .join('\n')
      .replace(/\f/g, '')
      .replace(/\n{3,}/g, '\n\n')
      .trim();
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** Whether tesseract runs here and has the Chinese (chi_sim) language data. */
export async function tesseractAvailable(): Promise<boolean> {
  try {
    const run = await runTool('tesseract', ['--list-langs'], 30_000);
    return run !== 'missing' && run.code === 0 && /^chi_sim$/m.test(run.stdout);
  } catch {
    return false;
  }
}
