import { concatTransformationMatrix, drawObject, ParseSpeeds, PDFContentStream, PDFDocument, PDFName, popGraphicsState, pushGraphicsState, type PDFOperator, type PDFRef } from 'pdf-lib';
import type { StampPageSize } from '@dsyb/typeset';

/**
 * pdf-lib yields to the event loop every 100 objects read and 50 written, each time through a
 * setTimeout(0) that costs a millisecond or more: for a 20-page issue (~2,000 objects) that was
 * 60 ms of waiting a copy, more than the work itself. A copy takes ~25 ms of CPU in one go here,
 * short enough for the queue's lock renewals on this thread.
 */
const LOAD = { updateMetadata: false, parseSpeed: ParseSpeeds.Fastest } as const;
const SAVE = { useObjectStreams: false, objectsPerTick: Number.POSITIVE_INFINITY } as const;

/** The size of a PDF's first page, in points: a unit's stamp is typeset to it. */
export async function firstPageSize(pdf: Uint8Array): Promise<StampPageSize> {
  const { width, height } = (await PDFDocument.load(pdf, LOAD)).getPage(0).getSize();
  return { widthPt: width, heightPt: height };
}

/** The name the stamp has in each page's resources. */
const STAMP = PDFName.of('DsybStamp');

/**
 * The final PDF with page 1 of `stamp` (one transparent page typeset by Typst, the unit's name at
 * its foot) drawn over every page: the content is not re-typeset, only overlaid, so every copy
 * prints exactly the published issue. Each page's own content is wrapped in q … Q, so nothing it
 * leaves set (a colour, a transformation) reaches the stamp, and the stamp is drawn after it; a
 * page of another size than the stamp (a fold-out) gets it scaled to fit.
 *
 * Built from pdf-lib's parts rather than page.drawPage, which gives every page content streams of
 * its own, each compressed on saving (2,000 small deflates in a dispatch of a 20-page issue to a
 * hundred units): here every page of the same size shares two small uncompressed streams.
 */
export async function personalisePdf(finalPdf: Uint8Array, stamp: Uint8Array): Promise<Buffer> {
  const document = await PDFDocument.load(finalPdf, LOAD);
  const [embedded] = await document.embedPdf(stamp, [0]);
  const { context } = document;
  const stream = (...operators: PDFOperator[]): PDFRef => context.register(PDFContentStream.of(context.obj({}), operators, false));
  const open = stream(pushGraphicsState());
  const closes = new Map<string, PDFRef>();
  for (const page of document.getPages()) {
    const { width, height } = page.getSize();
    const size = `${width}x${height}`;
    let close = closes.get(size);
    if (!close) {
      close = stream(popGraphicsState(), pushGraphicsState(), concatTransformationMatrix(width / embedded.width, 0, 0, height / embedded.height, 0, 0), drawObject(STAMP), popGraphicsState());
      closes.set(size, close);
    }
    page.node.normalize();
    page.node.setXObject(STAMP, embedded.ref);
    page.node.wrapContentStreams(open, close);
  }
  return Buffer.from(await document.save(SAVE));
}
