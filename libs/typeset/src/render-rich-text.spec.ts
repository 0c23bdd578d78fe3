import type { EntryBlock, EntrySnapshot, IssueSnapshot } from '@dsyb/domain';
import { htmlToBlocks } from '@dsyb/rich-text';
import { corruptPng, dataUrl, JPEG_120x80, pngHeaderOnly, pngImage } from '../testing/images';
import { footerNumber, PdfReader, squash, type PdfWord } from '../testing/pdf-text';
import { referenceSnapshot } from '../testing/reference-issue';
import { sampleIssue, section } from '../testing/sample-issues';
import { typesetFailure } from '../testing/typeset-failure';
import { buildTypstSource, renderIssuePdf, type RenderedIssue } from './index';
import { TYPST_TEMPLATE } from './typst-template';

/**
 * What the editor formats is what the PDF prints: bold, lists and figures from an entry's HTML
 * (through htmlToBlocks, as the snapshot loader does), read back with poppler.
 */

const richEntry = (id: string, title: string, html: string): EntrySnapshot => ({ id, title, blocks: htmlToBlocks(html) });
const blocksEntry = (id: string, title: string, blocks: unknown): EntrySnapshot => ({ id, title, blocks: blocks as EntryBlock[] });
const issueOf = (...entries: EntrySnapshot[]): IssueSnapshot => sampleIssue({ sections: [section('focus', '本期焦点', entries)] });

const failure = typesetFailure;

const PHOTO = pngImage(800, 450);

const MEETING_HTML = `
  <p>9月17日，区委书记<strong>王某某</strong>主持召开区委常委会议，传达学习省委全会精神，研究部署下一阶段重点工作。会议强调，要<b>坚持稳中求进工作总基调</b>，统筹做好疫情防控和经济社会发展工作。</p>
  <p>会议确定了以下重点任务：</p>
  <ol>
    <li><p>加快推进重点项目建设，确保全年目标任务圆满完成，项目建设要抓好开工、在建、竣工三个环节；</p></li>
    <li><p>持续优化营商环境；</p></li>
    <li><p><strong>扎实做好民生保障</strong>工作。</p></li>
  </ol>
  <p>会议要求各单位：</p>
  <ul><li>压实工作责任；</li><li>加强督导检查，对工作推进不力的单位和个人严肃问责，确保各项部署落到实处、见到实效。</li></ul>
  <figure><img src="${dataUrl(PHOTO, 'image/png')}" alt="会场"><figcaption>9月17日，区委常委会议现场。记者 韩娟 摄</figcaption></figure>
  <p>会后，与会人员实地观摩了部分重点项目。</p>
  <figure><img src="${dataUrl(JPEG_120x80, 'image/jpeg')}"><figcaption>项目现场（JPEG 图片）</figcaption></figure>
  <figure><img src="https://example.com/photo.png"><figcaption>网络上的图片</figcaption></figure>`;

const PLAIN_HTML = '<p>9月20日，二七区召开安全生产工作会议。</p><p>会议要求，各单位要切实做好节日期间安全生产工作。</p>';

