/**
 * Entry point of a typesetting thread (see typesetting-threads.ts). The Typst compiler is
 * synchronous and native: run here, it keeps its warm fonts and layout caches across jobs while
 * the worker's main thread stays free to renew BullMQ locks and talk to PostgreSQL.
 */
import { parentPort } from 'node:worker_threads';
import { renderIssuePdf, renderStampPdf, TypesetError, warmUpTypesetter } from '@dsyb/typeset';
import type { ThreadReply, ThreadRequest } from './typesetting-threads';

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

// Fonts are loaded before the thread says it is ready, so no job waits for them.
warmUpTypesetter();
port.postMessage({ type: 'ready' } satisfies ThreadReply);

port.on('message', (request: ThreadRequest) => {
  try {
    // The snapshot arrives as a structured clone; its images are base64 strings in it, which
    // renderIssuePdf hands to the compiler as virtual files.
    if ('personalise' in request) throw new Error('typeset-thread.js does not personalise PDFs (personalise-thread.js does)');
    const { pdf, pages, warnings, imagePixels } =
      'snapshot' in request
        ? renderIssuePdf(request.snapshot)
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
});
