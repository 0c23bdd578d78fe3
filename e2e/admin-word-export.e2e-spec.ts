/**
 * 导出 Word in the admin, in Chromium against the running stack: on the reference issue's
 * 排版与下载 tab, beside the PDF buttons, the button saves the issue's .docx under the name the
 * API gives it, with the issue's titles inside. The reference issue is only read.
 */
import * as fs from 'node:fs';
import { docxPart, docxParagraphs } from '../libs/typeset/testing/docx-parts';
import reference from '../seeds/reference-issue-097.json';
import { openRoute, screenshotter, useBrowser } from './browser';
import { api, login } from './support';

jest.setTimeout(90_000);

const browser = useBrowser();
const screenshot = screenshotter('word-export');

it('downloads the issue as a Word document named after it', async () => {
  const token = await login('editor');
  const list = await api<{ id: string; serialNumber: number }[]>('GET', `/api/issues?filter=${encodeURIComponent('{"q":"97"}')}`, { token });
  const issue97 = list.body.find((issue) => issue.serialNumber === 97)!;

  const { page, pageErrors, apiFailures } = await browser.signIn('editor');
  await openRoute(page, `/issues/${issue97.id}/show/renditions`);
  const button = page.getByRole('button', { name: '导出 Word' });
  await button.waitFor();
  // Beside the PDF buttons.
  await page.getByRole('button', { name: '生成校样' }).waitFor();
  await screenshot(page, 'issue-renditions');

  const [download] = await Promise.all([page.waitForEvent('download'), button.click()]);
  expect(download.suggestedFilename()).toBe('总第97期-2020年10月-校样.docx');
  const docx = fs.readFileSync(await download.path());
  expect(docx.subarray(0, 2).toString()).toBe('PK');
  const titles = docxParagraphs(docxPart(docx, 'word/document.xml'))
    .filter((p) => p.style === 'Heading2')
    .map((p) => p.text);
  expect(titles).toEqual(reference.sections.flatMap((s) => reference.entries.filter((e) => e.section === s.key).map((e) => e.title)));
  expect(pageErrors).toEqual([]);
  expect(apiFailures).toEqual([]);
});
