import * as fs from 'node:fs';
import * as path from 'node:path';
import { deflateSync } from 'node:zlib';
import type { EntryBlock } from '@dsyb/domain';
import { entryBodyBlocks, htmlToBlocks, plainTextBlocks } from './index';

const paragraph = (...runs: Array<string | [string, 'bold']>): EntryBlock => ({
  type: 'paragraph',
  runs: runs.map((run) => (typeof run === 'string' ? { text: run } : { text: run[0], bold: true })),
});

/** A tiny valid PNG (2 × 2), as the editor would embed it. */
function pngDataUrl(): { src: string; base64: string } {
  const chunk = (type: string, data: Buffer): Buffer => {
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    return Buffer.concat([length, Buffer.from(type, 'latin1'), data, Buffer.alloc(4)]);
  };
  const ihdr = Buffer.from([0, 0, 0, 2, 0, 0, 0, 2, 8, 2, 0, 0, 0]);
  const bytes = Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(Buffer.alloc(2 * 7))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
  return { src: `data:image/png;base64,${bytes.toString('base64')}`, base64: bytes.toString('base64') };
}

describe('paragraphs and bold', () => {
  it('turns paragraphs into paragraph blocks, bold into bold runs', () => {
    expect(htmlToBlocks('<p>9月17日，区委书记<strong>王某某</strong>主持会议。</p><p><b>会议</b>强调。</p>')).toEqual([
      paragraph('9月17日，区委书记', ['王某某', 'bold'], '主持会议。'),
      paragraph(['会议', 'bold'], '强调。'),
    ]);
  });

  it('merges neighbouring runs, and does not make spaces or empty elements bold', () => {
    expect(htmlToBlocks('<p><strong>加</strong><b>粗</b><strong><strong>嵌套</strong></strong> <b> </b>后<strong></strong></p>')).toEqual([
      paragraph(['加粗嵌套', 'bold'], ' 后'),
    ]);
  });

  it('prints em, i, u, a, span and unknown inline elements as plain text', () => {
    expect(htmlToBlocks('<p><em>强调</em><i>斜体</i><u>下划线</u><a href="https://x">链接</a><span style="font-weight:bold">样式</span><x-y>未知</x-y></p>')).toEqual([
      paragraph('强调斜体下划线链接样式未知'),
    ]);
  });

  it('makes a line break a new paragraph, as the plain-text body has it', () => {
    expect(htmlToBlocks('<p>第一行<br>第二行<br/><br />第三行</p>')).toEqual([paragraph('第一行'), paragraph('第二行'), paragraph('第三行')]);
  });

  it('ends a paragraph at block elements, including ones the editor does not make', () => {
    expect(htmlToBlocks('文字<div>甲<h2>乙</h2>丙</div><table><tr><td>丁</td><td>戊</td></tr></table><blockquote>己</blockquote>')).toEqual(
      ['文字', '甲', '乙', '丙', '丁', '戊', '己'].map((text) => paragraph(text)),
    );
  });

  it('collapses whitespace as a browser does, without spaces between Chinese characters at source line breaks', () => {
    expect(htmlToBlocks('<p>  中原区\n  召开会议，  the   meeting\nwas held&nbsp;&nbsp;today.\t</p>')).toEqual([
      paragraph('中原区召开会议， the meeting was held today.'),
    ]);
    expect(htmlToBlocks('<p>中原区 召开</p>')).toEqual([paragraph('中原区 召开')]);
    // A collapsed space goes with the character after it.
    expect(htmlToBlocks('<p>第<strong> 一 </strong>名</p>')).toEqual([paragraph('第', [' 一', 'bold'], ' 名')]);
  });

  it('drops empty paragraphs', () => {
    expect(htmlToBlocks('<p></p><p> </p><p><br></p><p>&nbsp;</p><p><strong> </strong></p>')).toEqual([]);
    expect(htmlToBlocks('')).toEqual([]);
  });

  it('keeps the text exactly, entities decoded once', () => {
    expect(htmlToBlocks('<p>&lt;b&gt;不是加粗&lt;/b&gt; &amp;lt; &quot;引号&quot; &#x4E2D;&#25991; #read("/etc/passwd") $x$ *星* _下_ [括号] @ref // \\</p>')).toEqual([
      paragraph('<b>不是加粗</b> &lt; "引号" 中文 #read("/etc/passwd") $x$ *星* _下_ [括号] @ref // \\'),
    ]);
  });
});

