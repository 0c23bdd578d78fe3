import { describe, expect, it } from '@jest/globals';
import { missingGlyphsIn, withAlternatives } from './missingGlyphs';

const alternatives = [
  { character: '😀', alternative: '' },
  { character: '👍', alternative: '' },
  { character: '﨑', alternative: '崎' },
  { character: '𰀀', alternative: null },
];

describe('characters the fonts lack, in the entry form', () => {
  it('removes emoji with their presentation marks and joiners, normalises compatibility ideographs, leaves the rest', () => {
    expect(withAlternatives('<p>好消息😀！👍\uFE0F山﨑村𰀀</p>', alternatives)).toBe('<p>好消息！山崎村𰀀</p>');
    expect(withAlternatives('👍\u200D😀完成', alternatives)).toBe('完成');
  });

  it('lists only the characters still in the form', () => {
    const entry = { warnings: [{ code: 'missing-glyphs' as const, characters: ['😀', '👍', '﨑', '𰀀'], alternatives, message: '' }] };
    expect(missingGlyphsIn(entry, ['标题😀', '<p>山﨑</p>', undefined]).map(({ character }) => character)).toEqual(['😀', '﨑']);
    expect(missingGlyphsIn({ warnings: [] }, ['😀'])).toEqual([]);
    expect(missingGlyphsIn(undefined, ['😀'])).toEqual([]);
  });
});
