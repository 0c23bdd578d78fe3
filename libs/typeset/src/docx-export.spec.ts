import { IMAGE_OMISSION_TEXT, type AnnualVolumeSnapshot, type EntrySnapshot } from '@dsyb/domain';
import { docxBytes, docxFieldInstructions, docxFiles, docxPart, docxParagraphs, type DocxParagraph } from '../testing/docx-parts';
import { pngImage } from '../testing/images';
import { loadReferenceSeed, referenceSnapshot } from '../testing/reference-issue';
import { sampleIssue, section } from '../testing/sample-issues';
import { buildAnnualVolumeDocx, buildIssueDocx, TypesetError } from './index';

/** The Word export of the reference issue (总第97期, 27 entries), of an issue with rich bodies, and of an annual volume. */
const seed = loadReferenceSeed();
const titlesInOrder = seed.sections.flatMap((s) => seed.entries.filter((e) => e.section === s.key).map((e) => e.title));

const withStyle = (paragraphs: DocxParagraph[], style: string) => paragraphs.filter((p) => p.style === style).map((p) => p.text);

describe('Word export of the reference issue', () => {
  let docx: Buffer;
  let documentXml: string;
  let paragraphs: DocxParagraph[];
  beforeAll(async () => {
    docx = await buildIssueDocx(referenceSnapshot('final'));
    documentXml = docxPart(docx, 'word/document.xml');
    paragraphs = docxParagraphs(documentXml);
  });

  it('has the sections as Heading 1 and the 27 titles as Heading 2, in print order', () => {
    expect(titlesInOrder).toHaveLength(27);
    expect(withStyle(paragraphs, 'Heading1')).toEqual(seed.sections.map((s) => s.name));
    expect(withStyle(paragraphs, 'Heading2')).toEqual(titlesInOrder);
    // Each title under its own section.
    const headings = paragraphs.filter((p) => p.style === 'Heading1' || p.style === 'Heading2').map((p) => p.text);
    expect(headings).toEqual(seed.sections.flatMap((s) => [s.name, ...seed.entries.filter((e) => e.section === s.key).map((e) => e.title)]));
  });

  it('holds a real table of contents field over both heading levels, refreshed by Word on opening', () => {
    const instructions = docxFieldInstructions(documentXml);
    expect(instructions.filter((i) => i.startsWith('TOC'))).toEqual([String.raw`TOC \h \o "1-2"`]);
    expect(withStyle(paragraphs, 'DsybContentsTitle')).toEqual(['目　　录']);
    // Written with an entry per heading, so readers that never update fields show the contents too.
    expect(withStyle(paragraphs, 'TOC2')).toEqual(titlesInOrder);
    expect(docxPart(docx, 'word/settings.xml')).toContain('<w:updateFields/>');
  });

  it('defines the heading styles and the Chinese-named styles, with 宋体/黑体 for Chinese text', () => {
    const styles = docxPart(docx, 'word/styles.xml');
    expect(styles).toMatch(/w:styleId="Heading1"><w:name w:val="heading 1"\/>/);
    expect(styles).toMatch(/w:styleId="Heading2"><w:name w:val="heading 2"\/>/);
    for (const name of ['封面刊名', '封面信息', '目录标题', '正文段落', '图注', '图片占位', '大事日期', '勘误标题', '刊尾信息', '索引分类']) {
      expect(styles).toContain(`<w:name w:val="${name}"/>`);
    }
    expect(styles).toMatch(/<w:rPrDefault><w:rPr><w:rFonts [^>]*w:eastAsia="SimSun"/);
    expect(styles).toMatch(/w:styleId="Heading1">.*?<w:rFonts [^>]*w:eastAsia="SimHei"/);
    expect(styles).toContain('<w:lang w:val="en-US" w:eastAsia="zh-CN"/>');
    // 正文段落: a first-line indent of two characters.
    expect(styles).toMatch(/w:styleId="DsybBody">.*?<w:ind w:firstLine="560" w:firstLineChars="200"\/>/);
  });

  it('prints every paragraph of the seed as a body paragraph, in order', () => {
    expect(withStyle(paragraphs, 'DsybBody')).toEqual(seed.entries.flatMap((e) => e.paragraphs.map((p) => p.replace(/^[\s\u3000]+/, ''))));
  });

  it('has the cover lines, and the back block with 发放范围 and the masthead', () => {
    expect(withStyle(paragraphs, 'DsybCoverTitle')).toEqual(['中原区大事月报']);
    expect(withStyle(paragraphs, 'DsybCoverLine')).toEqual(['2020年10月', '（总第97期）', '中原区地方史志办公室', '2020年10月15日']);
    expect(withStyle(paragraphs, 'DsybBackNotice')).toEqual([seed.masthead.notice]);
    expect(withStyle(paragraphs, 'DsybBack')).toEqual([
      `发放范围：${seed.recipients.map((r) => r.name).join('，')}`,
      `主　　办：${seed.masthead.sponsor}`,
      `编辑出版：${seed.masthead.publisher}`,
      `电　　话：${seed.masthead.phone}`,
      `邮　　箱：${seed.masthead.email}`,
    ]);
  });

  it('is A4 with the PDF margins, numbers the pages as the masthead says, and marks only proofs', async () => {
    expect(documentXml).toContain('<w:pgSz w:w="11905" w:h="16837"');
    expect(documentXml).toMatch(/<w:pgMar w:top="1417" w:right="1417" w:bottom="1417" w:left="1530"/);
    expect(docxFiles(docx).some((file) => file.startsWith('word/header'))).toBe(false);
    const proof = await buildIssueDocx(referenceSnapshot('proof', '2020-10-14T08:30:00Z'));
    expect(docxPart(proof, 'word/header1.xml')).toContain('校样（非正式出版物，仅供审校）　排版时间：2020年10月14日16时30分');
    // The reference issue's snapshot numbers the body from 1; "from-cover" counts on from the cover.
    expect(documentXml).toContain('<w:pgNumType w:start="1"/>');
    const fromCover = await buildIssueDocx({ ...referenceSnapshot('final'), masthead: { ...referenceSnapshot('final').masthead, pageNumbering: 'from-cover' } });
    expect(docxPart(fromCover, 'word/document.xml')).not.toContain('<w:pgNumType w:start="1"/>');
  });
});