describe('an entry with bold words, lists and figures', () => {
  let rendered: RenderedIssue;
  let reader: PdfReader;
  let pages: string[];
  /** 1-based page numbers of the pages that show the given text. */
  const pagesWith = (text: string): number[] =>
    pages.flatMap((page, i) => (squash(page).includes(squash(text)) ? [i + 1] : []));
  const wordStarting = (page: number, text: string): PdfWord => {
    const word = reader.words(page).find((w) => w.text.startsWith(text));
    if (!word) throw new Error(`no word starting with ${text} on page ${page}`);
    return word;
  };

  beforeAll(() => {
    rendered = renderIssuePdf(
      issueOf(richEntry('meeting', '区委常委会议召开', MEETING_HTML), richEntry('plain', '二七区召开安全生产工作会议', PLAIN_HTML)),
    );
    reader = new PdfReader(rendered.pdf);
    pages = reader.pageTexts();
  });
  afterAll(() => reader?.dispose());

  it('prints bold runs in Noto Serif SC Bold, only on the pages that have them', () => {
    expect(squash(pages.join(''))).toContain('区委书记王某某主持召开');
    const [boldPage] = pagesWith('王某某');
    expect(reader.pageFontNames(boldPage)).toContain('NotoSerifSC-Bold');
    const [plainPage] = pagesWith('会议要求，各单位要切实做好节日期间安全生产工作');
    expect(plainPage).not.toBe(boldPage);
    expect(reader.pageFontNames(plainPage)).not.toContain('NotoSerifSC-Bold');
    for (const font of reader.fontNames()) expect(font).toMatch(/^Noto(Serif|Sans)SC-(Regular|Bold)$/);
  });

  it('embeds Noto Serif SC Bold only when some body text is bold', () => {
    const withoutBold = renderIssuePdf(issueOf(richEntry('meeting', '区委常委会议召开', MEETING_HTML.replace(/<\/?(strong|b)>/g, ''))));
    const plain = new PdfReader(withoutBold.pdf);
    try {
      expect(plain.fontNames()).not.toContain('NotoSerifSC-Bold');
      expect(reader.fontNames()).toContain('NotoSerifSC-Bold');
    } finally {
      plain.dispose();
    }
  });

  it('prints list items in order with their numbers and bullets', () => {
    const text = squash(pages.join('\n'));
    const sequence = [
      '会议确定了以下重点任务：',
      '1.加快推进重点项目建设',
      '2.持续优化营商环境；',
      '3.扎实做好民生保障工作。',
      '会议要求各单位：',
      '•压实工作责任；',
      '•加强督导检查',
    ];
    let cursor = 0;
    for (const item of sequence) {
      const at = text.indexOf(item, cursor);
      expect({ item, found: at >= 0 }).toEqual({ item, found: true });
      cursor = at + item.length;
    }
  });

  it('indents a paragraph’s first line by two characters, and neither list items nor captions', () => {
    const [page] = pagesWith('会议确定了以下重点任务');
    const body = 14; // pt, the body text size
    const firstLine = wordStarting(page, '9月17日');
    const secondLine = wordStarting(page, '会精神，');
    expect(firstLine.xMin - secondLine.xMin).toBeCloseTo(2 * body, 0);
    const margin = secondLine.xMin;
    // The number stands where a first line starts; the item's text hangs after it, wrapped lines too.
    const number = wordStarting(page, '1.');
    const itemText = wordStarting(page, '加快推进');
    const itemWrapped = wordStarting(page, '要抓好开工');
    expect(number.xMin - margin).toBeGreaterThan(1.8 * body);
    expect(number.xMin - margin).toBeLessThan(2.2 * body);
    expect(itemWrapped.xMin).toBeCloseTo(itemText.xMin, 0);
    expect(itemText.xMin - margin).toBeLessThan(3.5 * body);
    // The caption is centred, not indented.
    const caption = wordStarting(page, '9月17日，区委常委会议现场');
    const captionEnd = reader.words(page).find((w) => w.text === '摄');
    const centre = (margin + secondLine.xMax) / 2;
    expect(((caption.xMin + (captionEnd?.xMax ?? 0)) / 2 - centre) / body).toBeCloseTo(0, 0);
  });

  it('embeds the PNG figure with its caption below it, and the JPEG as it is', () => {
    const images = reader.images();
    expect(images.map(({ width, height, encoding }) => ({ width, height, encoding }))).toEqual([
      { width: 800, height: 450, encoding: 'image' },
      { width: 120, height: 80, encoding: 'jpeg' },
    ]);
    const [page] = pagesWith('9月17日，区委常委会议现场。记者韩娟摄');
    expect(images[0].page).toBe(page);
    // Between the list above and the caption stands the image: full text width, 16:9.
    const listEnd = wordStarting(page, '部署落到实处');
    const caption = wordStarting(page, '9月17日，区委常委会议现场');
    const textWidth = 595.28 - (27 + 25) * (72 / 25.4);
    expect(caption.yMin - listEnd.yMax).toBeGreaterThan((textWidth * 450) / 800);
    // …and below the caption the text goes on.
    expect(wordStarting(page, '会后，').yMin).toBeGreaterThan(caption.yMax);
    expect(pagesWith('项目现场（JPEG图片）')).toEqual([images[1].page]);
  });

  it('prints a placeholder with the caption for an image it does not fetch, and says so', () => {
    const text = squash(pages.join('\n'));
    expect(text).toContain('【图片无法显示：区委常委会议召开第3幅】网络图片不会下载，请在编辑器中上传图片文件网络上的图片');
    expect(rendered.warnings).toEqual(['条目《区委常委会议召开》第3张图片未嵌入：网络图片不会下载，请在编辑器中上传图片文件']);
  });

  it('renders the same PDF from a structured clone of the snapshot (what the typesetting thread receives)', () => {
    const snapshot = issueOf(richEntry('meeting', '区委常委会议召开', MEETING_HTML), richEntry('plain', '二七区召开安全生产工作会议', PLAIN_HTML));
    expect(renderIssuePdf(structuredClone(snapshot)).pdf.equals(rendered.pdf)).toBe(true);
  });
});

