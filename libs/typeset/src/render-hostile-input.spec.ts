import { NodeCompiler } from '@myriaddreamin/typst-ts-node-compiler';
import { PdfReader, squash } from '../testing/pdf-text';
import { entry, randomStrings, sampleIssue, section } from '../testing/sample-issues';
import { buildTypstSource, renderIssuePdf } from './index';
import { typstStringLiteral } from './typst-source';
import { TYPST_TEMPLATE } from './typst-template';

/**
 * Every string in a snapshot is user input. None of it may run as Typst code, read files or
 * change the layout; all of it must come out in the PDF exactly as typed.
 */
const HOSTILE = [
  '#read("/etc/passwd")',
  '#{read("/etc/passwd")}',
  '")) #read("/etc/passwd") #((("',
  '\\"))\n#read("/etc/passwd")\n#let y = ("',
  '#include "/etc/passwd"',
  '#import "@preview/cetz:0.3.0": *',
  '#let x = 1',
  '#set page(paper: "a0")',
  '#pagebreak() #pagebreak()',
  ']',
  '[',
  '][',
  '$',
  '$x^2 + y_1$',
  '*',
  '*加粗*',
  '_',
  '_强调_',
  '@',
  '@ref',
  '<label>',
  '<dsyb-entry-0>',
  '//',
  '// 注释',
  '/*',
  '/* 未闭合的注释',
  '*/',
  '\\',
  '\\\\ 反斜杠 \\n \\u{41}',
  '`raw` ```block```',
  '= 不是标题',
  '- 不是列表',
  '+ 不是编号',
  '/ 术语: 说明',
  '~ -- --- ... \'单引号\' "双引号"',
  '{ } ( ) #) %',
  '<script>alert(1)</script>',
];

const RANDOM = randomStrings(200, 20201015);

function hostileIssue() {
  const hostileEntries = HOSTILE.map((text, i) => entry(`hostile-${i}`, text, [text, `正文：${text}`]));
  const randomEntries = Array.from({ length: 20 }, (_, k) =>
    entry(`random-${k}`, RANDOM[k], RANDOM.slice(20 + k * 9, 29 + k * 9)),
  );
  return sampleIssue({
    compiler: '#read("/etc/passwd")',
    masthead: {
      publicationTitle: '#read("/etc/passwd")月报',
      notice: '(内部资料 ] [ $ * _ @ <x> // /*)',
      sponsor: '#let sponsor = 1',
      publisher: '\\"出版\\"',
      phone: '$0371$',
      email: 'a_b*c@example.cn',
    },
    sections: [
      section('s1', '#read("/etc/passwd")', hostileEntries),
      section('s2', '[栏目] <名称>', randomEntries),
    ],
    recipients: ['#read("/etc/passwd")', ']单位[', '$单位$'],
  });
}

describe('hostile and random input', () => {
  let text: string;
  let reader: PdfReader;

  beforeAll(() => {
    const rendered = renderIssuePdf(hostileIssue());
    reader = new PdfReader(rendered.pdf);
    text = reader.pageTexts().join('\n');
  });
  afterAll(() => reader?.dispose());

  it('prints markup-like titles and paragraphs literally', () => {
    const squashed = squash(text);
    const missing = HOSTILE.filter((s) => !squashed.includes(squash(s)));
    expect(missing).toEqual([]);
  });

  it('prints 200 random strings literally', () => {
    const squashed = squash(text);
    const missing = RANDOM.filter((s) => !squashed.includes(squash(s)));
    expect(missing).toEqual([]);
  });

  it('prints masthead fields, section names and recipients literally', () => {
    const squashed = squash(text);
    for (const s of [
      '#read("/etc/passwd")月报',
      '(内部资料 ] [ $ * _ @ <x> // /*)',
      '主办：#let sponsor = 1',
      '编辑出版：\\"出版\\"',
      '电话：$0371$',
      '邮箱：a_b*c@example.cn',
      '[栏目] <名称>',
      '发放范围：#read("/etc/passwd")，]单位[，$单位$',
    ]) {
      expect(squashed).toContain(squash(s));
    }
  });

  it('never reads a file', () => {
    expect(text).not.toMatch(/root:.*:0:0:/);
  });

  it('embeds only the bundled fonts, even for every ASCII character', () => {
    for (const font of reader.fontNames()) expect(font).toMatch(/^Noto(Serif|Sans)SC-(Regular|Bold)$/);
  });
});

describe('generated Typst source', () => {
  it('is the fixed template behind one data line and the fallback fonts line, whatever the input', () => {
    const source = buildTypstSource(hostileIssue());
    const newline = source.indexOf('\n');
    const dataLine = source.slice(0, newline);
    const fontsLine = source.indexOf('\n', newline + 1);
    expect(source.slice(newline + 1, fontsLine)).toMatch(/^#let fallback-fonts = \(("\w+", )*\)$/);
    expect(source.slice(fontsLine + 1)).toBe(TYPST_TEMPLATE);
    // One string literal: only escaped quotes and backslashes inside, nothing after it but "))".
    expect(dataLine).toMatch(/^#let data = json\(bytes\("(?:[^"\\\n]|\\.)*"\)\)$/);
  });

  it('is deterministic', () => {
    expect(buildTypstSource(hostileIssue())).toBe(buildTypstSource(hostileIssue()));
  });

  it('uses string literals that Typst reads back as exactly the original string', () => {
    // A separate compiler without fonts: metadata needs no layout of text.
    const compiler = NodeCompiler.create({ workspace: '/nonexistent-typeset-spec-root' });
    const samples = [...HOSTILE, ...RANDOM, 'line\nbreak\r\n', 'tab\tand \u2028 separator', '"\\"\\\\"'];
    const source = samples.map((s, i) => `#metadata(${typstStringLiteral(s)}) <s${i}>`).join('\n');
    const result = compiler.compile({ mainFileContent: source });
    expect(result.hasError()).toBe(false);
    const document = result.result;
    if (!document) throw new Error('no document');
    samples.forEach((s, i) => {
      expect(compiler.query(document, { selector: `<s${i}>`, field: 'value' })).toEqual([s]);
    });
  });
});
