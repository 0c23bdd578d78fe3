import * as fs from 'node:fs';

/**
 * Which code points the bundled fonts can draw. The template disables Typst's font fallback
 * (otherwise Typst would silently borrow glyphs from system fonts), so a character missing from
 * the fonts would print as an empty box. We check the text before compiling instead and report
 * the offending entry, rather than hand out a PDF with holes in it.
 */
export interface GlyphCoverage {
  has(codePoint: number): boolean;
}

/** Sorted, non-overlapping [start, end] ranges, flattened. */
class RangeCoverage implements GlyphCoverage {
  constructor(private readonly ranges: Uint32Array) {}

  has(codePoint: number): boolean {
    let lo = 0;
    let hi = this.ranges.length / 2 - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (codePoint < this.ranges[mid * 2]) hi = mid - 1;
      else if (codePoint > this.ranges[mid * 2 + 1]) lo = mid + 1;
      else return true;
    }
    return false;
  }
}

/**
 * Characters present in every one of the given fonts (every font is used for some text), or in
 * one of the fallback fonts, which Typst takes for a character its font list's first fonts lack.
 */
export function loadCommonCoverage(fontFiles: readonly string[], fallbackFiles: readonly string[] = []): GlyphCoverage {
  const coverages = fontFiles.map(readCmapCoverage);
  const fallbacks = fallbackFiles.map(readCmapCoverage);
  return { has: (cp) => coverages.every((c) => c.has(cp)) || fallbacks.some((c) => c.has(cp)) };
}

/**
 * Reads only the table directory and the `cmap` table (a few kB) of a TrueType/OpenType file,
 * not the whole 10–15 MB font, and uses its format-12 (full Unicode) subtable.
 */
export function readCmapCoverage(fontFile: string): GlyphCoverage {
  const fd = fs.openSync(fontFile, 'r');
  try {
    const header = readAt(fd, 0, 12);
    const numTables = header.readUInt16BE(4);
    const directory = readAt(fd, 12, numTables * 16);
    for (let i = 0; i < numTables; i++) {
      if (directory.toString('latin1', i * 16, i * 16 + 4) !== 'cmap') continue;
      const cmap = readAt(fd, directory.readUInt32BE(i * 16 + 8), directory.readUInt32BE(i * 16 + 12));
      return new RangeCoverage(format12Ranges(cmap, fontFile));
    }
    throw new Error(`字体文件缺少 cmap 表：${fontFile}`);
  } finally {
    fs.closeSync(fd);
  }
}

function readAt(fd: number, position: number, length: number): Buffer {
  const buffer = Buffer.alloc(length);
  const read = fs.readSync(fd, buffer, 0, length, position);
  if (read !== length) throw new Error('字体文件不完整');
  return buffer;
}

function format12Ranges(cmap: Buffer, fontFile: string): Uint32Array {
  const subtables = cmap.readUInt16BE(2);
  for (let i = 0; i < subtables; i++) {
    const offset = cmap.readUInt32BE(4 + i * 8 + 4);
    if (cmap.readUInt16BE(offset) !== 12) continue;
    const groups = cmap.readUInt32BE(offset + 12);
    const ranges = new Uint32Array(groups * 2);
    for (let g = 0; g < groups; g++) {
      const base = offset + 16 + g * 12;
      ranges[g * 2] = cmap.readUInt32BE(base);
      ranges[g * 2 + 1] = cmap.readUInt32BE(base + 4);
    }
    return ranges; // groups are sorted by start code, as the OpenType spec requires
  }
  throw new Error(`字体文件没有完整的 Unicode 映射（cmap format 12）：${fontFile}`);
}

/**
 * Characters that need no glyph: the ASCII space is laid out as spacing, and format marks
 * (zero-width space, joiners, variation selectors…) are dropped by shaping. Other spaces are
 * normalised to the ASCII space before this check (see typeset-data.ts).
 */
const NEEDS_NO_GLYPH = /[ \p{Default_Ignorable_Code_Point}]/u;

/** The distinct characters of `text` that the fonts cannot draw, in order of first appearance. */
export function missingCharacters(text: string, coverage: GlyphCoverage): string[] {
  const missing = new Set<string>();
  for (const ch of text) {
    if (NEEDS_NO_GLYPH.test(ch)) continue;
    const cp = ch.codePointAt(0) ?? 0;
    // A lone surrogate is a broken string, never a character any font has.
    if ((cp >= 0xd800 && cp <= 0xdfff) || !coverage.has(cp)) missing.add(ch);
  }
  return [...missing];
}

/**
 * "含有字体无法显示的字符：“😀”（U+1F600）" (the first five, then " 等"), for an error message
 * about `text`; null when the fonts can print all of it.
 */
export function unprintableCharacters(text: string, coverage: GlyphCoverage): string | null {
  const missing = missingCharacters(text, coverage);
  if (missing.length === 0) return null;
  const chars = missing.slice(0, 5).map(describeCharacter).join('、');
  return `含有字体无法显示的字符：${chars}${missing.length > 5 ? ' 等' : ''}`;
}

/** "“😀”（U+1F600）" — visible and unambiguous in an error message. */
export function describeCharacter(ch: string): string {
  const cp = ch.codePointAt(0) ?? 0;
  const hex = `U+${cp.toString(16).toUpperCase().padStart(4, '0')}`;
  return cp >= 0xd800 && cp <= 0xdfff ? `无效字符（${hex}）` : `“${ch}”（${hex}）`;
}

/** Pictographs and their modifiers: emoji, which a printed chronicle does without. */
const EMOJI = /^(?:\p{Extended_Pictographic}|\p{Emoji_Modifier}|\p{Regional_Indicator})$/u;

/**
 * What an editor would put instead of a character the fonts lack: nothing for an emoji; for a
 * CJK compatibility ideograph (U+F900–FAFF, U+2F800–2FA1F, as some input methods and OCR give)
 * or a full-width or circled form, its NFKC form when the fonts have that; otherwise null (a
 * rare ideograph or symbol, which only the editor can replace).
 */
export function printableAlternative(ch: string, coverage: GlyphCoverage): string | null {
  if (EMOJI.test(ch)) return '';
  const normalised = ch.normalize('NFKC');
  if (normalised !== ch && missingCharacters(normalised, coverage).length === 0) return normalised;
  return null;
}
