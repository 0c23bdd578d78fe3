import { titleWords } from './title-words';

describe('titleWords', () => {
  it('cuts a title into words, keeping 规范化 and 建设 whole', () => {
    const words = titleWords('区委召开全区基层党组织规范化建设工作推进会暨第三季度党建工作例会');
    expect(words).toContain('规范化');
    expect(words).toContain('建设');
    expect(words.join('')).toBe('区委召开全区基层党组织规范化建设工作推进会暨第三季度党建工作例会');
  });

  it('keeps names and the office’s terms whole', () => {
    expect(titleWords('陈传建携调研组到中原区考察一网通办、下放业务承接工作推进情况')).toEqual(
      expect.arrayContaining(['陈传建', '一网通办、']),
    );
    expect(titleWords('河南省首家“府院联动”实质性化解行政争议试点单位揭牌')).toContain('“府院联动”');
  });

  it('keeps punctuation with its word: opening marks with the next, closing ones with the previous', () => {
    const title = '二七区落实“一网通办、一次办成”改革（试行）措施';
    const words = titleWords(title);
    expect(words.join('')).toBe(title);
    expect(words.some((w) => w.startsWith('“'))).toBe(true);
    for (const w of words) {
      expect(w).not.toMatch(/^[、”）]/u);
      expect(w).not.toMatch(/[“（]$/u);
    }
  });

  it('gives back any text exactly, spaces and Latin letters included', () => {
    for (const title of ['a  b', 'Typst 0.14 排版', '《长津湖》', '“', '）']) expect(titleWords(title).join('')).toBe(title);
    expect(titleWords('')).toEqual([]);
  });
});