describe('figures and page breaks', () => {
  it('keeps every image on the page of its caption', () => {
    const figures = Array.from({ length: 7 }, (_, i) => `<p>第${i + 1}段正文，说明下面的图片。</p><figure><img src="${dataUrl(pngImage(600, 400 + i * 20), 'image/png')}"><figcaption>图片说明之${i + 1}</figcaption></figure>`);
    const rendered = renderIssuePdf(issueOf(richEntry('photos', '图片报道', figures.join(''))));
    const reader = new PdfReader(rendered.pdf);
    try {
      const pages = reader.pageTexts();
      const images = reader.images();
      expect(images).toHaveLength(7);
      const captionPages = images.map((_, i) => pages.findIndex((p) => squash(p).includes(`图片说明之${i + 1}`)) + 1);
      expect(captionPages).toEqual(images.map((image) => image.page));
      // They do not all fit on one page, so some figure did move to the next.
      expect(new Set(captionPages).size).toBeGreaterThan(1);
      expect(pages.every((p, i) => i < 2 || footerNumber(p) !== null)).toBe(true);
    } finally {
      reader.dispose();
    }
  });

  it('does not carry images over from one render to the next', () => {
    const first = renderIssuePdf(issueOf(richEntry('a', '第一期的图片', `<img src="${dataUrl(pngImage(320, 200), 'image/png')}">`)));
    const second = renderIssuePdf(issueOf(richEntry('b', '第二期的图片', `<img src="${dataUrl(pngImage(200, 300), 'image/png')}">`)));
    const readers = [new PdfReader(first.pdf), new PdfReader(second.pdf)];
    try {
      expect(readers.map((r) => r.images().map(({ width, height }) => [width, height]))).toEqual([[[320, 200]], [[200, 300]]]);
    } finally {
      readers.forEach((r) => r.dispose());
    }
  });

  it('keeps image bytes out of the Typst source', () => {
    const snapshot = issueOf(richEntry('photo', '图片', MEETING_HTML));
    const source = buildTypstSource(snapshot);
    const newline = source.indexOf('\n');
    const fontsLine = source.indexOf('\n', newline + 1);
    // The data, the installed fallback fonts, then the fixed template.
    expect(source.slice(newline + 1, fontsLine)).toMatch(/^#let fallback-fonts = \(("\w+", )*\)$/);
    expect(source.slice(fontsLine + 1)).toBe(TYPST_TEMPLATE);
    expect(source.slice(0, newline)).toMatch(/^#let data = json\(bytes\("(?:[^"\\\n]|\\.)*"\)\)$/);
    expect(source).not.toContain(PHOTO.toString('base64').slice(0, 40));
    expect(source.length).toBeLessThan(TYPST_TEMPLATE.length + 5000);
  });
});

describe('hostile rich text', () => {
  const huge = Buffer.concat([pngImage(16, 16), Buffer.alloc(6 * 1024 * 1024)]);
  const bomb = pngHeaderOnly(60_000, 60_000);
  const HOSTILE_HTML = `
    <script>document.write("脚本内容")</script><style>p { display: none }</style>
    <p>#read("/etc/passwd") <b>#import "@preview/x:0.1.0": *</b> $x$ ]不是标记[ *粗* _斜_ &lt;b&gt;不是加粗&lt;/b&gt;</p>
    <div><x-junk><span><i><u>嵌套</u></i></span><table><tr><td>的</td><td>垃圾</td></tr></table></x-junk></div>
    <p><strong><strong><em>多层</em>加粗</strong></strong><b></b><strong>   </strong></p>
    <ul><li></li><li><ul><li><ol><li>深层列表</li></ol></li></ul></li></ul><ol></ol>
    <figure><img src="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg=="><figcaption>不是图片</figcaption></figure>
    <figure><img src="data:image/png;base64,${huge.toString('base64')}"><figcaption>太大的图片</figcaption></figure>
    <figure><img src="data:image/png;base64,${bomb.toString('base64')}"><figcaption>像素过多的图片</figcaption></figure>
    <figure><img src="data:image/svg+xml;base64,PHN2Zz48aW1hZ2UgaHJlZj0iL2V0Yy9wYXNzd2QiLz48L3N2Zz4="><figcaption>SVG 图片</figcaption></figure>
    <img src="file:///etc/passwd"><img><iframe src="https://example.com">框架</iframe>
    <p>结束。</p>`;
  let rendered: RenderedIssue;
  let reader: PdfReader;
  let text: string;

  beforeAll(() => {
    rendered = renderIssuePdf(issueOf(richEntry('hostile', '#read("/etc/passwd")', HOSTILE_HTML)));
    reader = new PdfReader(rendered.pdf);
    text = squash(reader.pageTexts().join('\n'));
  });
  afterAll(() => reader?.dispose());

  it('prints markup-like text literally and drops scripts and styles', () => {
    expect(text).toContain(squash('#read("/etc/passwd") #import "@preview/x:0.1.0": * $x$ ]不是标记[ *粗* _斜_ <b>不是加粗</b>'));
    expect(text).toContain('嵌套的垃圾多层加粗');
    expect(text).toContain('•（1）深层列表');
    expect(text).toContain('结束。');
    expect(text).not.toContain('脚本内容');
    expect(text).not.toContain('display');
    expect(text).not.toContain('框架');
    expect(text).not.toMatch(/root:.*:0:0:/);
  });

  it('prints a placeholder, never the bytes, for images that are not PNG or JPEG, too large, or missing', () => {
    expect(reader.images()).toEqual([]);
    for (const caption of ['不是图片', '太大的图片', '像素过多的图片', 'SVG图片']) {
      expect(text).toContain(squash(caption));
    }
    expect(rendered.warnings).toEqual([
      '条目《#read("/etc/passwd")》第1张图片未嵌入：只能嵌入 PNG 或 JPEG 图片',
      '条目《#read("/etc/passwd")》第2张图片未嵌入：图片过大（上限 5 MB、2500 万像素）',
      '条目《#read("/etc/passwd")》第3张图片未嵌入：图片过大（上限 5 MB、2500 万像素）',
      '条目《#read("/etc/passwd")》第4张图片未嵌入：只能嵌入 PNG 或 JPEG 图片',
      '条目《#read("/etc/passwd")》第5张图片未嵌入：只能嵌入 PNG 或 JPEG 图片',
      '条目《#read("/etc/passwd")》第6张图片未嵌入：缺少图片',
    ]);
    expect(text.match(/【图片无法显示：#read\("\/etc\/passwd"\)第\d幅】/g)).toHaveLength(6);
  });

  it('embeds only the bundled fonts', () => {
    for (const font of reader.fontNames()) expect(font).toMatch(/^Noto(Serif|Sans)SC-(Regular|Bold)$/);
  });
});

describe('figures the compiler cannot decode', () => {
  // Saved before figures were decoded at save, or written straight into the database: a valid
  // header, so only decoding finds them out.
  const truncated = PHOTO.subarray(0, Math.floor(PHOTO.length / 2));
  const corrupt = corruptPng(pngImage(64, 48));
  const html = `<p>9月18日，区里召开防汛工作会议。</p>
    <figure><img src="${dataUrl(truncated, 'image/png')}"><figcaption>截断的图片</figcaption></figure>
    <figure><img src="${dataUrl(JPEG_120x80, 'image/jpeg')}"><figcaption>完好的图片</figcaption></figure>
    <figure><img src="${dataUrl(corrupt, 'image/png')}"><figcaption>损坏的图片</figcaption></figure>`;
  let rendered: RenderedIssue;
  let reader: PdfReader;
  let text: string;

  beforeAll(() => {
    rendered = renderIssuePdf(issueOf(richEntry('flood', '区防汛工作会议召开', html), richEntry('plain', '二七区召开安全生产工作会议', PLAIN_HTML)));
    reader = new PdfReader(rendered.pdf);
    text = squash(reader.pageTexts().join('\n'));
  });
  afterAll(() => reader?.dispose());

  it('print a placeholder naming the entry and the figure instead of failing the issue', () => {
    expect(text).toContain(squash('【图片无法显示：区防汛工作会议召开 第1幅】图片已损坏或不完整，无法解码，请在编辑器中删除后重新插入截断的图片'));
    expect(text).toContain(squash('【图片无法显示：区防汛工作会议召开 第3幅】图片已损坏或不完整，无法解码，请在编辑器中删除后重新插入损坏的图片'));
    expect(text).toContain('二七区召开安全生产工作会议');
    // The figure that decodes is still printed.
    expect(reader.images()).toHaveLength(1);
  });

  it('say so in the warnings', () => {
    expect(rendered.warnings).toEqual([
      '条目《区防汛工作会议召开》第1幅图片无法显示：图片已损坏或不完整，无法解码，请在编辑器中删除后重新插入',
      '条目《区防汛工作会议召开》第3幅图片无法显示：图片已损坏或不完整，无法解码，请在编辑器中删除后重新插入',
    ]);
  });
});

describe('blocks the typesetter refuses, naming the entry', () => {
  const embedded = (bytes: Uint8Array, mediaType = 'image/png') => ({ kind: 'embedded', mediaType, base64: Buffer.from(bytes).toString('base64') });

  it('an "embedded" image that is not a PNG or JPEG', () => {
    const error = failure(() =>
      renderIssuePdf(issueOf(blocksEntry('bad-image', '坏图', [{ type: 'figure', image: embedded(Buffer.from('GIF89a…')), caption: '' }]))),
    );
    expect(error.message).toBe('条目《坏图》排版失败：第1张图片无法嵌入：只能嵌入 PNG 或 JPEG 图片');
    expect(error.entryId).toBe('bad-image');
  });

  it('an "embedded" image over the size or pixel limit', () => {
    const tooBig = Buffer.concat([pngImage(8, 8), Buffer.alloc(5 * 1024 * 1024)]);
    for (const bytes of [tooBig, pngHeaderOnly(20_000, 20_000)]) {
      const error = failure(() =>
        renderIssuePdf(issueOf(blocksEntry('big', '大图', [{ type: 'figure', image: embedded(bytes), caption: '大图' }]))),
      );
      expect(error.message).toBe('条目《大图》排版失败：第1张图片无法嵌入：图片过大（上限 5 MB、2500 万像素）');
    }
  });

  it('base64 with junk in it', () => {
    const image = { kind: 'embedded', mediaType: 'image/png', base64: `${PHOTO.toString('base64').slice(0, 100)}"))#read("/etc/passwd")` };
    const error = failure(() => renderIssuePdf(issueOf(blocksEntry('junk', '乱码', [{ type: 'figure', image, caption: '' }]))));
    expect(error.message).toBe('条目《乱码》排版失败：第1张图片无法嵌入：图片数据已损坏或与其格式不符');
  });

  it('more image data than one issue may carry', () => {
    // Distinct images just under the per-image limit; only their headers are valid, but the
    // total is checked before anything is compiled.
    const entries = Array.from({ length: 13 }, (_, i) =>
      blocksEntry(`big-${i}`, `大图${i}`, [
        { type: 'figure', image: embedded(Buffer.concat([pngHeaderOnly(100 + i, 100), Buffer.alloc(4.9 * 1024 * 1024)])), caption: '' },
      ]),
    );
    const error = failure(() => renderIssuePdf(issueOf(...entries)));
    expect(error.message).toBe('排版失败：本期图片合计超过 60 MB，请压缩图片后再排版');
  });

  it('more pixels than one issue may decode', () => {
    // Five images of almost 25 megapixels are over 120 million pixels: over 400 MB once decoded.
    const entries = Array.from({ length: 5 }, (_, i) =>
      blocksEntry(`wide-${i}`, `大幅图片${i}`, [{ type: 'figure', image: embedded(pngHeaderOnly(4900 + i, 5000)), caption: '' }]),
    );
    const error = failure(() => renderIssuePdf(issueOf(...entries)));
    expect(error.message).toBe('排版失败：本期图片合计超过 1 亿像素，请缩小图片（长边 2400 像素即可满足印刷）后再排版');
  });

  it('blocks of an unknown kind or with text that is not text', () => {
    expect(failure(() => renderIssuePdf(issueOf(blocksEntry('x1', '未知块', [{ type: 'heading', runs: [] }])))).message).toBe(
      '条目《未知块》排版失败：正文第1项不是段落、列表或图片',
    );
    expect(
      failure(() => renderIssuePdf(issueOf(blocksEntry('x2', '坏段落', [{ type: 'paragraph', runs: [{ text: '好' }] }, { type: 'paragraph', runs: [{ text: 42 }] }])))).message,
    ).toBe('条目《坏段落》排版失败：正文第2项（段落）含有非文本内容');
    expect(failure(() => renderIssuePdf(issueOf(blocksEntry('x3', '坏列表', [{ type: 'list', ordered: true, items: 'a' }])))).message).toBe(
      '条目《坏列表》排版失败：正文第1项（列表）格式无效',
    );
    expect(failure(() => renderIssuePdf(issueOf(blocksEntry('x4', '非列表', 'text')))).message).toBe('条目《非列表》排版失败：正文格式无效（不是块的列表）');
  });

  it('a bold run with a character the fonts cannot draw', () => {
    const error = failure(() => renderIssuePdf(issueOf(richEntry('emoji', '表情', '<p>正文<strong>加粗😀</strong></p>'))));
    expect(error.message).toBe('条目《表情》排版失败：正文含有字体无法显示的字符：“😀”（U+1F600）');
    expect(error.entryId).toBe('emoji');
  });
});

describe('the reference issue as rich text', () => {
  it('prints exactly the same text as from plain paragraphs', () => {
    const escapeHtml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
    const plain = referenceSnapshot('final');
    // The body HTML as the seed stores it, through the snapshot loader's conversion.
    const rich: IssueSnapshot = {
      ...plain,
      sections: plain.sections.map((s) => ({
        ...s,
        entries: s.entries.map(({ paragraphs, ...e }) => ({ ...e, blocks: htmlToBlocks((paragraphs ?? []).map((p) => `<p>${escapeHtml(p)}</p>`).join('')) })),
      })),
    };
    const readers = [new PdfReader(renderIssuePdf(plain).pdf), new PdfReader(renderIssuePdf(rich).pdf)];
    try {
      const [plainPages, richPages] = readers.map((r) => r.pageTexts());
      expect(richPages).toEqual(plainPages);
      expect(readers[1].fontNames()).toEqual(readers[0].fontNames());
      expect(readers[0].fontNames()).not.toContain('NotoSerifSC-Bold');
    } finally {
      readers.forEach((r) => r.dispose());
    }
  });
});
