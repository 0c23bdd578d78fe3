import type { IssueSnapshot } from '@dsyb/domain';
import { unprintableCharacters, type GlyphCoverage } from './font-coverage';
import { prepareTypesetData, textsOf, type PreparedIssue } from './typeset-data';
import { describeEntry, TypesetError } from './typeset-error';
import type { TypesetSettings } from './typeset-settings';
import { compilePdf, typesetter } from './typesetter';
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
 * Throws TypesetError (with entryId/entryTitle when an entry is at fault); never returns a
 * PDF from a failed compilation.
 */
export function renderIssuePdf(snapshot: IssueSnapshot, settings?: TypesetSettings): RenderedIssue {
  const prepared = prepareTypesetData(snapshot, settings);
  assertPrintable(prepared, typesetter().coverage);
  const typstSource = sourceFor(prepared);
  return compileToPdf(typstSource, prepared);
}

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