describe('lists', () => {
  it('turns ol and ul into numbered and bulleted lists of runs', () => {
    expect(htmlToBlocks('<p>任务：</p><ol><li><p>第一项</p></li><li><p><strong>第二</strong>项</p></li></ol><ul><li>甲</li><li>乙</li></ul><p>完。</p>')).toEqual([
      paragraph('任务：'),
      { type: 'list', ordered: true, items: [[{ text: '第一项' }], [{ text: '第二', bold: true }, { text: '项' }]] },
      { type: 'list', ordered: false, items: [[{ text: '甲' }], [{ text: '乙' }]] },
      paragraph('完。'),
    ]);
  });

  it('keeps line breaks and paragraphs inside an item as line breaks', () => {
    expect(htmlToBlocks('<ul><li><p>第一段</p><p>第二段</p></li><li>一行<br>二行<br><br></li></ul>')).toEqual([
      { type: 'list', ordered: false, items: [[{ text: '第一段\n第二段' }], [{ text: '一行\n二行' }]] },
    ]);
  });

  it('flattens nested lists into lines of their item, with their own markers', () => {
    expect(htmlToBlocks('<ol><li>总体要求<ol><li>要求一</li><li>要求二</li></ol></li><li>具体措施<ul><li>措施甲</li></ul>以上。</li></ol>')).toEqual([
      {
        type: 'list',
        ordered: true,
        items: [[{ text: '总体要求\n（1）要求一\n（2）要求二' }], [{ text: '具体措施\n• 措施甲\n以上。' }]],
      },
    ]);
  });

  it('drops empty items and empty lists', () => {
    expect(htmlToBlocks('<ul><li></li><li> <br> </li></ul><ol></ol><ul><li>有</li><li><p></p></li></ul>')).toEqual([
      { type: 'list', ordered: false, items: [[{ text: '有' }]] },
    ]);
  });

  it('treats an li outside any list as a paragraph', () => {
    expect(htmlToBlocks('<li>孤立</li>之后')).toEqual([paragraph('孤立'), paragraph('之后')]);
  });
});

describe('figures', () => {
  const { src, base64 } = pngDataUrl();

  it('turns figure, img and figcaption into a figure with its caption', () => {
    expect(htmlToBlocks(`<p>前文。</p><figure><img src="${src}" alt="说明"><figcaption>9月17日，会议现场。<b>记者 韩娟 摄</b></figcaption></figure><p>后文。</p>`)).toEqual([
      paragraph('前文。'),
      { type: 'figure', image: { kind: 'embedded', mediaType: 'image/png', base64 }, caption: '9月17日，会议现场。记者 韩娟 摄' },
      paragraph('后文。'),
    ]);
  });

  it('reads a figure as the entry editor writes it and the API stores it', () => {
    // apps/admin EntryBodyFigure; sanitize-html writes img as "<img … />", the trailing paragraph is TipTap's.
    expect(htmlToBlocks(`<p>前文。</p><figure><img src="${src}" /><figcaption>防汛演练现场 （区应急管理局供图）</figcaption></figure><p></p>`)).toEqual([
      paragraph('前文。'),
      { type: 'figure', image: { kind: 'embedded', mediaType: 'image/png', base64 }, caption: '防汛演练现场 （区应急管理局供图）' },
    ]);
    expect(htmlToBlocks(`<figure><img src="${src}" /><figcaption></figcaption></figure>`)).toEqual([
      { type: 'figure', image: { kind: 'embedded', mediaType: 'image/png', base64 }, caption: '' },
    ]);
  });

  it('splits a paragraph at an image standing in it; alt text is not printed', () => {
    expect(htmlToBlocks(`<p>图前<img src="${src}" alt="替代文字">图后</p>`)).toEqual([
      paragraph('图前'),
      { type: 'figure', image: { kind: 'embedded', mediaType: 'image/png', base64 }, caption: '' },
      paragraph('图后'),
    ]);
  });

  it('puts images met in a list after the list, so its numbering goes on', () => {
    expect(htmlToBlocks(`<ol><li>一<img src="${src}">续</li><li>二</li></ol>`)).toEqual([
      { type: 'list', ordered: true, items: [[{ text: '一\n续' }], [{ text: '二' }]] },
      { type: 'figure', image: { kind: 'embedded', mediaType: 'image/png', base64 }, caption: '' },
    ]);
  });

  it('gives several images of one figure its caption under the last', () => {
    expect(htmlToBlocks(`<figure><img src="${src}"><img src="https://example.com/b.jpg"><figcaption>两张图</figcaption></figure>`)).toEqual([
      { type: 'figure', image: { kind: 'embedded', mediaType: 'image/png', base64 }, caption: '' },
      { type: 'figure', image: { kind: 'omitted', reason: 'remote' }, caption: '两张图' },
    ]);
  });

  it('keeps images it cannot embed as omitted, with the reason, and a caption without an image', () => {
    expect(
      htmlToBlocks(
        '<figure><img src="https://example.com/a.png"><figcaption>网络图片</figcaption></figure>' +
          '<img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=">' +
          '<img src="data:image/png;base64,bm90IGEgcG5n">' +
          '<img src="data:image/png;base64,%%%">' +
          '<figure><img><figcaption>图片被删去</figcaption></figure>' +
          '<figure><figcaption>只有图注</figcaption></figure><figure> </figure>',
      ),
    ).toEqual([
      { type: 'figure', image: { kind: 'omitted', reason: 'remote' }, caption: '网络图片' },
      { type: 'figure', image: { kind: 'omitted', reason: 'unsupported' }, caption: '' },
      { type: 'figure', image: { kind: 'omitted', reason: 'unsupported' }, caption: '' },
      { type: 'figure', image: { kind: 'omitted', reason: 'invalid' }, caption: '' },
      { type: 'figure', image: { kind: 'omitted', reason: 'missing' }, caption: '图片被删去' },
      { type: 'figure', image: { kind: 'omitted', reason: 'missing' }, caption: '只有图注' },
    ]);
  });

  it('treats a figcaption outside a figure as a paragraph', () => {
    expect(htmlToBlocks('<figcaption>游离的图注</figcaption>')).toEqual([paragraph('游离的图注')]);
  });
});

