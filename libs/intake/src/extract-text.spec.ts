import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { NodeCompiler } from '@myriaddreamin/typst-ts-node-compiler';
import { Document, Packer, Paragraph } from 'docx';
import { bundledFontPaths, SERIF_FAMILY } from '@dsyb/typeset';
import {
  extractPageText,
  IntakeFileError,
  MAX_PAGE_FILE_BYTES,
  ocrImage,
  removeSpacesBetweenCjk,
  sniffPageFile,
  tesseractAvailable,
} from './extract-text';

/* Real tools throughout: Typst (in-process) makes the PDFs, the docx package the Word file,
 * poppler's pdftoppm the images and Debian's tesseract reads them (.ci/run installs both). */

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'intake-spec-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

let compiler: NodeCompiler | undefined;
function typst(source: string, files: Array<{ path: string; bytes: Uint8Array }> = []): Buffer {
  compiler ??= NodeCompiler.create({ workspace: path.join(dir, 'no-workspace'), fontArgs: [{ fontPaths: bundledFontPaths() }] });
  for (const file of files) compiler.mapShadow(path.join(dir, 'no-workspace') + file.path, Buffer.from(file.bytes));
  const result = compiler.compile({ mainFileContent: `#set text(font: "${SERIF_FAMILY}", fallback: false)\n${source}` });
  const document = result.result;
  if (!document) throw new Error(`typst: ${JSON.stringify(result.takeError()?.shortDiagnostics)}`);
  return compiler.pdf(document);
}

function writeTemp(name: string, bytes: Uint8Array): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, bytes);
  return file;
}

/** Page 1 of a PDF as a 300 dpi PNG, as pdftoppm makes it. */
function rasterise(pdf: Uint8Array): Buffer {
  return execFileSync('pdftoppm', ['-png', '-r', '300', '-f', '1', '-l', '1', writeTemp(`r${Date.now()}.pdf`, pdf)], { maxBuffer: 64 << 20 });
}

const noWhitespace = (text: string): string => text.replace(/\s+/g, '');
const SPACE_BETWEEN_HAN = /\p{Script=Han}[ \t]+\p{Script=Han}/u;

async function intakeError(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(IntakeFileError);
    return (error as Error).message;
  }
  throw new Error('expected an IntakeFileError');
}

/* ---------- PDF with a text layer ---------- */

const HEADLINE = '中原区召开网上政务服务能力提升工作推进会';
const LEFT_1 = '三月十二日，中原区召开网上政务服务能力提升工作推进会，区政务服务中心负责人通报了全区网上办事情况。';
const LEFT_2 = '会议要求各街道办事处加快推进事项网上办理。';
const RIGHT_1 = '区委常委、常务副区长出席会议并讲话，强调要把群众满意作为检验工作的标准。';
const RIGHT_2 = '全区共有一百二十项服务实现全程网办。';

/**
 * A headline across both columns, then two columns of two paragraphs each. The right column is
 * placed first in the source, so the PDF draws it before the left one: the order has to come
 * from the positions.
 */
function twoColumnPage(): Buffer {
  const column = (dx: string, first: string, second: string) =>
    `#place(top + left, dx: ${dx}, dy: 14mm, block(width: 62mm)[#set par(justify: true, spacing: 1.6em, leading: 0.5em)\n${first}\n\n${second}])`;
  return typst(`#set page(width: 150mm, height: 110mm, margin: 10mm)
#set text(size: 10pt)
${column('68mm', RIGHT_1, RIGHT_2)}
${column('0mm', LEFT_1, LEFT_2)}
#place(top + left, block(width: 130mm, align(center, text(size: 16pt, weight: "bold")[${HEADLINE}])))
`);
}

