import type { EntryWarning } from '@dsyb/contracts';
import { htmlToBlocks } from '@dsyb/rich-text';
import { lowResolutionFigures, missingGlyphs } from '@dsyb/typeset';

/**
 * What an entry, saved as it is, will not print well. Characters of its title or body (captions
 * included) that no font of the PDF has, found by the render's own check (libs/typeset
 * missingGlyphs), with an alternative where there is an obvious one (an emoji removed, a
 * compatibility ideograph normalised); and figures too small for the size they print at (below
 * 150 dpi, libs/typeset lowResolutionFigures). The save goes through; the editor is told.
 *
 * Figures are judged on A4: the PDF is typeset on A4 whatever the masthead's paper says
 * (the worker renders without page settings).
 */
export function entryWarnings(entry: { title: string; bodyText: string; bodyHtml?: string }): EntryWarning[] {
  const warnings: EntryWarning[] = [];
  const missing = missingGlyphs([entry.title, entry.bodyText]);
  if (missing.length > 0) {
    const characters = missing.map(({ character }) => character);
    warnings.push({
      code: 'missing-glyphs',
      characters,
      alternatives: missing,
      message: `以下字符字体中没有，印刷时无法显示：${characters.join('、')}`,
    });
  }
  if (entry.bodyHtml) warnings.push(...lowResolutionFigures(htmlToBlocks(entry.bodyHtml)));
  return warnings;
}
