import type { PaperSize } from './vocabulary';

/**
 * How sharp a figure prints: the same sizing rule as the typesetter's template (libs/typeset
 * typst-template.ts, figure-image), worked out without compiling, so that the editor (when a
 * picture is inserted), the API (entry save, 签发) and the render all give the same answer.
 *
 * A figure prints at its natural size (pixels at 96 dpi), at most the text width and 45% of the
 * text height. Below ~150 dpi at the size it prints, a photo looks soft or blocky on paper.
 */
export const MIN_PRINT_DPI = 150;

/** Paper sizes in mm, as the admin lists them (app.masthead.paper). */
export const PAPER_MM: Record<PaperSize, { width: number; height: number }> = {
  a4: { width: 210, height: 297 },
  a5: { width: 148, height: 210 },
  b5: { width: 176, height: 250 },
  'iso-b5': { width: 176, height: 250 },
  'jis-b5': { width: 182, height: 257 },
  'us-letter': { width: 215.9, height: 279.4 },
};

/** The typesetter's default margins in mm (libs/typeset typeset-settings.ts uses these). */
export const DEFAULT_MARGINS_MM = { top: 25, bottom: 25, left: 27, right: 25 } as const;

const PT_PER_MM = 72 / 25.4;
/** The template caps a figure's height at this share of the text height. */
const MAX_FIGURE_HEIGHT_SHARE = 0.45;

export interface PrintedFigure {
  /** Width on paper, in mm (rounded to 0.1). */
  widthMm: number;
  /** Pixels per inch at that width (rounded down). */
  dpi: number;
  /** True below MIN_PRINT_DPI. */
  low: boolean;
  /** The fewest pixels across that print at MIN_PRINT_DPI or more (at the largest size). */
  neededWidth: number;
}

/** How large, and how sharp, an image of the given pixels prints on the given paper. */
export function printedFigure(pixels: { width: number; height: number }, paper: PaperSize = 'a4'): PrintedFigure {
  const sheet = PAPER_MM[paper] ?? PAPER_MM.a4;
  const textWidthPt = (sheet.width - DEFAULT_MARGINS_MM.left - DEFAULT_MARGINS_MM.right) * PT_PER_MM;
  const textHeightPt = (sheet.height - DEFAULT_MARGINS_MM.top - DEFAULT_MARGINS_MM.bottom) * PT_PER_MM;
  const aspect = pixels.width / pixels.height;
  const maxWidthPt = Math.min(textWidthPt, textHeightPt * MAX_FIGURE_HEIGHT_SHARE * aspect);
  const widthPt = Math.min(pixels.width * 0.75, maxWidthPt);
  const dpi = Math.floor(pixels.width / (widthPt / 72));
  // An image printed below its largest size prints at its natural 96 dpi: only a wider original,
  // printed at the largest size, gets sharp enough.
  const neededWidth = Math.ceil((maxWidthPt / 72) * MIN_PRINT_DPI);
  return { widthMm: Math.round((widthPt / PT_PER_MM) * 10) / 10, dpi, low: dpi < MIN_PRINT_DPI, neededWidth };
}

/**
 * The warning for one low-resolution figure, e.g. "第1幅图片分辨率不足：800×600 像素，印出宽约
 * 158 毫米，仅 128 dpi（印刷至少需要 150 dpi），印出会模糊；请换用至少 934 像素宽的原图". Null when it
 * prints sharp enough.
 */
export function lowResolutionWarning(figure: number, pixels: { width: number; height: number }, paper: PaperSize = 'a4'): string | null {
  const printed = printedFigure(pixels, paper);
  if (!printed.low) return null;
  return (
    `第${figure}幅图片分辨率不足：${pixels.width}×${pixels.height} 像素，印出宽约 ${Math.round(printed.widthMm)} 毫米，` +
    `仅 ${printed.dpi} dpi（印刷至少需要 ${MIN_PRINT_DPI} dpi），印出会模糊；请换用至少 ${printed.neededWidth} 像素宽的原图`
  );
}
