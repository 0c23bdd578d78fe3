/**
 * 导入版面 in the browser, against the real API: an editor pastes a newspaper page, splits it
 * into articles, merges two the reading should have kept apart and splits them again, names the
 * split-off article, leaves one out and saves; the sources are then read back through the API.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { SCREENSHOT_DIR, screenshotter, settledAfter, useBrowser } from './browser';
import { api, baseUrl, login, waitFor } from './support';

jest.setTimeout(180000);

const browser = useBrowser();
const takeScreenshot = screenshotter('source-import');
/** From the top of the page: a full-page picture of a scrolled window draws the fixed app bar mid-page. */
const screenshot = async (page: Page, name: string) => {
  await page.evaluate(() => window.scrollTo(0, 0));
  await takeScreenshot(page, name);
};
const pageB = readFileSync(path.join(__dirname, '../seeds/sources/newspaper-page-b.txt'), 'utf8');
const NEWSPAPER = `浏览器导入测试报${Math.random().toString(36).slice(2, 8)}`;

const HEADLINES = [
  '中原区委理论学习中心组召开2020年度第九次集体学习(扩大)会议 集中收听收看全国抗击新冠肺炎疫情表彰大会',
  '全景展现“绿水青山就是金山银山”发展理念 中原区“生态中原”摄影展开幕',
  '中原区领导调研贾鲁河片区推进情况 围绕“服务”二字 把工作做实做好',
  '“全城清洁”助力创文 中原区纪委监委开展党员志愿服务活动',
  '齐谋划片区新发展 共助力产业开新局 中原区政协组织核心片区建设专题视察',
  '创新服务模式 拓展服务渠道 中原区召开网上政务服务能力提升工作推进会',
];
const FIXED_HEADLINE = '中原区政协组织核心片区建设专题视察';

let editor: string;

beforeAll(async () => {
  editor = await login('editor');
});

