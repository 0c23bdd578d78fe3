import type { EntryWarning } from '@dsyb/contracts';
import { missingGlyphs } from '@dsyb/typeset';

/**
 * What an entry, saved as it is, will not print: characters of its title or body (captions
 * included) that no font of the PDF has, found by the render's own check (libs/typeset
 * missingGlyphs). The save goes through; the editor is told, with an alternative where there is
 * an obvious one (an emoji removed, a compatibility ideograph normalised).
 */
export function entryWarnings(entry: { title: string; bodyText: string }): EntryWarning[] {
  const missing = missingGlyphs([entry.title, entry.bodyText]);
  if (missing.length === 0) return [];
  const characters = missing.map(({ character }) => character);
  return [
    {
      code: 'missing-glyphs',
      characters,
      alternatives: missing,
      message: `以下字符字体中没有，印刷时无法显示：${characters.join('、')}`,
    },
  ];
}
