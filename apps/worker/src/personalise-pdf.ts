import { PDFDocument } from 'pdf-lib';
import type { StampPageSize } from '@dsyb/typeset';

/** The size of a PDF's first page, in points: the stamp is typeset to it. */
export async function firstPageSize(pdf: Uint8Array): Promise<StampPageSize> {
  const document = await PDFDocument.load(pdf, { updateMetadata: false });
  const { width, height } = document.getPage(0).getSize();
  return { widthPt: width, heightPt: height };
}

/**
 * The final PDF with a stamp (page `stampIndex` of `stamps`, one transparent page typeset by
 * Typst with the unit's name at its foot) drawn over every page: the content is not re-typeset,
 * only overlaid, so every copy prints exactly the published issue. A page of another size than
 * the first (a fold-out) gets the stamp scaled to it.
 */
export async function personalisePdf(finalPdf: Uint8Array, stamps: Uint8Array, stampIndex: number): Promise<Buffer> {
  const document = await PDFDocument.load(finalPdf, { updateMetadata: false });
  const [stamp] = await document.embedPdf(stamps, [stampIndex]);
  for (const page of document.getPages()) {
    const { width, height } = page.getSize();
    page.drawPage(stamp, { x: 0, y: 0, width, height });
  }
  return Buffer.from(await document.save({ useObjectStreams: false }));
}