it('splits a pasted page into articles, merges, splits, names, unticks and saves them as 来稿', async () => {
  const { page, pageErrors, apiFailures } = await browser.signIn('editor');
  // From the 来稿 list's toolbar; the menu has it too, under 来稿.
  await page.goto(`${baseUrl()}/#/sources`);
  await page.getByRole('menuitem', { name: '导入版面' }).waitFor();
  await page.getByTestId('source-import-button').click();
  await waitFor(async () => (page.url().endsWith('#/source-imports') ? true : undefined), 15000);
  await page.getByText('版面文字').first().waitFor();
  expect(await page.locator('input[name="newspaper"]').inputValue()).toBe('中原区报');

  await page.locator('input[name="newspaper"]').fill(NEWSPAPER);
  await page.locator('input[name="issueDate"]').fill('2020-09-10');
  await page.locator('input[name="page"]').fill('2');
  await page.locator('textarea[name="text"]').fill(pageB);
  await settledAfter(page, () => page.getByRole('button', { name: '拆分文章' }).click());

  const cards = page.getByTestId('import-article');
  const count = async (expected: number) => waitFor(async () => ((await cards.count()) === expected ? true : undefined), 15000);
  const headline = (index: number) => cards.nth(index).getByTestId('import-headline');
  await count(6);
  expect(await page.getByText('共拆分出 6 篇文章').count()).toBe(1);
  expect(await headline(0).inputValue()).toBe(HEADLINES[0]);
  const first = await cards.nth(0).innerText();
  expect(first).toContain('事件日期：2020年9月8日');
  expect(first).toContain('可信度 100%');
  expect(first).toContain('第 1 篇');
  // The first article's bylines, in order, with their roles.
  const bylines = cards.nth(0).getByTestId('import-byline');
  expect(await bylines.count()).toBe(2);
  expect(await bylines.nth(0).locator('input').first().inputValue()).toBe('张改华');
  expect(await bylines.nth(0).innerText()).toContain('记者');
  expect(await bylines.nth(1).innerText()).toContain('通讯员');
  // The selected article's lines are highlighted on the page beside it.
  const highlighted = page.locator('[data-testid="import-page-lines"] [data-highlighted="true"]');
  expect(await highlighted.first().innerText()).toContain(HEADLINES[0].slice(0, 12));
  await screenshot(page, '01-preview');

  // Merge the 5th into the 4th: the 4th keeps its headline and takes the 5th's text and bylines.
  await cards.nth(3).getByTestId('import-excerpt').click();
  expect(await highlighted.first().innerText()).toContain('“全城清洁”助力创文');
  await cards.nth(3).getByRole('button', { name: '与下一篇合并' }).click();
  await count(5);
  expect(await headline(3).inputValue()).toBe(HEADLINES[3]);
  await cards.nth(3).getByRole('button', { name: /展开全文/ }).click();
  const mergedText = await cards.nth(3).getByTestId('import-text').inputValue();
  expect(mergedText).toContain('为助力郑州创文');
  expect(mergedText).toContain('\n\n9月4日,中原区政协对二砂文化创意园核心片区');
  expect(await cards.nth(3).getByTestId('import-byline').count()).toBe(3); // 张改华 记者, 吴赛, 张黎: 张改华 once
  expect(await headline(4).inputValue()).toBe(HEADLINES[5]);

  // Split it again where the 政协 article starts; the new article has no headline yet.
  await cards.nth(3).getByRole('button', { name: '从此行拆分' }).click();
  await page.getByTestId('import-split-paragraph').filter({ hasText: '9月4日,中原区政协' }).click();
  await count(6);
  expect(await headline(3).inputValue()).toBe(HEADLINES[3]);
  expect(await headline(4).inputValue()).toBe('');
  expect(await page.getByTestId('import-problems').innerText()).toContain('第 5 篇缺少标题');
  expect(await page.getByTestId('import-save').isDisabled()).toBe(true);
  // The split-off article is selected and its own lines are highlighted.
  expect(await highlighted.first().innerText()).toContain('本报讯 9月4日');
  await headline(4).fill(FIXED_HEADLINE);
  // It came with the merged bylines: keep 张改华 and 张黎, remove 吴赛.
  const splitBylines = cards.nth(4).getByTestId('import-byline');
  const names = await Promise.all((await splitBylines.all()).map(row => row.locator('input').first().inputValue()));
  await splitBylines.nth(names.indexOf('吴赛')).getByRole('button', { name: '删除此署名' }).click();
  expect(await splitBylines.count()).toBe(2);

  // Leave the last article out.
  await cards.nth(5).getByRole('checkbox').uncheck();
  await page.getByRole('button', { name: '保存选中的 5 篇' }).waitFor();
  await screenshot(page, '02-edited');

  await settledAfter(page, () => page.getByTestId('import-save').click());
  const result = page.getByTestId('import-saved');
  await result.waitFor();
  expect(await result.innerText()).toContain('5 篇已保存');
  await screenshot(page, '03-saved');

  // What the API now holds for this newspaper.
  const filter = encodeURIComponent(JSON.stringify({ q: NEWSPAPER }));
  const listed = await api('GET', `/api/sources?filter=${filter}&range=[0,49]`, { token: editor });
  expect(listed.status).toBe(200);
  const saved = (listed.body as any[]).filter(source => source.newspaper === NEWSPAPER);
  expect(saved.map(source => source.headline).sort()).toEqual([...HEADLINES.slice(0, 4), FIXED_HEADLINE].sort());
  const cleaning = saved.find(source => source.headline === HEADLINES[3]);
  expect(cleaning).toMatchObject({ issueDate: '2020-09-10', page: '2' });
  const cleaningText = (await api('GET', `/api/sources/${cleaning.id}`, { token: editor })).body;
  expect(cleaningText.text).toContain('树立起纪检监察机关的良好形象。');
  expect(cleaningText.text).not.toContain('中原区政协');
  const split = (await api('GET', `/api/sources/${saved.find(source => source.headline === FIXED_HEADLINE).id}`, { token: editor })).body;
  expect(split.text.startsWith('9月4日,中原区政协')).toBe(true);
  expect(split.contributors.map((credit: any) => credit.name)).toEqual(['张改华', '张黎']);

  // Saving the same articles again skips each, named with its reason.
  await settledAfter(page, () => page.getByTestId('import-save').click());
  await waitFor(async () => ((await result.innerText()).includes('0 篇已保存') ? true : undefined), 15000);
  expect(await page.getByTestId('import-skipped').count()).toBe(5);
  expect(await page.getByTestId('import-skipped').first().innerText()).toContain('同一标题');
  await screenshot(page, '04-skipped');

  // On to the 来稿 list, searched for the newspaper.
  await page.getByTestId('import-sources-link').click();
  await waitFor(async () => ((await page.locator('tbody tr').count()) === 5 ? true : undefined), 15000);

  expect(existsSync(path.join(SCREENSHOT_DIR, 'source-import-02-edited.png'))).toBe(true);
  expect(statSync(path.join(SCREENSHOT_DIR, 'source-import-02-edited.png')).size).toBeGreaterThan(10_000);
  expect(pageErrors).toEqual([]);
  expect(apiFailures).toEqual([]);
});

