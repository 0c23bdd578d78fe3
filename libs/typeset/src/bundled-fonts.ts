import * as fs from 'node:fs';
import * as path from 'node:path';

/** Font families as named inside the bundled TTFs; the Typst template refers to these. */
export const SERIF_FAMILY = 'Noto Serif SC';
export const SANS_FAMILY = 'Noto Sans SC';

/**
 * Only the weights the template uses. Each weight of the @expo-google-fonts packages is a
 * 10–15 MB TTF, so loading all nine per family would slow start-up for nothing.
 */
const BUNDLED_FONT_FILES: ReadonlyArray<{ pkg: string; file: string }> = [
  { pkg: '@expo-google-fonts/noto-serif-sc', file: '400Regular/NotoSerifSC_400Regular.ttf' },
  { pkg: '@expo-google-fonts/noto-serif-sc', file: '700Bold/NotoSerifSC_700Bold.ttf' },
  { pkg: '@expo-google-fonts/noto-sans-sc', file: '400Regular/NotoSansSC_400Regular.ttf' },
  { pkg: '@expo-google-fonts/noto-sans-sc', file: '700Bold/NotoSansSC_700Bold.ttf' },
];

/** Absolute paths of the TTF files handed to the Typst compiler (regular and bold of each family). */
export function bundledFontPaths(): string[] {
  return BUNDLED_FONT_FILES.map(({ pkg, file }) =>
    path.join(path.dirname(require.resolve(`${pkg}/package.json`)), file),
  );
}

/**
 * A font of a Debian package, used when installed for the characters the Noto fonts lack: 花園明朝B
 * (`fonts-hanazono`, HanaMinB.ttf) has the ideographs of CJK Extensions B to F (U+20000–U+2EBEF:
 * 𠀀, 𠮷, rare characters of place and person names; not Extension G). It is last in every font list, so
 * Typst takes it only for a character the Noto fonts have no glyph for; without the package the
 * lists are as before and such a character is reported (at save, and by the render).
 */
export const FALLBACK_FONTS: ReadonlyArray<{ family: string; file: string }> = [
  { family: 'HanaMinB', file: '/usr/share/fonts/truetype/hanazono/HanaMinB.ttf' },
];

let installedFallbacks: ReadonlyArray<{ family: string; file: string }> | undefined;

/** The fallback fonts installed on this machine (looked up once per process). */
export function installedFallbackFonts(): ReadonlyArray<{ family: string; file: string }> {
  installedFallbacks ??= FALLBACK_FONTS.filter(({ file }) => fs.existsSync(file));
  return installedFallbacks;
}

/**
 * The Typst line that every document's font lists end with: the installed fallback families
 * (`#let fallback-fonts = ("HanaMinB",)`), or an empty list.
 */
export function fallbackFontsLine(): string {
  const families = installedFallbackFonts().map(({ family }) => `"${family}", `);
  return `#let fallback-fonts = (${families.join('')})`;
}