describe('extractPageText: PDF with text', () => {
  const pdf = twoColumnPage();

  it('is drawn right column first (so the order below comes from positions, not from the file)', () => {
    const drawn = noWhitespace(execFileSync('pdftotext', ['-raw', '-enc', 'UTF-8', writeTemp('two-columns.pdf', pdf), '-']).toString('utf8'));
    expect(drawn.indexOf(RIGHT_1.slice(0, 8))).toBeGreaterThanOrEqual(0);
    expect(drawn.indexOf(RIGHT_1.slice(0, 8))).toBeLessThan(drawn.indexOf(LEFT_1.slice(0, 8)));
  });

  it('reads the headline, then the left column, then the right one, without spaces between Chinese characters', async () => {
    const page = await extractPageText(pdf);
    expect(page).toMatchObject({ kind: 'pdf', ocr: false });
    expect(page.text).not.toMatch(SPACE_BETWEEN_HAN);
    const flat = noWhitespace(page.text);
    expect(flat).toBe(noWhitespace(HEADLINE + LEFT_1 + LEFT_2 + RIGHT_1 + RIGHT_2));
  });

  it('keeps a blank line between paragraphs and none inside one nor at a column break', async () => {
    const { text } = await extractPageText(pdf);
    const blocks = text.split(/\n\s*\n/).map(noWhitespace);
    // A column break is a line break: in a newspaper a paragraph goes on in the next column.
    expect(blocks).toEqual([HEADLINE, LEFT_1, LEFT_2 + RIGHT_1, RIGHT_2].map(noWhitespace));
    // The long paragraphs were wrapped: their lines are kept, joined by single newlines.
    expect(text.split('\n').length).toBeGreaterThan(blocks.length + 2);
  });

  it('puts a space between Latin words and between Latin and Chinese, but not between Chinese characters', async () => {
    const pdfText = typst('#set page(width: 120mm, height: 40mm, margin: 5mm)\n#set text(size: 10pt)\n2024 年 GDP growth 达到 5.2%，同比增长。');
    const { text } = await extractPageText(pdfText);
    expect(text).toBe('2024 年 GDP growth 达到 5.2%，同比增长。');
  });

  it('reads every page, in order', async () => {
    const { text } = await extractPageText(typst('#set page(width: 100mm, height: 40mm, margin: 5mm)\n第一页的内容。\n#pagebreak()\n第二页的内容。'));
    expect(text).toBe('第一页的内容。\n\n第二页的内容。');
  });
});

/* ---------- broken and encrypted PDFs ---------- */

/** A PDF written by hand, objects and xref table with exact offsets. */
function handMadePdf(objects: string[], trailer: string): Buffer {
  let body = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((object, index) => {
    offsets.push(Buffer.byteLength(body, 'latin1'));
    body += `${index + 1} 0 obj\n${object}\nendobj\n`;
  });
  const xref = Buffer.byteLength(body, 'latin1');
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R ${trailer} >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(body, 'latin1');
}

describe('extractPageText: unreadable PDFs', () => {
  it('refuses a truncated PDF as damaged', async () => {
    const pdf = twoColumnPage();
    const message = await intakeError(extractPageText(pdf.subarray(0, 400)));
    expect(message).toBe('PDF 文件已损坏，无法读取');
  });

  it('refuses a PDF that needs a password', async () => {
    const hex32 = 'ab'.repeat(32);
    const pdf = handMadePdf(
      ['<< /Type /Catalog /Pages 2 0 R >>', '<< /Type /Pages /Kids [3 0 R] /Count 1 >>', '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >>', `<< /Filter /Standard /V 1 /R 2 /O <${hex32}> /U <${hex32}> /P -4 >>`],
      '/Encrypt 4 0 R /ID [<00112233445566778899aabbccddeeff> <00112233445566778899aabbccddeeff>]',
    );
    expect(await intakeError(extractPageText(pdf))).toBe('PDF 已加密，无法读取文字，请先解除密码保护');
  });

  it('reads the same hand-made PDF once it is not encrypted (the encryption is what is refused)', async () => {
    const pdf = handMadePdf(
      [
        '<< /Type /Catalog /Pages 2 0 R >>',
        '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
        '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
        '<< /Length 44 >>\nstream\nBT /F1 12 Tf 20 100 Td (Hello intake) Tj ET\nendstream',
        '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
      ],
      '',
    );
    expect(await extractPageText(pdf)).toEqual({ kind: 'pdf', text: 'Hello intake', ocr: false });
  });
});

/* ---------- Word ---------- */

describe('extractPageText: Word', () => {
  it('returns the paragraphs of a .docx', async () => {
    const document = new Document({ sections: [{ children: [new Paragraph(HEADLINE), new Paragraph(LEFT_1), new Paragraph('English, too.')] }] });
    const bytes = await Packer.toBuffer(document);
    expect(sniffPageFile(bytes)).toBe('docx');
    const page = await extractPageText(bytes);
    expect(page).toEqual({ kind: 'docx', text: `${HEADLINE}\n\n${LEFT_1}\n\nEnglish, too.`, ocr: false });
  });

  it('refuses a ZIP that is not a Word document', async () => {
    // A stored (uncompressed) ZIP with one entry, readme.txt.
    const name = Buffer.from('readme.txt');
    const data = Buffer.from('hello');
    const local = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04, 20, 0, 0, 0, 0, 0, 0, 0, 0, 0]), Buffer.alloc(12), Buffer.from([name.length, 0, 0, 0]), name, data]);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(data.length, 22);
    expect(sniffPageFile(local)).toBeNull();
    expect(await intakeError(extractPageText(local))).toMatch(/^不是 Word 文档（\.docx）/);
  });

  it('refuses an old .doc (OLE compound file) and says to save it as .docx', async () => {
    const doc = Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(504)]);
    expect(await intakeError(extractPageText(doc))).toMatch(/^不是 Word 文档（\.docx）.*另存为/);
  });

  it('refuses a damaged .docx', async () => {
    const bytes = await Packer.toBuffer(new Document({ sections: [{ children: [new Paragraph('正文')] }] }));
    // Keep the local header of word/document.xml's name but cut the archive short.
    const cut = bytes.subarray(0, bytes.indexOf(Buffer.from('word/document.xml')) + 40);
    expect(sniffPageFile(cut)).toBe('docx');
    expect(await intakeError(extractPageText(cut))).toBe('Word 文档已损坏，无法读取');
  });
});