describe('hostile HTML', () => {
  it('drops scripts, styles and other non-text elements with their content', () => {
    expect(
      htmlToBlocks(
        '<script>alert("脚本")</script><style>p{color:red}</style><template><p>模板</p></template><noscript>无脚本</noscript>' +
          '<iframe src="https://x">框架</iframe><svg><text>矢量</text><image href="/etc/passwd"/></svg><textarea>输入</textarea>' +
          '<select><option>选项</option></select><p>正文<script>document.write("内联")</script>继续</p><!-- 注释 --><![CDATA[数据]]>',
      ),
    ).toEqual([paragraph('正文继续')]);
  });

  it('survives unclosed, stray and misnested tags', () => {
    expect(htmlToBlocks('<p>一<b>粗<i>斜</b>常</i></p></li></ul></figure><p>二<ul><li>三')).toEqual([
      paragraph('一', ['粗斜', 'bold'], '常'),
      paragraph('二'),
      { type: 'list', ordered: false, items: [[{ text: '三' }]] },
    ]);
    expect(htmlToBlocks('<script>永远不闭合的脚本 <p>看不见</p>')).toEqual([]);
    expect(htmlToBlocks('<p>未闭合的<strong>加粗')).toEqual([paragraph('未闭合的', ['加粗', 'bold'])]);
  });

  it('copes with deep nesting', () => {
    const deep = `${'<div><span>'.repeat(2000)}深处${'</span></div>'.repeat(2000)}`;
    expect(htmlToBlocks(deep)).toEqual([paragraph('深处')]);
    const lists = `${'<ul><li>'.repeat(200)}最深${'</li></ul>'.repeat(200)}`;
    const [list] = htmlToBlocks(lists);
    expect(list).toMatchObject({ type: 'list', ordered: false });
    expect(list.type === 'list' && list.items[0][0].text.endsWith('• 最深')).toBe(true);
  });

  it('ignores every attribute but img src', () => {
    expect(htmlToBlocks('<p onclick="x()" style="display:none" class="a" data-x="#read()">可见</p>')).toEqual([paragraph('可见')]);
  });

  it('accepts non-string input as empty', () => {
    expect(htmlToBlocks(undefined as unknown as string)).toEqual([]);
  });
});

describe('entry bodies as stored', () => {
  it('reads the reference issue’s bodies (plain paragraphs in <p>) back as exactly its paragraphs', () => {
    const seed = JSON.parse(fs.readFileSync(path.resolve(__dirname, '../../../seeds/reference-issue-097.json'), 'utf8')) as {
      entries: Array<{ paragraphs: string[] }>;
    };
    // As seeds/seed.ts writes body_html.
    const escapeHtml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
    for (const entry of seed.entries) {
      const bodyHtml = entry.paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join('');
      expect(entryBodyBlocks({ bodyHtml, bodyText: entry.paragraphs.join('\n\n') })).toEqual(entry.paragraphs.map((p) => paragraph(p)));
    }
  });

  it('falls back to the plain text when there is no HTML', () => {
    expect(entryBodyBlocks({ bodyHtml: '  ', bodyText: '第一段\n\n第二段\r\n第三段\n' })).toEqual([paragraph('第一段'), paragraph('第二段'), paragraph('第三段')]);
    expect(plainTextBlocks('')).toEqual([]);
    expect(entryBodyBlocks({ bodyHtml: '<p>富文本</p>', bodyText: '纯文本' })).toEqual([paragraph('富文本')]);
  });
});
