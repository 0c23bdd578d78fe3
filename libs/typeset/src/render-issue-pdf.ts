import type { IssueSnapshot } from '@dsyb/domain';
import { renderPreparedDocument, type RenderedDocument } from './render-document';
import { prepareTypesetData, textsOf } from './typeset-data';
import type { TypesetSettings } from './typeset-settings';
import { sourceFor } from './typst-source';

/** The issue's PDF and what it took (render-document.ts). */
export type RenderedIssue = RenderedDocument;

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
  return renderPreparedDocument(prepared, { sourceOf: sourceFor, texts: textsOf(prepared) });
}
