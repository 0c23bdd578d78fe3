import { execFile, execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { promisify } from 'node:util';

/**
 * Reads a .docx back for tests: its parts with Debian's `unzip`, its paragraphs (style and text)
 * from word/document.xml, and the PDF LibreOffice makes of it (Debian's libreoffice-writer-nogui).
 */
export function docxPart(docx: Buffer, part: string): string {
  return docxBytes(docx, part).toString('utf8');
}

/** The names of the files in the package, e.g. "word/media/image1.png". */
export function docxFiles(docx: Buffer): string[] {
  const copy = temporaryCopy(docx);
  try {
    return execFileSync('unzip', ['-Z1', copy.file], { encoding: 'utf8' }).split('\n').filter((line) => line !== '');
  } finally {
    copy.remove();
  }
}

/** One file of the package as bytes. */
export function docxBytes(docx: Buffer, part: string): Buffer {
  const copy = temporaryCopy(docx);
  try {
    return execFileSync('unzip', ['-p', copy.file, part], { maxBuffer: 256 * 1024 * 1024 });
  } finally {
    copy.remove();
  }
}

/** The document written to export.docx in a directory of its own, and how to remove that directory. */
function temporaryCopy(docx: Buffer): { file: string; dir: string; remove: () => void } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dsyb-docx-'));
  const file = path.join(dir, 'export.docx');
  fs.writeFileSync(file, docx);
  return { file, dir, remove: () => fs.rmSync(dir, { recursive: true, force: true }) };
}

export interface DocxParagraph {
  /** The paragraph style's id, e.g. "Heading1", "DsybBody"; "" for none. */
  style: string;
  /** Its visible text (field instructions left out). */
  text: string;
  /** The paragraph's XML, for what the test looks at beyond style and text. */
  xml: string;
}

const unescape = (text: string): string =>
  text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');

/** Every paragraph of word/document.xml in order (those inside the contents' content control too). */
export function docxParagraphs(documentXml: string): DocxParagraph[] {
  return [...documentXml.matchAll(/<w:p(?:\s[^>]*)?>([\s\S]*?)<\/w:p>/g)].map((match) => ({
    style: /<w:pStyle w:val="([^"]*)"/.exec(match[1])?.[1] ?? '',
    text: unescape([...match[1].matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((t) => t.at(1)).join('')),
    xml: match[0],
  }));
}

/** Field instructions of the document in order: simple fields' `instr` and complex fields' instrText. */
export function docxFieldInstructions(documentXml: string): string[] {
  return [...documentXml.matchAll(/<w:fldSimple w:instr="([^"]*)"|<w:instrText(?:\s[^>]*)?>([^<]*)<\/w:instrText>/g)].map((m) => unescape(m[1] ?? m[2]).trim());
}

/**
 * The PDF LibreOffice makes of the document (`libreoffice --headless --convert-to pdf`), in a
 * profile of its own so that conversions running side by side do not wait for each other.
 * Asynchronous: a test's event loop keeps running meanwhile (an HTTP client blocked for the
 * conversion's seconds would reuse a connection the server has closed since).
 */
export async function docxToPdf(docx: Buffer, timeoutMs = 90_000): Promise<Buffer> {
  const copy = temporaryCopy(docx);
  try {
    await promisify(execFile)('libreoffice', [`-env:UserInstallation=file://${copy.dir}/profile`, '--headless', '--convert-to', 'pdf', '--outdir', copy.dir, copy.file], {
      timeout: timeoutMs,
    });
    return fs.readFileSync(path.join(copy.dir, 'export.pdf'));
  } finally {
    copy.remove();
  }
}
