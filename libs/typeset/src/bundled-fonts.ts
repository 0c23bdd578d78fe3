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
