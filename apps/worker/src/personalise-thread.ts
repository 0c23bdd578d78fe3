/**
 * Entry point of a personalising thread: a unit's copy is the final PDF with its stamp drawn on
 * every page (pdf-lib, ~25 ms of CPU a 20-page copy). Here rather than on the main thread, so that
 * a dispatch to a hundred units uses the machine's second core while the main thread talks to
 * PostgreSQL, Redis and the SMTP server. The same pool as the typesetting threads runs it
 * (typesetting-threads.ts), with the same replies; it loads no fonts.
 */
import { parentPort } from 'node:worker_threads';
import { personalisePdf } from './personalise-pdf';
import type { ThreadReply, ThreadRequest } from './typesetting-threads';

const port = parentPort;
if (!port) throw new Error('personalise-thread.js must be started as a worker thread');

port.postMessage({ type: 'ready' } satisfies ThreadReply);

port.on('message', (request: ThreadRequest) => {
  if (!('personalise' in request)) {
    port.postMessage({ type: 'failed', id: request.id, typeset: false, message: 'personalise-thread.js only personalises PDFs' } satisfies ThreadReply);
    return;
  }
  personalisePdf(request.personalise.pdf, request.personalise.stamp)
    .then((pdf) => {
      const bytes = new Uint8Array(pdf.byteLength);
      bytes.set(pdf);
      port.postMessage({ type: 'rendered', id: request.id, pdf: bytes, pages: 0, warnings: [] } satisfies ThreadReply, [bytes.buffer]);
    })
    .catch((error: unknown) => {
      port.postMessage({ type: 'failed', id: request.id, typeset: false, message: error instanceof Error ? error.message : String(error), stack: error instanceof Error ? error.stack : undefined } satisfies ThreadReply);
    });
});
