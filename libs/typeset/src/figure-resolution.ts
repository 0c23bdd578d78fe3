import { lowResolutionWarning, printedFigure, type LowResolutionWarning, type PaperSize } from '@dsyb/contracts';
import { checkBase64Image, type EntryBlock } from '@dsyb/domain';

/**
 * The figures of an entry body that print below MIN_PRINT_DPI (contracts print-resolution.ts),
 * numbered as the PDF numbers them ("第2幅图片"). Only the image headers are read. Figures the PDF
 * prints as placeholders (a web address, an unreadable file) have their own notices and are left out.
 * Used by the API on entry save and at 签发.
 */
export function lowResolutionFigures(blocks: readonly EntryBlock[], paper: PaperSize = 'a4'): LowResolutionWarning[] {
  const warnings: LowResolutionWarning[] = [];
  let figure = 0;
  for (const block of blocks) {
    if (block.type !== 'figure') continue;
    figure += 1;
    if (block.image.kind !== 'embedded') continue;
    const checked = checkBase64Image(block.image.base64);
    if (!checked.ok) continue;
    const { width, height } = checked.header;
    const message = lowResolutionWarning(figure, { width, height }, paper);
    if (message) warnings.push({ code: 'low-resolution', figure, width, height, dpi: printedFigure({ width, height }, paper).dpi, message });
  }
  return warnings;
}