describe('Word export of rich bodies, figures and corrections', () => {
  const photo = pngImage(800, 400);
  const rich: EntrySnapshot = {
    id: 'rich-1',
    title: '区文化馆举办摄影展',
    photographers: ['王云翔', '李云凯'],
    blocks: [
      { type: 'paragraph', runs: [{ text: '开幕式上，' }, { text: '区委宣传部', bold: true }, { text: '负责同志致辞。' }] },
      { type: 'list', ordered: true, items: [[{ text: '第一项' }], [{ text: '第二项\n续行' }]] },
      { type: 'figure', image: { kind: 'embedded', mediaType: 'image/png', base64: photo.toString('base64') }, caption: '展览现场' },
      { type: 'figure', image: { kind: 'omitted', reason: 'remote' }, caption: '' },
      { type: 'list', ordered: true, items: [[{ text: '另一列表' }]] },
    ],
  };
  const snapshot = sampleIssue({
    sections: [section('focus', '本期焦点', [rich])],
    corrections: [{ revision: 2, date: '2021-03-20', reason: '标题有误', entries: [{ title: '区文化馆举办摄影展', previousTitle: '区文化馆举办影展' }] }],
  });
  let docx: Buffer;
  let paragraphs: DocxParagraph[];
  let documentXml: string;
  beforeAll(async () => {
    docx = await buildIssueDocx(snapshot);
    documentXml = docxPart(docx, 'word/document.xml');
    paragraphs = docxParagraphs(documentXml);
  });

  it('embeds the image itself, at most the text width, keeping its ratio, with the caption and the 摄影 credit', () => {
    const media = docxFiles(docx).filter((file) => file.startsWith('word/media/'));
    expect(media).toHaveLength(1);
    expect(docxBytes(docx, media[0]).equals(photo)).toBe(true);
    const [figure] = paragraphs.filter((p) => p.style === 'DsybFigure');
    const extent = /<wp:extent cx="(\d+)" cy="(\d+)"\/>/.exec(figure.xml);
    const [cx, cy] = [Number(extent?.[1]), Number(extent?.[2])];
    // 800 px at 96 dpi is 600 pt: wider than the text (158 mm ≈ 448 pt), so as wide as the text.
    expect(cx / 12700).toBeCloseTo(((210 - 27 - 25) * 72) / 25.4, -1);
    expect(cx / cy).toBeCloseTo(2, 2);
    expect(figure.xml).toContain('<w:keepNext/>');
    expect(withStyle(paragraphs, 'DsybCaption')[0]).toBe('展览现场　摄影：王云翔 李云凯');
  });

  it('shows an image it cannot embed as a visible placeholder, credited like the PDF', () => {
    expect(withStyle(paragraphs, 'DsybFigurePlaceholder')).toEqual([`【图片无法显示：区文化馆举办摄影展 第2幅】${IMAGE_OMISSION_TEXT.remote}`]);
    // Without a caption, the credit alone.
    expect(withStyle(paragraphs, 'DsybCaption')).toEqual(['展览现场　摄影：王云翔 李云凯', '摄影：王云翔 李云凯']);
  });

  it('keeps bold runs bold and numbers each list from 1, a line break staying inside its item', () => {
    const [body] = paragraphs.filter((p) => p.style === 'DsybBody');
    expect(body.text).toBe('开幕式上，区委宣传部负责同志致辞。');
    expect(body.xml).toMatch(/<w:r><w:rPr><w:b\/><w:bCs\/><\/w:rPr><w:t xml:space="preserve">区委宣传部<\/w:t>/);
    const items = paragraphs.filter((p) => p.style === 'DsybListItem');
    expect(items.map((p) => p.text)).toEqual(['第一项', '第二项续行', '另一列表']);
    expect(items[1].xml).toContain('<w:br/>');
    const numIds = items.map((p) => /<w:numId w:val="(\d+)"\/>/.exec(p.xml)?.[1]);
    expect(numIds[0]).toBe(numIds[1]);
    expect(numIds[2]).not.toBe(numIds[0]);
    expect(docxPart(docx, 'word/numbering.xml')).toContain('<w:lvlText w:val="%1."/>');
  });

  it('prints the 勘误 notice of a corrected issue', () => {
    expect(withStyle(paragraphs, 'DsybNoticeTitle')).toEqual(['勘误说明']);
    expect(withStyle(paragraphs, 'DsybNotice')).toEqual(['第2版（2021年3月20日）', '原因：标题有误', '更正条目：《区文化馆举办摄影展》（原题《区文化馆举办影展》）']);
  });

  it('refuses what the PDF refuses, in Chinese', async () => {
    await expect(buildIssueDocx(sampleIssue({ sections: [section('a', '本期焦点', [{ id: 'x', title: '', paragraphs: ['正文'] }])] }))).rejects.toThrow(
      new TypesetError('条目（ID x）导出失败：标题为空或不是文本'),
    );
    await expect(buildIssueDocx(sampleIssue({ month: 13 }))).rejects.toThrow('月份无效：13');
  });
});

