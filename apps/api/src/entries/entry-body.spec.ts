import { normaliseBody, sanitizeBodyHtml } from './entry-body';

const PNG = 'data:image/png;base64,iVBORw0KGgo=';

describe('entry body HTML as stored', () => {
  it('keeps bold in paragraphs and lists, which the PDF prints', () => {
    expect(sanitizeBodyHtml('<p>会议<strong>部署</strong>工作。</p><ul><li><b>一</b></li></ul>')).toBe('<p>会议<strong>部署</strong>工作。</p><ul><li><b>一</b></li></ul>');
  });

  it('stores a caption as the plain text the PDF prints and the editor edits', () => {
    const html = `<figure><img src="${PNG}" /><figcaption><strong>9月17日</strong>，区委常委会议现场。<br />记者 <em>韩娟</em> 摄</figcaption></figure><p><strong>正文</strong></p>`;
    expect(sanitizeBodyHtml(html)).toBe(`<figure><img src="${PNG}" /><figcaption>9月17日，区委常委会议现场。 记者 韩娟 摄</figcaption></figure><p><strong>正文</strong></p>`);
  });

  it('keeps characters that look like markup in a caption escaped', () => {
    expect(sanitizeBodyHtml(`<figure><img src="${PNG}" /><figcaption>a &lt;b&gt; &amp; c</figcaption></figure>`)).toContain('<figcaption>a &lt;b&gt; &amp; c</figcaption>');
  });

  it('derives the plain text with the caption as its own paragraph', () => {
    expect(normaliseBody({ bodyHtml: `<p>正文。</p><figure><img src="${PNG}"><figcaption><b>图注</b>文字</figcaption></figure>` })?.bodyText).toBe('正文。\n\n图注文字');
  });
});
