import type { Entry, EntryWarning, MissingGlyphsWarning } from '@dsyb/contracts';

type Alternatives = MissingGlyphsWarning['alternatives'];

/** Marks that belong to the character before them (emoji presentation, joiners): they go with it. */
const TRAILING_MARK = /^[\uFE0E\uFE0F\u200D]$/u;

/**
 * `text` with each character the fonts lack replaced by its alternative from the server's
 * warning (an emoji removed with its joiners, a compatibility ideograph normalised); characters
 * without one are left for the editor. Works on the body's HTML too: the characters are never
 * part of markup or of an image's base64.
 */
export function withAlternatives(text: string, alternatives: Alternatives): string {
  const replacements = new Map(alternatives.flatMap(({ character, alternative }) => (alternative === null ? [] : [[character, alternative] as const])));
  if (replacements.size === 0) return text;
  const characters = Array.from(text);
  let result = '';
  for (let i = 0; i < characters.length; i += 1) {
    const replacement = replacements.get(characters[i]);
    if (replacement === undefined) {
      result += characters[i];
      continue;
    }
    result += replacement;
    if (replacement === '') while (i + 1 < characters.length && TRAILING_MARK.test(characters[i + 1])) i += 1;
  }
  return result;
}

/** The server's missing-glyph warning, for the characters still in the given texts (the form's current values). */
export function missingGlyphsIn(entry: Pick<Entry, 'warnings'> | undefined, texts: readonly unknown[]): Alternatives {
  const warning = entry?.warnings?.find(isGlyphWarning);
  if (!warning) return [];
  const strings = texts.filter((text): text is string => typeof text === 'string');
  return warning.alternatives.filter(({ character }) => strings.some((text) => text.includes(character)));
}

/** The warning that keeps the editor on the form after a save: characters that will not print. (Date warnings show in the form as it is typed; a soft photo on the entry's pages.) */
export const isGlyphWarning = (warning: EntryWarning): warning is MissingGlyphsWarning => warning.code === 'missing-glyphs';

/** A save answered with characters the fonts lack: the editor stays in the form to replace them. */
export const hasGlyphWarning = (entry: Pick<Entry, 'warnings'>): boolean => entry.warnings?.some(isGlyphWarning) ?? false;
