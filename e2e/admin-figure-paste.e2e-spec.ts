/**
 * Pictures that arrive without the 插入图片 button, in a real browser against the running stack:
 * a JPEG pasted from the clipboard (a screenshot tool or a copied photo) and a PNG dragged from
 * the desktop onto the body both become figures where they land, with a caption field, and are
 * saved as the PDF prints them. Text pasted with a picture of itself (as word processors copy
 * it) stays text.
 *
 * The test issue's month lies in years 2130–2138 (createTestIssue), so runs sharing a database
 * never collide.
 */
import { randomInt } from 'node:crypto';
import type { Page } from 'playwright-core';
import { JPEG_120x80, pngFromPixels } from '../libs/typeset/testing/images';
import { openRoute, screenshotter, useBrowser } from './browser';
import { api, createTestEntry, login } from './support';

jest.setTimeout(120_000);

const RUN = randomInt(10_000, 100_000);
const TITLE = `粘贴图片条目${RUN}：区城管局清理占道经营`;
const FIRST = '区城管局组织开展占道经营集中整治行动。';
const SECOND = '整治后道路通行秩序明显好转。';
const DROPPED = pngFromPixels(80, 50, (x, y) => [30 + x, 120, 200 - y]);

const browser = useBrowser();

const screenshot = screenshotter('figure-paste');

/** A paste into the editor as the browser delivers it: the clipboard's files and text. */
async function paste(page: Page, file: { name: string; type: string; bytes: Buffer } | null, text = ''): Promise<void> {
  await page.locator('.ProseMirror').evaluate(
    (element, { file: pasted, text: pastedText }) => {
      const data = new DataTransfer();
      if (pasted) data.items.add(new File([Uint8Array.from(atob(pasted.base64), (c) => c.charCodeAt(0))], pasted.name, { type: pasted.type }));
      if (pastedText) data.setData('text/plain', pastedText);
      element.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
    },
    { file: file && { name: file.name, type: file.type, base64: file.bytes.toString('base64') }, text },
  );
}

/** A file dropped from the desktop onto the given element's middle. */
async function drop(page: Page, selector: string, file: { name: string; type: string; bytes: Buffer }): Promise<void> {
  await page.locator(selector).evaluate(
    (element, dropped) => {
      const data = new DataTransfer();
      data.items.add(new File([Uint8Array.from(atob(dropped.base64), (c) => c.charCodeAt(0))], dropped.name, { type: dropped.type }));
      const box = element.getBoundingClientRect();
      const at = { clientX: box.left + box.width / 2, clientY: box.top + box.height / 2 };
      for (const type of ['dragenter', 'dragover', 'drop']) {
        element.dispatchEvent(new DragEvent(type, { dataTransfer: data, bubbles: true, cancelable: true, ...at }));
      }
    },
    { name: file.name, type: file.type, base64: file.bytes.toString('base64') },
  );
}

describe('an editor pastes and drops pictures into an entry', () => {
  let page: Page;
  let token: string;
  let entryId: string;

  beforeAll(async () => {
    token = await login('editor');
    ({ entryId } = await createTestEntry(token, 2130, { title: TITLE, bodyHtml: `<p>${FIRST}</p><p>${SECOND}</p>`, day: 9 }));
  });

  const [session] = browser.sessions(['editor']);
  beforeAll(() => {
    page = session.page;
  });

  it('makes a pasted JPEG and a dropped PNG figures where they land, keeps pasted text as text, and saves them', async () => {
    await openRoute(page, `/entries/${entryId}/edit`);
    const editor = page.locator('.ProseMirror');
    await editor.waitFor();

    // Text copied from a word processor brings a picture of itself along: the text is pasted, not the picture.
    await editor.getByText(FIRST).click();
    await page.keyboard.press('End');
    await paste(page, { name: 'image.jpg', type: 'image/jpeg', bytes: JPEG_120x80 }, '（现场照片）');
    await expect(editor.locator('p').first().innerText()).resolves.toBe(`${FIRST}（现场照片）`);
    await expect(editor.locator('figure').count()).resolves.toBe(0);

    // A copied photo alone: a figure after the first paragraph, its caption field ready for typing.
    await paste(page, { name: 'image.jpg', type: 'image/jpeg', bytes: JPEG_120x80 });
    const pasted = editor.locator('figure').first();
    await pasted.waitFor();
    // Only this one: the earlier paste's picture was left out.
    await expect(editor.locator('figure').count()).resolves.toBe(1);
    await expect(pasted.locator('img').getAttribute('src')).resolves.toBe(`data:image/jpeg;base64,${JPEG_120x80.toString('base64')}`);
    await page.keyboard.type('整治现场');

    // A PNG dragged from the desktop onto the second paragraph.
    await drop(page, `.ProseMirror p:has-text("${SECOND}")`, { name: '整治后.png', type: 'image/png', bytes: DROPPED });
    // (the file is read first, then inserted)
    await editor.locator('figure').nth(1).waitFor();
    await expect(editor.locator('figure').count()).resolves.toBe(2);
    await expect(editor.locator('figure').nth(1).locator('img').getAttribute('src')).resolves.toBe(`data:image/png;base64,${DROPPED.toString('base64')}`);
    await screenshot(page, '01-pasted-and-dropped');

    await page.getByRole('button', { name: '保存' }).click();
    await page.waitForURL(/#\/entries\/[0-9a-f-]+\/show$/);
    const saved = (await api<{ bodyHtml: string; bodyText: string }>('GET', `/api/entries/${entryId}`, { token })).body;
    const figures = [...saved.bodyHtml.matchAll(/<figure><img src="data:image\/(jpeg|png);base64,[^"]+" \/>(?:<figcaption>([^<]*)<\/figcaption>)?<\/figure>/g)].map((m) => [m[1], m[2] ?? '']);
    expect(figures).toEqual([
      ['jpeg', '整治现场'],
      ['png', ''],
    ]);
    // In reading order: the first paragraph (with the pasted text), the photo and its caption, then the rest.
    expect(saved.bodyHtml.indexOf(`${FIRST}（现场照片）`)).toBeLessThan(saved.bodyHtml.indexOf('image/jpeg'));
    expect(saved.bodyText).toContain('整治现场');
  });
});