it('shows why nothing was found, and the API’s Chinese message when it refuses the page', async () => {
  const { page, pageErrors, apiFailures } = await browser.signIn('editor');
  await page.goto(`${baseUrl()}/#/source-imports`);
  const text = page.locator('textarea[name="text"]');
  await text.fill('今天天气很好。我们去公园散步，看见很多人在锻炼身体。');
  await settledAfter(page, () => page.getByRole('button', { name: '拆分文章' }).click());
  expect(await page.getByTestId('import-reason').innerText()).toContain('本报讯');
  expect(await page.getByTestId('import-article').count()).toBe(0);

  await text.fill('本报讯 乱码\ufffd\ufffd');
  await settledAfter(page, () => page.getByRole('button', { name: '拆分文章' }).click());
  expect(await page.getByTestId('import-error').innerText()).toContain('控制字符');
  await screenshot(page, '05-refused');
  expect(apiFailures).toEqual(['400 POST /api/source-imports/preview']);
  expect(pageErrors).toEqual([]);
});

it('imports a batch of page files in the queue with a progress bar, naming the file that failed', async () => {
  const { page, pageErrors } = await browser.signIn('editor');
  const newspaper = `浏览器批量导入报${Math.random().toString(36).slice(2, 8)}`;
  await page.goto(`${baseUrl()}/#/source-imports`);
  await page.locator('input[name="newspaper"]').fill(newspaper);
  await page.getByTestId('batch-files').setInputFiles([
    { name: '2020-09-10-第2版.txt', mimeType: 'text/plain', buffer: Buffer.from(pageB) },
    { name: '坏文件.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.7\n1 0 obj\n<< /Type /Catalog') },
  ]);
  expect(await page.getByText('已选 2 个文件').count()).toBe(1);
  await page.getByTestId('batch-start').click();
  const progress = page.getByTestId('batch-progress');
  await waitFor(async () => ((await progress.innerText()).includes('已处理 2/2 个文件') ? true : undefined), 60000);
  const text = await progress.innerText();
  expect(text).toContain('保存 6 篇');
  expect(text).toContain('失败 1 个文件');
  expect(text).toMatch(/坏文件\.pdf\s*失败：.*PDF/);
  await takeScreenshot(page, '06-batch');
  const saved = await api('GET', `/api/sources?filter=${encodeURIComponent(JSON.stringify({ q: newspaper }))}&range=[0,49]`, { token: editor });
  expect(saved.body.map((source: any) => source.headline).sort()).toEqual([...HEADLINES].sort());
  expect(saved.body.every((source: any) => source.issueDate === '2020-09-10')).toBe(true);
  expect(pageErrors).toEqual([]);
});

it('drafts entries from two imported sources at once (据此起草条目), dated first and credited in byline order', async () => {
  // An editable issue of this test's own, high in the list the dialog offers.
  let issue: any;
  for (let attempt = 0; attempt < 20 && !issue; attempt += 1) {
    const year = 2100 + Math.floor(Math.random() * 100);
    const created = await api('POST', '/api/issues', { token: editor, body: { year, month: 9, serialNumber: 90000 + Math.floor(Math.random() * 9000), publicationDate: `${year}-09-15` } });
    if (created.status === 201) issue = created.body;
  }
  const label = `总第${issue.serialNumber}期 · ${issue.year}年9月`;
  const { page, pageErrors } = await browser.signIn('editor');
  await page.goto(`${baseUrl()}/#/sources?filter=${encodeURIComponent(JSON.stringify({ q: NEWSPAPER }))}`);
  const rows = page.locator('tbody tr');
  await waitFor(async () => ((await rows.count()) >= 2 ? true : undefined), 15000);
  await rows.nth(0).locator('input[type="checkbox"]').check();
  await rows.nth(1).locator('input[type="checkbox"]').check();
  await page.getByTestId('bulk-draft-entries').click();
  const dialog = page.getByTestId('draft-entry-dialog');
  await dialog.getByRole('combobox').nth(0).click();
  await page.getByRole('option', { name: label }).click();
  await dialog.getByRole('combobox').nth(1).click();
  await page.getByRole('option', { name: '时政要点' }).click();
  await settledAfter(page, () => page.getByTestId('draft-entry-confirm').click());
  const entries = await waitFor(async () => {
    const list = await api('GET', `/api/entries?filter=${encodeURIComponent(JSON.stringify({ issueId: issue.id }))}&range=[0,9]`, { token: editor });
    return list.body.length === 2 ? list.body : undefined;
  }, 15000);
  for (const entry of entries) {
    expect(entry.sourceId).toBeTruthy();
    expect(entry.bodyText).toMatch(/^\d{1,2}月(\d{1,2}日)?/);
    const source = await api('GET', `/api/sources/${entry.sourceId}`, { token: editor });
    expect(source.body.newspaper).toBe(NEWSPAPER);
    const full = await api('GET', `/api/entries/${entry.id}`, { token: editor });
    expect(full.body.contributors.map((credit: any) => credit.name)).toEqual(source.body.contributors.map((credit: any) => credit.name));
  }
  await takeScreenshot(page, '07-drafted');
  expect(pageErrors).toEqual([]);
});
