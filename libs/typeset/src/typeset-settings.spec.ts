import * as fs from 'node:fs';
import { bundledFontPaths } from './bundled-fonts';
import { formatBeijingTimestamp, formatChineseDate, parseIsoDate } from './chinese-dates';
import { loadCommonCoverage, missingCharacters, readCmapCoverage } from './font-coverage';
import { cleanParagraphs } from './typeset-data';
import { resolvePageSettings } from './typeset-settings';

describe('resolvePageSettings', () => {
  it('defaults to A4 with a wider binding side', () => {
    expect(resolvePageSettings()).toEqual({ paper: 'a4', margin: { top: 25, bottom: 25, left: 27, right: 25 } });
  });

  it('uses inside/outside when inside is given', () => {
    expect(resolvePageSettings({ paper: 'a5', margins: { inside: 20, right: 12 } })).toEqual({
      paper: 'a5',
      margin: { top: 25, bottom: 25, inside: 20, outside: 12 },
    });
  });
});

describe('Chinese dates', () => {
  it('prints dates without spaces', () => {
    expect(formatChineseDate({ year: 2020, month: 9, day: 7 })).toBe('2020年9月7日');
    expect(parseIsoDate('2020-10-15')).toEqual({ year: 2020, month: 10, day: 15 });
    expect(parseIsoDate('2020-02-30')).toBeNull();
  });

  it('prints the render time in Beijing time', () => {
    expect(formatBeijingTimestamp('2020-10-14T16:05:00Z')).toBe('2020年10月15日00时05分');
    expect(formatBeijingTimestamp('2020-10-14T08:30:00+08:00')).toBe('2020年10月14日08时30分');
  });
});

describe('paragraph clean-up', () => {
  it('splits on line breaks, drops typed indents and empty lines', () => {
    expect(cleanParagraphs(['　　第一段\n\n  第二段\r\n第三段\u0007 ', 7])).toEqual(['第一段', '第二段', '第三段', 7]);
  });
});

describe('bundled fonts', () => {
  it('are four TTF files: regular and bold of Noto Serif SC and Noto Sans SC', () => {
    const paths = bundledFontPaths();
    expect(paths).toHaveLength(4);
    expect(paths.map((p) => p.split('/').pop())).toEqual([
      'NotoSerifSC_400Regular.ttf',
      'NotoSerifSC_700Bold.ttf',
      'NotoSansSC_400Regular.ttf',
      'NotoSansSC_700Bold.ttf',
    ]);
    for (const p of paths) expect(fs.statSync(p).isFile()).toBe(true);
  });

  it('cover Chinese, ASCII and Chinese punctuation, but not emoji', () => {
    const coverage = loadCommonCoverage(bundledFontPaths());
    expect(missingCharacters('中原区大事月报 ABC xyz 0-9 #$%&*@[]{}，。、；：“”（）《》—…·', coverage)).toEqual([]);
    expect(missingCharacters('成功😀🎉', coverage)).toEqual(['😀', '🎉']);
    // Zero-width and format characters need no glyph.
    expect(missingCharacters('中\u200b原\ufeff', coverage)).toEqual([]);
    expect(readCmapCoverage(bundledFontPaths()[0]).has(0x4e2d)).toBe(true);
  });
});
