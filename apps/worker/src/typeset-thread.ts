/**
 * Entry point of a typesetting thread (see typesetting-threads.ts). The Typst compiler is
 * synchronous and native: run here, it keeps its warm fonts and layout caches across jobs while
 * the worker's main thread stays free to renew BullMQ locks and talk to PostgreSQL.
 */
import { parentPort } from 'node:worker_threads';
import { renderIssuePdf, TypesetError, warmUpTypesetter } from '@dsyb/typeset';
import type { ThreadReply, ThreadRequest } from './typesetting-threads';

const port = parentPort;
if (!port) throw new Error('typeset-thread.js must be started as a worker thread');

// Fonts are loaded before the thread says it is ready, so no job waits for them.
warmUpTypesetter();
port.postMessage({ type: 'ready' } satisfies ThreadReply);

port.on('message', (request: ThreadRequest) => {
  try {
    const { pdf, pages, warnings } = renderIssuePdf(request.snapshot);
    // A copy in a fresh ArrayBuffer can be transferred rather than cloned.
    const bytes = new Uint8Array(pdf.byteLength);
    bytes.set(pdf);
    port.postMessage({ type: 'rendered', id: request.id, pdf: bytes, pages, warnings } satisfies ThreadReply, [bytes.buffer]);
  } catch (error) {
    const reply: ThreadReply =
      error instanceof TypesetError
        ? { type: 'failed', id: request.id, typeset: true, message: error.message, entryId: error.entryId, entryTitle: error.entryTitle, diagnostics: [...error.diagnostics] }
        : { type: 'failed', id: request.id, typeset: false, message: error instanceof Error ? error.message : String(error), stack: error instanceof Error ? error.stack : undefined };
    port.postMessage(reply);
  }
});