describe('Word export of an annual volume', () => {
  const event = (id: string, title: string, eventDate: string, text: string, eventDatePrecision: 'day' | 'month' = 'day') => ({
    id,
    title,
    eventDate,
    eventDatePrecision,
    blocks: [{ type: 'paragraph' as const, runs: [{ text }] }],
  });
  const volume: AnnualVolumeSnapshot = {
    volumeId: 'volume-2020',
    year: 2020,
    title: '中原区2020年大事记',
    compiler: '中原区地方史志办公室',
    publicationDate: '2021-01-20',
    masthead: { ...seed.masthead, publicationTitle: '中原区大事月报' },
    months: [
      {
        month: 1,
        entries: [
          event('a', '徐立毅调研中原区', '2020-01-05', '省委常委、市委书记徐立毅到中原区调研，徐书记强调……'),
          event('b', '区政府召开常务会议', '2020-01-20', '中原区人民政府召开常务会议。'),
        ],
      },
      { month: 2, entries: [] },
      {
        month: 3,
        entries: [event('c', '须水河综合治理开工', '2020-03-02', '须水河综合治理工程开工。'), event('d', '本月全区开展植树活动', '2020-03-01', '各街道组织植树。', 'month')],
      },
    ],
    index: [
      { term: '徐立毅', kind: 'person', forms: ['徐立毅', '徐书记'] },
      { term: '须水河', kind: 'place', forms: ['须水河'] },
      { term: '中原区', kind: 'place', forms: ['中原区'] },
      { term: '中原区人民政府', kind: 'organisation', forms: ['中原区人民政府', '区政府'] },
      { term: '安全生产委员会', kind: 'organisation', forms: ['安委会'] },
    ],
    kind: 'final',
    renderedAt: '2021-01-18T02:00:00Z',
  };
  let documentXml: string;
  let paragraphs: DocxParagraph[];
  beforeAll(async () => {
    documentXml = docxPart(await buildAnnualVolumeDocx(volume), 'word/document.xml');
    paragraphs = docxParagraphs(documentXml);
  });

  it('has the months with events as Heading 1, then the index, and the cover of the volume', () => {
    expect(withStyle(paragraphs, 'Heading1')).toEqual(['1月', '3月', '索引']);
    expect(withStyle(paragraphs, 'DsybCoverTitle')).toEqual(['中原区2020年大事记']);
    expect(withStyle(paragraphs, 'DsybCoverLine')).toEqual([seed.masthead.notice, '中原区地方史志办公室', '2021年1月20日']);
    expect(docxFieldInstructions(documentXml)).toContain(String.raw`TOC \h \o "1-2"`);
  });

  it('prints each event under its date, in the order given, a month-precision event under its month', () => {
    const dated = paragraphs.filter((p) => p.style === 'DsybEventDate' || p.style === 'Heading2').map((p) => p.text);
    expect(dated).toEqual(['1月5日', '徐立毅调研中原区', '1月20日', '区政府召开常务会议', '3月2日', '须水河综合治理开工', '是月', '本月全区开展植树活动']);
  });

  it('marks every wording of an index term where it occurs, the longest wording first', () => {
    const marks = docxFieldInstructions(documentXml).filter((i) => i.startsWith('XE'));
    expect(marks).toEqual([
      // Title and body of the first event: 徐立毅, 中原区, 徐立毅, 中原区, 徐书记.
      String.raw`XE "徐立毅" \f "P"`,
      String.raw`XE "中原区" \f "L"`,
      String.raw`XE "徐立毅" \f "P"`,
      String.raw`XE "中原区" \f "L"`,
      String.raw`XE "徐立毅" \f "P"`,
      String.raw`XE "中原区人民政府" \f "O"`,
      String.raw`XE "中原区人民政府" \f "O"`,
      String.raw`XE "须水河" \f "L"`,
      String.raw`XE "须水河" \f "L"`,
    ]);
    // The mark follows the words it marks, which read on unchanged.
    const [title] = paragraphs.filter((p) => p.style === 'Heading2');
    expect(title.xml).toMatch(/<w:t xml:space="preserve">徐立毅<\/w:t><\/w:r><w:r><w:fldChar w:fldCharType="begin"\/><w:instrText xml:space="preserve">XE &quot;徐立毅&quot; \\f &quot;P&quot;<\/w:instrText><w:fldChar w:fldCharType="end"\/><\/w:r><w:r><w:t xml:space="preserve">调研中原区<\/w:t>/);
  });

  it('ends with an index of INDEX fields per kind, holding the terms sorted by pinyin until Word fills in the pages', () => {
    expect(withStyle(paragraphs, 'DsybIndexKind')).toEqual(['人名', '地名', '机构名']);
    const indexes = docxFieldInstructions(documentXml).filter((i) => i.startsWith('INDEX'));
    expect(indexes).toEqual([String.raw`INDEX \f "P" \e "　" \z "2052"`, String.raw`INDEX \f "L" \e "　" \z "2052"`, String.raw`INDEX \f "O" \e "　" \z "2052"`]);
    expect(withStyle(paragraphs, 'Index1')).toEqual(['徐立毅', '须水河', '中原区', '安全生产委员会', '中原区人民政府']);
  });

  it('refuses an event without a usable date, naming it', async () => {
    const broken = { ...volume, months: [{ month: 1, entries: [event('x', '某会议', '2020-02-30', '正文')] }] };
    await expect(buildAnnualVolumeDocx(broken)).rejects.toThrow('条目《某会议》的日期无效：2020-02-30');
  });
});