/* ---------- kinds, text and limits ---------- */

describe('sniffPageFile', () => {
  const bytes = (...values: number[]) => Uint8Array.from([...values, ...new Array(32).fill(0)]);
  const ascii = (text: string) => Buffer.from(text, 'latin1');

  it('knows each kind by its content', () => {
    expect(sniffPageFile(ascii('%PDF-1.7\n...'))).toBe('pdf');
    expect(sniffPageFile(bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a))).toBe('image');
    expect(sniffPageFile(bytes(0xff, 0xd8, 0xff, 0xe0))).toBe('image');
    expect(sniffPageFile(bytes(0x49, 0x49, 0x2a, 0x00))).toBe('image');
    expect(sniffPageFile(bytes(0x4d, 0x4d, 0x00, 0x2a))).toBe('image');
    expect(sniffPageFile(Buffer.concat([ascii('RIFF\x24\x00\x00\x00WEBPVP8 '), Buffer.alloc(32)]))).toBe('image');
    const bmp = Buffer.alloc(60);
    bmp.write('BM', 0, 'latin1');
    bmp.writeUInt32LE(40, 14);
    expect(sniffPageFile(bmp)).toBe('image');
    expect(sniffPageFile(Buffer.from('\uFEFF大事月报\r\n第二行\t制表'))).toBe('text');
  });

  it('does not take a text that starts with "BM" or "PK" for an image or a Word file', () => {
    expect(sniffPageFile(Buffer.from('BMW 汽车公司来我区考察，双方就新能源项目达成合作意向。'))).toBe('text');
    expect(sniffPageFile(Buffer.from('PK 赛结果公布'))).toBe('text');
  });

  it('accepts nothing else', () => {
    expect(sniffPageFile(Buffer.from('文本\u0000里有 NUL'))).toBeNull();
    expect(sniffPageFile(Buffer.from('响铃\u0007字符'))).toBeNull();
    expect(sniffPageFile(Uint8Array.from([0xc3, 0x28, 0xa0, 0xa1]))).toBeNull(); // invalid UTF-8
    expect(sniffPageFile(new Uint8Array(0))).toBeNull();
  });
});

describe('extractPageText: text and refusals', () => {
  it('decodes UTF-8 text, without its BOM and with plain newlines', async () => {
    expect(await extractPageText(Buffer.from('\uFEFF大事月报\r\n第二行'))).toEqual({ kind: 'text', text: '大事月报\n第二行', ocr: false });
  });

  it('refuses text with NUL characters (binary, or UTF-16) as not text', async () => {
    expect(await intakeError(extractPageText(Buffer.from('大事月报\u0000\u0000\u0001')))).toMatch(/^文件不是文本/);
    expect(await intakeError(extractPageText(Buffer.from('Monthly chronicle of major events', 'utf16le')))).toMatch(/^文件不是文本/);
    expect(await intakeError(extractPageText(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('大事', 'utf16le')])))).toMatch(/^文件不是文本/);
  });

  it('says when a Chinese text is GBK rather than UTF-8', async () => {
    const gbk = Buffer.from([0xb4, 0xf3, 0xca, 0xc2, 0xd4, 0xc2, 0xb1, 0xa8]); // 大事月报 in GBK
    expect(await intakeError(extractPageText(gbk))).toMatch(/^文本文件不是 UTF-8 编码/);
  });

  it('refuses unknown content, naming the kinds it reads', async () => {
    const random = Uint8Array.from({ length: 256 }, (_, i) => (i * 151 + 7) % 256);
    expect(sniffPageFile(random)).toBeNull();
    expect(await intakeError(extractPageText(random))).toBe('无法识别的文件类型：请上传 PDF、Word（.docx）、图片或纯文本');
  });

  it('refuses an empty file', async () => {
    expect(await intakeError(extractPageText(new Uint8Array(0)))).toBe('文件是空的');
  });

  it('refuses a file over the limit, naming the limit in MB, and accepts one at the limit', async () => {
    expect(MAX_PAGE_FILE_BYTES).toBe(30 * 1024 * 1024);
    const atLimit = Buffer.alloc(MAX_PAGE_FILE_BYTES, 'a');
    expect((await extractPageText(atLimit)).text).toHaveLength(MAX_PAGE_FILE_BYTES);
    const message = await intakeError(extractPageText(Buffer.alloc(MAX_PAGE_FILE_BYTES + 1, 'a')));
    expect(message).toMatch(/^文件太大/);
    expect(message).toContain('最大 30 MB');
  });

  it('hands an image to the OCR function it is given, with the progress listener', async () => {
    const png = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]);
    const seen: Uint8Array[] = [];
    const progress: number[] = [];
    const page = await extractPageText(png, {
      ocr: async (image, onProgress) => {
        seen.push(image);
        onProgress?.(1);
        return ' 识别的文字 \n';
      },
      onProgress: (p) => progress.push(p),
    });
    expect(page).toEqual({ kind: 'image', text: '识别的文字', ocr: true });
    expect(seen).toEqual([png]);
    expect(progress).toEqual([0, 1]);
  });
});

