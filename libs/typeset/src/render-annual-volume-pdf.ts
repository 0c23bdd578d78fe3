import type { AnnualVolumeSnapshot } from '@dsyb/domain';
import { prepareAnnualVolume, volumeTexts, type PreparedAnnualVolume } from './annual-volume-data';
import { ANNUAL_VOLUME_TEMPLATE } from './annual-volume-template';
import { renderPreparedDocument, type RenderedDocument } from './render-document';
import type { TypesetSettings } from './typeset-settings';
import { withDataLine } from './typst-source';

/** The volume's PDF and what it took (render-document.ts). */
export type RenderedAnnualVolume = RenderedDocument;

/**
 * Typesets an annual volume (年度大事记) to PDF: cover, 目录 by month, the events month by month
 * (date, title in bold, body with its figures, as the monthly issue prints them), and the 索引 of
 * the terms that occur, with the pages Typst printed them on. Synchronous, like renderIssuePdf,
 * and with the same failures: TypesetError, naming the entry when one is at fault; an image that
 * cannot be decoded prints as a placeholder with a warning. `warnings` also names index terms left
 * out (no occurrence) and wordings two terms share.
 */
export function renderAnnualVolumePdf(snapshot: AnnualVolumeSnapshot, settings?: TypesetSettings): RenderedAnnualVolume {
  const prepared = prepareAnnualVolume(snapshot, settings);
  return renderPreparedDocument(prepared, { sourceOf: volumeSource, texts: volumeTexts(prepared), dropCache: true });
}

/** The complete Typst source of a volume: its data line, then the fixed template. */
export function buildAnnualVolumeTypstSource(snapshot: AnnualVolumeSnapshot, settings?: TypesetSettings): string {
  return volumeSource(prepareAnnualVolume(snapshot, settings));
}

function volumeSource(prepared: PreparedAnnualVolume): string {
  return withDataLine(prepared.data, ANNUAL_VOLUME_TEMPLATE);
}
