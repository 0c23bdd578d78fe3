import type { PreparedImage, TypesetBlock } from './body-blocks';
import { describeEntry, TypesetError, type EntryRef } from './typeset-error';
import { assertPrintable, compilePdf, undecodableImages } from './typesetter';
import { typesetErrorFromDiagnostics } from './typst-diagnostics';

/**
 * What the documents made of entries (the monthly issue, the annual volume) share once their
 * data is prepared: the glyph check, the compilation, and the two retries for figures (an image
 * the compiler cannot decode, a layout of moving figures that does not settle).
 */

/** One entry's body as the template data holds it (the same object: retries change it in place). */
export interface EntryBody {
  index: number;
  blocks?: TypesetBlock[];
}

export interface PreparedDocument {
  /** What the template reads (the data line of the source). */
  data: { page: { paper: string } };
  entries: EntryRef[];
  /** Every entry body inside `data`, for the figure retries. */
  bodies: readonly EntryBody[];
  /** Image files the compiler must be given (never part of the source). */
  images: PreparedImage[];
  /** Lines returned as warnings ahead of the compiler's: images printed as placeholders… */
  notices: string[];
  /** Pixels of the embedded images, all decoded in memory during the render. */
  imagePixels: number;
}

/** A user-visible string of the document, with the entry it belongs to (for the glyph check). */
export interface DocumentText {
  text: string;
  what: string;
  entry?: EntryRef;
}

export interface RenderedDocument {
  pdf: Buffer;
  /** Number of pages, from the compiled document (not guessed from the PDF bytes). */
  pages: number;
  /** The exact source that was compiled; worth storing next to the PDF for diagnosis. */
  typstSource: string;
  /**
   * Compiler warnings, and images printed as placeholders ("条目《…》第1张图片未嵌入：…"), if any.
   * The PDF is complete nevertheless.
   */
  warnings: string[];
  /**
   * Pixels of the images embedded, 0 for text only: what decoding them cost in memory. A
   * compiled document's native memory (its decoded images included) goes only when V8 collects
   * the JS object that holds it, and V8, which does not see that memory, takes its time; so the
   * worker replaces a typesetting thread once it has decoded many pixels, which frees it all
   * (apps/worker/src/typeset-thread.ts).
   */
  imagePixels: number;
}

/**
 * Checks the texts, compiles `sourceOf(prepared)`, and retries as described above. A figure the
 * compiler cannot decode does not fail the document: it is printed as a placeholder naming the
 * entry and the figure, and a warning says so. Throws TypesetError.
 */
export function renderPreparedDocument<P extends PreparedDocument>(prepared: P, how: DocumentRendering<P>): RenderedDocument {
  assertPrintable(how.texts, '排版失败：');
  const rendered = compileOrOmitFigures(prepared, how);
  if (!rendered.warnings.some((warning) => NOT_CONVERGED.test(warning)) || !keepFiguresInFlow(prepared)) return rendered;
  return compileOrOmitFigures(prepared, how);
}

export interface DocumentRendering<P> {
  /** The complete Typst source of the document as prepared (figures may change between attempts). */
  sourceOf: (prepared: P) => string;
  /** Every printed string, for the glyph check. */
  texts: Iterable<DocumentText>;
  /** A large document leaves no layout cached after it (typesetter.ts compilePdf). */
  dropCache?: boolean;
}

function compileOrOmitFigures<P extends PreparedDocument>(prepared: P, how: DocumentRendering<P>): RenderedDocument {
  try {
    return compileToPdf(how.sourceOf(prepared), prepared, how.dropCache);
  } catch (error) {
    if (!(error instanceof TypesetError) || !omitUndecodableFigures(prepared)) throw error;
    return compileToPdf(how.sourceOf(prepared), prepared, how.dropCache);
  }
}

/** Typst's warning when its layout passes did not settle (the result may be inconsistent). */
const NOT_CONVERGED = /layout did not converge/;

/**
 * A figure that does not fit moves alone to the next page (the template decides from where the
 * previous layout pass put it); each figure that moves shifts what follows, and with many of
 * them Typst's five layout passes may not settle. Then the document is typeset again with every
 * figure kept in the flow (a figure that does not fit moves whole, its text with it): the page
 * may keep a gap, but the layout is certain. False when no figure could move (nothing to retry).
 */
function keepFiguresInFlow(prepared: PreparedDocument): boolean {
  let changed = false;
  for (const body of prepared.bodies) {
    for (const block of body.blocks ?? []) {
      if (block.type === 'figure' && block.movable) {
        block.movable = false;
        changed = true;
      }
    }
  }
  return changed;
}

/**
 * After a failed compilation: turns every figure whose image the compiler cannot decode into a
 * placeholder, with a notice naming the entry and the figure. False when every image decodes
 * (the failure was something else).
 */
function omitUndecodableFigures(prepared: PreparedDocument): boolean {
  if (prepared.images.length === 0) return false;
  const broken = undecodableImages(prepared.images);
  if (broken.size === 0) return false;
  const brokenFiles = new Set(prepared.images.flatMap((image, file) => (broken.has(image.path) ? [file] : [])));
  for (const body of prepared.bodies) {
    let figure = 0;
    for (const block of body.blocks ?? []) {
      if (block.type !== 'figure') continue;
      figure += 1;
      if (block.image === null || !brokenFiles.has(block.image.file)) continue;
      block.image = null;
      block.note = UNDECODABLE_NOTE;
      const ref = prepared.entries[body.index];
      prepared.notices.push(`${describeEntry(ref.id, ref.title)}第${figure}幅图片无法显示：${UNDECODABLE_NOTE}`);
    }
  }
  prepared.images = prepared.images.filter((image) => !broken.has(image.path));
  return true;
}

const UNDECODABLE_NOTE = '图片已损坏或不完整，无法解码，请在编辑器中删除后重新插入';

function compileToPdf(typstSource: string, prepared: PreparedDocument, dropCache = false): RenderedDocument {
  // The images are files only the compiler sees, for this compilation only.
  const { pdf, pages, warnings } = compilePdf(typstSource, {
    files: prepared.images,
    dropCache,
    errorFrom: (diagnostics) => typesetErrorFromDiagnostics(diagnostics, prepared.entries, prepared.data.page.paper),
  });
  return { pdf, pages, typstSource, warnings: [...prepared.notices, ...warnings], imagePixels: prepared.imagePixels };
}

/** The printed strings of an entry's body blocks: runs, captions and photo credits. */
export function* blockTexts(blocks: readonly TypesetBlock[], entry: EntryRef): Generator<DocumentText> {
  for (const block of blocks) {
    if (block.type === 'figure') {
      yield { text: block.caption, entry, what: '图注' };
      yield { text: block.credit, entry, what: '摄影署名' };
      continue;
    }
    const lines = block.type === 'paragraph' ? [block.runs] : block.items.flat();
    for (const line of lines) for (const run of line) yield { text: run.text, entry, what: '正文' };
  }
}
