/**
 * Entry point of a typesetting thread (see typesetting-threads.ts). The Typst compiler is
 * synchronous and native: run here, it keeps its warm fonts and layout caches across jobs while
 * the worker's main thread stays free to renew BullMQ locks and talk to PostgreSQL.
 */
import * as v8 from 'node:v8';
import * as vm from 'node:vm';
import { parentPort } from 'node:worker_threads';
import { renderAnnualVolumePdf, renderIssuePdf, renderStampPdf, TypesetError, warmUpTypesetter, type RenderedIssue } from '@dsyb/typeset';
import type { DocumentWork, ThreadReply, ThreadRequest } from './typesetting-threads';

const port = parentPort;
if (!port) throw new Error('typeset-thread.js must be started as a worker thread');

/**
 * Decoded images (~3–4 bytes a pixel) stay in this thread's memory until V8 gets round to
 * collecting the compiled documents that hold them, which it does lazily as it cannot see
 * native memory: 8 photos of 12 megapixels an issue kept the worker at 0.5–1.2 GB. Ending the
 * thread frees everything, so once this thread has decoded this many pixels it asks to be
 * replaced after its render (measured: 0.2–0.35 GB then). Text-only issues never count.
 */
const RETIRE_AFTER_IMAGE_PIXELS = 40_000_000;
let decodedPixels = 0;

/**
 * A compiled document's layout (all its pages' frames: 45–50 MB for a 215-page annual volume) is
 * native memory held by a small JS object, freed only when V8 collects that object and its
 * finalizer runs on a later turn of the event loop. V8 sees only the small object and, with
 * little JS garbage about, may not collect it for many renders: a worker rendering the 330-event
 * volume again and again grew by that much each time (342, 408, 424… MB in a bare process;
 * 323–335 MB with a collection after each). So the thread collects once it has answered, and
 * the finalizers run before the next job. A full collection of this heap takes milliseconds.
 * Only this function sees `gc`: the flag that exposes it is turned off again at once.
 */
const collectGarbage = exposedGc();

function exposedGc(): () => void {
  if (typeof globalThis.gc === 'function') return globalThis.gc;
  v8.setFlagsFromString('--expose-gc');
  try {
    return vm.runInNewContext('gc') as () => void;
  } finally {
    v8.setFlagsFromString('--no-expose-gc');
  }
}

// Fonts are loaded before the thread says it is ready, so no job waits for them.
warmUpTypesetter();
port.postMessage({ type: 'ready' } satisfies ThreadReply);

port.on('message', (request: ThreadRequest) => {
  try {
    // The snapshot arrives as a structured clone; its images are base64 strings in it, which
    // the renderer hands to the compiler as virtual files.
    if ('personalise' in request) throw new Error('typeset-thread.js does not personalise PDFs (personalise-thread.js does)');
    const { pdf, pages, warnings, imagePixels } =
      'snapshot' in request
        ? renderDocument(request)
        : { pdf: renderStampPdf(request.stamps, request.page), pages: request.stamps.length, warnings: [], imagePixels: 0 };
    decodedPixels += imagePixels;
    // A copy in a fresh ArrayBuffer can be transferred rather than cloned.
    const bytes = new Uint8Array(pdf.byteLength);
    bytes.set(pdf);
    const retire = decodedPixels > RETIRE_AFTER_IMAGE_PIXELS;
    port.postMessage({ type: 'rendered', id: request.id, pdf: bytes, pages, warnings, retire } satisfies ThreadReply, [bytes.buffer]);
  } catch (error) {
    const reply: ThreadReply =
      error instanceof TypesetError
        ? { type: 'failed', id: request.id, typeset: true, message: error.message, entryId: error.entryId, entryTitle: error.entryTitle, diagnostics: [...error.diagnostics] }
        : { type: 'failed', id: request.id, typeset: false, message: error instanceof Error ? error.message : String(error), stack: error instanceof Error ? error.stack : undefined };
    port.postMessage(reply);
  }
  setImmediate(collectGarbage);
});

function renderDocument(work: DocumentWork): RenderedIssue {
  return work.document === 'annual-volume' ? renderAnnualVolumePdf(work.snapshot) : renderIssuePdf(work.snapshot);
}