/* ---------- OCR ---------- */

const SENTENCE = '中原区召开网上政务服务能力提升工作推进会';
const WORDS = ['中原区', '召开', '网上', '政务服务', '能力提升', '工作', '推进会'];

describe('OCR with tesseract', () => {
  jest.setTimeout(180_000);
  const sentencePdf = () => typst(`#set page(width: 180mm, height: 40mm, margin: 10mm)\n#set text(size: 16pt)\n${SENTENCE}`);

  it('has tesseract with Chinese here (.ci/run installs tesseract-ocr and tesseract-ocr-chi-sim)', async () => {
    expect(await tesseractAvailable()).toBe(true);
  });

  it('recognises a Chinese sentence in an image, without spaces between the characters', async () => {
    const text = await ocrImage(rasterise(sentencePdf()));
    expect(text).not.toMatch(SPACE_BETWEEN_HAN);
    const found = WORDS.filter((word) => noWhitespace(text).includes(word));
    expect(found.length).toBeGreaterThanOrEqual(5);
  });

  it('recognises a scanned PDF (no text layer) page by page, reporting progress per page', async () => {
    const png = rasterise(sentencePdf());
    const scan = typst(
      '#set page(width: 180mm, height: 40mm, margin: 0mm)\n#image("/scan.png", width: 100%)\n#pagebreak()\n#image("/scan.png", width: 100%)',
      [{ path: '/scan.png', bytes: png }],
    );
    const progress: number[] = [];
    const page = await extractPageText(scan, { onProgress: (p) => progress.push(p) });
    expect(page.kind).toBe('pdf');
    expect(page.ocr).toBe(true);
    const pages = page.text.split(/\n\s*\n/);
    expect(pages).toHaveLength(2);
    for (const text of pages) expect(WORDS.filter((word) => noWhitespace(text).includes(word)).length).toBeGreaterThanOrEqual(5);
    expect(progress[0]).toBe(0);
    expect(progress.at(-1)).toBe(1);
    expect(progress).toContain(0.5);
    expect([...progress].sort((a, b) => a - b)).toEqual(progress);
  });

  it('reports a missing tesseract as an IntakeFileError, not a crash', async () => {
    const png = rasterise(sentencePdf());
    const pathBefore = process.env.PATH;
    process.env.PATH = path.join(dir, 'empty-bin');
    try {
      expect(await tesseractAvailable()).toBe(false);
      expect(await intakeError(ocrImage(png))).toBe('服务器未安装文字识别（OCR）：请安装 Debian 软件包 tesseract-ocr 和 tesseract-ocr-chi-sim');
      expect(await intakeError(extractPageText(png))).toMatch(/^服务器未安装文字识别（OCR）/);
    } finally {
      process.env.PATH = pathBefore;
    }
  });

  it('reports missing language data the same way', async () => {
    const png = rasterise(sentencePdf());
    expect(await intakeError(ocrImage(png, { languages: 'xx_not_installed' }))).toMatch(/^服务器未安装文字识别（OCR）/);
  });

  it('refuses an image tesseract cannot read', async () => {
    const broken = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48]);
    expect(await intakeError(ocrImage(broken))).toBe('图片无法识别：文件已损坏或格式不受支持');
  });

  it('removes the spaces tesseract puts between Chinese characters, and only those', () => {
    expect(removeSpacesBetweenCjk('中 原 区 召 开 ， 会 议 GDP 增长 5 %')).toBe('中原区召开，会议 GDP 增长 5 %');
  });
});
