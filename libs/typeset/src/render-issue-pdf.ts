import type { IssueSnapshot } from '@dsyb/domain';
import { unprintableCharacters, type GlyphCoverage } from './font-coverage';
import { prepareTypesetData, textsOf, type PreparedIssue } from './typeset-data';
import { describeEntry, TypesetError } from './typeset-error';
import type { TypesetSettings } from './typeset-settings';
import { compilePdf, typesetter, undecodableImages } from './typesetter';
import { typesetErrorFromDiagnostics } from './typst-diagnostics';
import { sourceFor } from './typst-source';

export interface RenderedIssue {
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
 * Typesets one issue to PDF. Synchronous: the Typst compiler is a native module with a
 * synchronous API, and a 25-page issue takes on the order of 100 ms once the compiler is warm.
 * A worker that must stay responsive meanwhile should call this from a worker thread.
 *
 * A figure the compiler cannot decode (saved before figures were decoded at save, or written
 * straight into the database) does not fail the issue: it is printed as a placeholder naming the
 * entry and the figure, and a warning says so.
 *
 * Throws TypesetError (with entryId/entryTitle when an entry is at fault); never returns a
 * PDF from a failed compilation.
 */
export function renderIssuePdf(snapshot: IssueSnapshot, settings?: TypesetSettings): RenderedIssue {
  const prepared = prepareTypesetData(snapshot, settings);
  assertPrintable(prepared, typesetter().coverage);
  const rendered = compileOrOmitFigures(prepared);
  if (!rendered.warnings.some((warning) => NOT_CONVERGED.test(warning)) || !keepFiguresInFlow(prepared)) return rendered;
  return compileOrOmitFigures(prepared);
}

function compileOrOmitFigures(prepared: PreparedIssue): RenderedIssue {
  try {
    return compileToPdf(sourceFor(prepared), prepared);
  } catch (error) {
    if (!(error instanceof TypesetError) || !omitUndecodableFigures(prepared)) throw error;
    return compileToPdf(sourceFor(prepared), prepared);
  }
}

/** Typst's warning when its layout passes did not settle (the result may be inconsistent). */
const NOT_CONVERGED = /layout did not converge/;

/**
 * A figure that does not fit moves alone to the next page (the template decides from where the
 * previous layout pass put it); each figure that moves shifts what follows, and with many of
 * them Typst's five layout passes may not settle. Then the issue is typeset again with every
 * figure kept in the flow (a figure that does not fit moves whole, its text with it): the page
 * may keep a gap, but the layout is certain. False when no figure could move (nothing to retry).
 */
function keepFiguresInFlow(prepared: PreparedIssue): boolean {
  let changed = false;
  for (const section of prepared.data.sections) {
    for (const entry of section.entries) {
      for (const block of entry.blocks ?? []) {
        if (block.type === 'figure' && block.movable) {
          block.movable = false;
          changed = true;
        }
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
function omitUndecodableFigures(prepared: PreparedIssue): boolean {
  if (prepared.images.length === 0) return false;
  const broken = undecodableImages(prepared.images);
  if (broken.size === 0) return false;
  const brokenFiles = new Set(prepared.images.flatMap((image, file) => (broken.has(image.path) ? [file] : [])));
  for (const section of prepared.data.sections) {
    for (const entry of section.entries) {
      let figure = 0;
      for (const block of entry.blocks ?? []) {
        if (block.type !== 'figure') continue;
        figure += 1;
        if (block.image === null || !brokenFiles.has(block.image.file)) continue;
        block.image = null;
        block.note = UNDECODABLE_NOTE;
        const ref = prepared.entries[entry.index];
        prepared.notices.push(`${describeEntry(ref.id, ref.title)}第${figure}幅图片无法显示：${UNDECODABLE_NOTE}`);
      }
    }
  }
  prepared.images = prepared.images.filter((image) => !broken.has(image.path));
  return true;
}

const UNDECODABLE_NOTE = '图片已损坏或不完整，无法解码，请在编辑器中删除后重新插入';

function compileToPdf(typstSource: string, prepared: PreparedIssue): RenderedIssue {
  // The images are files only the compiler sees, for this compilation only.
  const { pdf, pages, warnings } = compilePdf(typstSource, {
    files: prepared.images,
    errorFrom: (diagnostics) => typesetErrorFromDiagnostics(diagnostics, prepared.entries, prepared.data.page.paper),
  });
  return { pdf, pages, typstSource, warnings: [...prepared.notices, ...warnings], imagePixels: prepared.imagePixels };
}

/** Fails, naming the entry, when some text has characters the bundled fonts cannot print. */
function assertPrintable(prepared: PreparedIssue, coverage: GlyphCoverage): void {
  for (const { text, entry, what } of textsOf(prepared)) {
    const unprintable = unprintableCharacters(text, coverage);
    if (!unprintable) continue;
    const problem = `${what}${unprintable}`;
    if (!entry) throw new TypesetError(`排版失败：${problem}`);
    throw new TypesetError(`${describeEntry(entry.id, entry.title)}排版失败：${problem}`, {
      entryId: entry.id,
      entryTitle: typeof entry.title === 'string' ? entry.title : undefined,
    });
  }
}
