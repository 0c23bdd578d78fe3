/**
 * The annual volume (年度大事记) in the admin, in a real browser against the running stack.
 *
 * Journey: three issues of the test year are published through the API (one carries three
 * events dated out of order and one known only by its month, one two events, one a single
 * event). An editor compiles the year's volume on the create page and lands on it, told how many
 * events came in; the 条目 tab lists them under their months in date order (9月5日 before
 * 9月12日, the month-only one last as 本月), each linked to its monthly entry. She edits one
 * event's title in the dialog (marked 已修改), drops one (restorable), merges two and adds one
 * no issue carried. A correction (勘误) of a monthly issue is signed off through the API;
 * 重新编纂 reports it, 月报更正 shows the volume's text beside the corrected one, and she takes
 * it. On 索引 she proposes the index terms, accepts a person, adds another name of him by hand
 * and merges it into him. She sends the volume to review; a reviewer signs it off and publishes
 * it, after which neither finds anything to edit. Last, the final PDF and the Word file of the
 * published volume (they need the worker's volume typesetting and the Word export).
 *
 * Test data is its own: the year 2199 (2200 when a run left a 2199 volume that cannot be
 * deleted), issues from createTestIssue within that year, titles with a random suffix and a
 * made-up word; the shared demo users are only signed in as, never changed.
 */
import { randomInt } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { docxPart, docxParagraphs } from '../libs/typeset/testing/docx-parts';
import { openRoute, SCREENSHOT_DIR, screenshotter, settledAfter, transitionsEnded, useBrowser } from './browser';
import { api, compact, correctTestIssue, createTestIssue, login, pdfPages, transition } from './support';

jest.setTimeout(180_000);

const SUFFIX = String(randomInt(100_000, 999_999));
/** A made-up word no other test writes. */
const WORD = '瞢甍薨鄸';
const title = (text: string) => `${WORD}${SUFFIX}：${text}`;

const A = {
  late: title('区政府召开第二次常务会议'),
  early: title('区委书记徐立毅到须水街道调研'),
  middle: title('区人大常委会视察河道治理'),
  month: title('全区开展安全生产大检查'),
};
const B = {
  first: title('区政协召开专题协商会'),
  second: title('区政协委员视察老旧小区改造'),
};
const C = { only: title('棉纺路街道举办邻里节'), corrected: title('棉纺路街道举办第三届邻里节') };
const EDITED = title('区政府召开常务会议研究防汛工作');
const ADDED = title('区图书馆新馆开馆');

interface TestIssue {
  id: string;
  year: number;
  month: number;
  serialNumber: number;
  version: number;
}

interface EventSpec {
  title: string;
  day?: number;
  body: string;
}

const browser = useBrowser({ ready: '[data-testid="dashboard"]' });
const screenshot = screenshotter('annual');

/** A dialog is drawn over the window: the picture is of the window, not of the whole page behind it. */
async function dialogScreenshot(page: Page, name: string): Promise<void> {
  fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
  await transitionsEnded(page);
  await page.screenshot({ path: path.join(SCREENSHOT_DIR, `annual-${name}.png`) });
}

const ym = (issue: TestIssue) => `${issue.year}-${String(issue.month).padStart(2, '0')}`;

/** An issue of `year` with these events (dated on their day of its month, or to the month alone), reviewed and published. */
async function publishIssue(tokens: { editor: string; reviewer: string }, year: number, events: EventSpec[]) {
  const issue = await createTestIssue<TestIssue>(tokens.editor, year, 1);
  const section = (await api('GET', '/api/sections', { token: tokens.editor })).body[0].id as string;
  const ids: string[] = [];
  for (const event of events) {
    const created = await api('POST', '/api/entries', {
      token: tokens.editor,
      body: {
        title: event.title,
        sectionId: section,
        issueId: issue.id,
        eventDate: `${ym(issue)}-${String(event.day ?? 1).padStart(2, '0')}`,
        eventDatePrecision: event.day ? 'day' : 'month',
        bodyHtml: `<p>${event.day ? `${issue.month}月${event.day}日，` : `${issue.month}月，`}${event.body}</p>`,
      },
    });
    if (created.status !== 201) throw new Error(`creating an entry failed: ${created.status} ${JSON.stringify(created.body)}`);
    ids.push(created.body.id);
    await transition(tokens.editor, 'entries', created.body.id, 'submit');
    await transition(tokens.reviewer, 'entries', created.body.id, 'approve');
  }
  await transition(tokens.editor, 'issues', issue.id, 'submit-review');
  await transition(tokens.reviewer, 'issues', issue.id, 'sign-off');
  await transition(tokens.reviewer, 'issues', issue.id, 'publish');
  return { issue, ids };
}

/**
 * A year whose volume this run may compile in the browser: 2199, or 2200 when an earlier run left
 * a 2199 volume behind that can no longer be deleted (sent to review, or with renditions).
 */
async function freeYear(token: string): Promise<number> {
  for (const year of [2199, 2200]) {
    const existing = await api<Array<{ id: string }>>('GET', `/api/annual-volumes?filter=${encodeURIComponent(JSON.stringify({ year }))}`, { token });
    if (existing.body.length === 0) return year;
    if ((await api('DELETE', `/api/annual-volumes/${existing.body[0].id}`, { token })).status === 200) return year;
  }
  throw new Error('the volumes of 2199 and 2200 were left by earlier runs and cannot be deleted: use a fresh database');
}

/** The success or error notification that says `text`. */
async function notification(page: Page, text: string | RegExp): Promise<string> {
  const alert = page.getByRole('alert').filter({ hasText: text });
  await alert.first().waitFor();
  return (await alert.first().innerText()).trim();
}

const month = (page: Page, number: number): Locator => page.locator(`[data-testid="volume-month"][data-month="${number}"]`);
const eventRow = (page: Page, text: string): Locator => page.locator('[data-testid="volume-entry"]').filter({ has: page.locator('[data-testid="volume-entry-title"]', { hasText: text }) });

async function statusIs(page: Page, label: string): Promise<void> {
  await page.locator('#main-content .MuiChip-root', { hasText: new RegExp(`^${label}$`) }).first().waitFor();
}

describe('an annual volume compiled, edited, indexed, reviewed and published in the admin', () => {
  let year: number;
  let tokens: { editor: string; reviewer: string };
  let issueA: TestIssue;
  let issueB: TestIssue;
  let issueC: TestIssue;
  let entryC: string;
  let volumeId: string;

  beforeAll(async () => {
    tokens = { editor: await login('editor'), reviewer: await login('reviewer') };
    year = await freeYear(tokens.editor);
    // Created out of date order: the volume puts them in order, the month-only event last.
    ({ issue: issueA } = await publishIssue(tokens, year, [
      { title: A.late, day: 20, body: '区政府召开第二次常务会议，研究部署防汛工作。' },
      { title: A.early, day: 5, body: '区委书记徐立毅到须水街道调研，听取街道工作汇报。' },
      { title: A.middle, day: 12, body: '区人大常委会组织部分委员视察河道治理工作。区委书记徐立毅参加。' },
      { title: A.month, body: '全区开展安全生产大检查，排查隐患。' },
    ]));
    ({ issue: issueB } = await publishIssue(tokens, year, [
      { title: B.first, day: 8, body: '区政协召开专题协商会，围绕老旧小区改造协商议政。' },
      { title: B.second, day: 9, body: '区政协委员视察老旧小区改造，提出意见建议。' },
    ]));
    let ids: string[];
    ({ issue: issueC, ids } = await publishIssue(tokens, year, [{ title: C.only, day: 16, body: '棉纺路街道举办邻里节，居民参加。' }]));
    entryC = ids[0];
  });

  const [editor, reviewer] = browser.sessions(['editor', 'reviewer']);

  it('compiles the year on the create page and says how many events came in', async () => {
    const { page } = editor;
    await openRoute(page, '/annual-volumes');
    await page.locator('#react-admin-title').getByText('年度大事记').waitFor();
    await page.getByRole('link', { name: '新建' }).first().click();
    await page.waitForURL(/#\/annual-volumes\/create/);
    const yearInput = page.locator('input[name="year"]');
    await yearInput.fill(String(year));
    await screenshot(page, '01-create');
    await page.getByRole('button', { name: '保存' }).click();
    await page.waitForURL(/#\/annual-volumes\/[0-9a-f-]+\/show$/);
    volumeId = /#\/annual-volumes\/([0-9a-f-]+)\/show$/.exec(page.url())?.[1] ?? '';
    const report = page.locator('[data-testid="compilation-report"]');
    await report.waitFor();
    const volume = (await api('GET', `/api/annual-volumes/${volumeId}`, { token: tokens.editor })).body;
    // Every event of the year's published issues: this run's seven (and any an earlier run published in the year).
    expect(volume.entryCount).toBeGreaterThanOrEqual(7);
    await expect(report.innerText()).resolves.toBe(`已编纂：新增 ${volume.entryCount} 条`);
    await statusIs(page, '编辑中');
    await expect(page.locator('[data-testid="volume-overview"]').innerText()).resolves.toContain(`中原区${year}年大事记`);
    await screenshot(page, '02-compiled');

    // Its cover data on the edit page: the publication date, shown the house way.
    await page.getByRole('link', { name: '编辑' }).click();
    await page.waitForURL(/#\/annual-volumes\/[0-9a-f-]+$/);
    await page.locator('input[name="publicationDate"]').fill(`${year + 1}-01-20`);
    await page.getByRole('button', { name: '保存' }).click();
    await page.waitForURL(/\/show$/);
    await page.locator('[data-testid="volume-overview"]').getByText(`${year + 1}年1月20日`).waitFor();

    // The list shows it with its state and counts.
    await openRoute(page, '/annual-volumes');
    const row = page.locator('tbody tr').filter({ hasText: String(year) });
    await row.waitFor();
    await expect(row.innerText()).resolves.toMatch(new RegExp(`${year}\\s+中原区${year}年大事记\\s+编辑中\\s+${volume.entryCount}\\s+0`));
    await screenshot(page, '03-list');
    expect(editor.pageErrors).toEqual([]);
  });

  it('lists the events under their months in date order, the month-only one last, each linked to its monthly entry', async () => {
    const { page } = editor;
    await openRoute(page, `/annual-volumes/${volumeId}/show/entries`);
    const ofA = month(page, issueA.month);
    await ofA.locator('[data-testid="volume-entry"]').first().waitFor();
    const mine = async (section: Locator) =>
      (await section.locator('[data-testid="volume-entry"]').evaluateAll(rows =>
        rows.map(row => `${row.querySelector('[data-testid="volume-entry-day"]')?.textContent}|${row.querySelector('[data-testid="volume-entry-title"]')?.textContent}`),
      )).filter(line => line.includes(SUFFIX));
    await expect(mine(ofA)).resolves.toEqual([
      `${issueA.month}月5日|${A.early}`,
      `${issueA.month}月12日|${A.middle}`,
      `${issueA.month}月20日|${A.late}`,
      `本月|${A.month}`,
    ]);
    await expect(mine(month(page, issueB.month))).resolves.toEqual([`${issueB.month}月8日|${B.first}`, `${issueB.month}月9日|${B.second}`]);
    await expect(month(page, issueA.month).locator('[data-testid="volume-month-heading"]').innerText()).resolves.toBe(`${issueA.month}月`);
    // Twelve months, 1月 to 12月.
    await expect(page.locator('[data-testid="volume-month-heading"]').allInnerTexts()).resolves.toEqual(Array.from({ length: 12 }, (_, index) => `${index + 1}月`));

    const source = eventRow(page, A.early).locator('[data-testid="volume-entry-source"]');
    await expect(source.innerText()).resolves.toBe(`来自总第${issueA.serialNumber}期`);
    await screenshot(page, '04-entries');
    await source.click();
    await page.waitForURL(/#\/entries\/[0-9a-f-]+\/show$/);
    await page.locator('#main-content').getByText(A.early).first().waitFor();
  });

  it('edits an event in the dialog, drops one and merges two', async () => {
    const { page } = editor;
    await openRoute(page, `/annual-volumes/${volumeId}/show/entries`);
    // Edit: the title, in the entry's own editor.
    await eventRow(page, A.late).locator('[data-testid="volume-entry-edit"]').click();
    const dialog = page.locator('[data-testid="volume-entry-dialog"]');
    await dialog.locator('.ProseMirror').waitFor();
    await dialog.locator('input[name="title"]').fill(EDITED);
    await dialogScreenshot(page, '05-edit-dialog');
    await settledAfter(page, () => dialog.locator('[data-testid="volume-entry-save"]').click());
    await notification(page, `已保存《${EDITED}》`);
    await dialog.waitFor({ state: 'detached' });
    await eventRow(page, EDITED).locator('[data-testid="badge-edited"]').waitFor();
    await expect(eventRow(page, EDITED).locator('[data-testid="volume-entry-day"]').innerText()).resolves.toBe(`${issueA.month}月20日`);

    // Drop: an event from an issue leaves the list, restorable.
    await settledAfter(page, () => eventRow(page, A.middle).locator('[data-testid="volume-entry-drop"]').click());
    await notification(page, `已删除《${A.middle}》`);
    await eventRow(page, A.middle).waitFor({ state: 'detached' });

    // Merge: the two events of issue B become one, under the first's date.
    await eventRow(page, B.first).getByRole('checkbox').check();
    await eventRow(page, B.second).getByRole('checkbox').check();
    await page.locator('[data-testid="volume-entries-merge"]').click();
    const merge = page.locator('[data-testid="volume-merge-dialog"]');
    await merge.waitFor();
    await expect(merge.locator('[data-testid="volume-merge-title"]').inputValue()).resolves.toBe(B.first);
    await dialogScreenshot(page, '06-merge-dialog');
    await settledAfter(page, () => merge.locator('[data-testid="volume-merge-confirm"]').click());
    await notification(page, `已合并为《${B.first}》`);
    await eventRow(page, B.second).waitFor({ state: 'detached' });

    // Add: an event no issue carried, written in the same editor, placed by its date.
    await page.locator('[data-testid="volume-entry-add"]').click();
    const adding = page.locator('[data-testid="volume-entry-dialog"]');
    await adding.locator('.ProseMirror').waitFor();
    await adding.locator('input[name="title"]').fill(ADDED);
    await adding.locator('input[name="eventDate"]').fill(`${ym(issueC)}-25`);
    await adding.locator('.ProseMirror').click();
    await page.keyboard.type(`${issueC.month}月25日，区图书馆新馆开馆，藏书三十万册。`);
    await settledAfter(page, () => adding.locator('[data-testid="volume-entry-save"]').click());
    await notification(page, `已新增《${ADDED}》`);
    const ofC = month(page, issueC.month).locator('[data-testid="volume-entry-title"]');
    await month(page, issueC.month).getByText(ADDED).waitFor();
    const titlesOfC = (await ofC.allInnerTexts()).filter(text => text.includes(SUFFIX));
    expect(titlesOfC).toEqual([C.only, ADDED]);
    await expect(eventRow(page, ADDED).innerText()).resolves.toContain('编者增补');

    // The dropped and merged events are there on request, each saying why.
    await page.getByLabel(/显示已删除和已合并的条目/).check();
    await eventRow(page, A.middle).locator('[data-testid="badge-dropped"]').waitFor();
    await expect(eventRow(page, B.second).locator('[data-testid="badge-merged"]').innerText()).resolves.toBe(`已并入《${B.first}》`);
    await screenshot(page, '07-entries-edited');
    // A dropped event comes back with 恢复 (and is dropped again for what follows).
    await settledAfter(page, () => eventRow(page, A.middle).locator('[data-testid="volume-entry-restore"]').click());
    await notification(page, `已恢复《${A.middle}》`);
    await eventRow(page, A.middle).locator('[data-testid="volume-entry-drop"]').waitFor();
    await expect(eventRow(page, A.middle).locator('[data-testid="badge-dropped"]').count()).resolves.toBe(0);
    await settledAfter(page, () => eventRow(page, A.middle).locator('[data-testid="volume-entry-drop"]').click());
    await eventRow(page, A.middle).locator('[data-testid="badge-dropped"]').waitFor();

    const events = (await api('GET', `/api/annual-volume-entries?filter=${encodeURIComponent(JSON.stringify({ volumeId }))}&range=[0,999]`, { token: tokens.editor })).body as Array<Record<string, any>>;
    const byTitle = (text: string) => events.find(event => event.title === text);
    expect(byTitle(EDITED)).toMatchObject({ edited: true, excluded: false });
    expect(byTitle(A.middle)).toMatchObject({ excluded: true, mergedIntoId: null });
    expect(byTitle(B.second)).toMatchObject({ excluded: true, mergedIntoId: byTitle(B.first)?.id });
    expect(byTitle(B.first)?.bodyText).toContain('提出意见建议');
    expect(editor.apiFailures).toEqual([]);
  });

  it('recompiles after a correction of a monthly issue, shows it beside the volume’s text, and takes it', async () => {
    const version = (await api('GET', `/api/issues/${issueC.id}`, { token: tokens.editor })).body.version;
    const corrected = await correctTestIssue(tokens, issueC.id, {
      version,
      reason: '标题漏写届次',
      entries: [{ entryId: entryC, title: C.corrected, bodyText: `${issueC.month}月16日，棉纺路街道举办第三届邻里节，居民三百余人参加。` }],
    });
    expect(corrected.status).toBe(200);

    const { page } = editor;
    await openRoute(page, `/annual-volumes/${volumeId}/show`);
    await settledAfter(page, () => page.locator('[data-testid="volume-recompile"]').click());
    await expect(page.locator('[data-testid="compilation-report"]').innerText()).resolves.toBe('已重新编纂：新增 0 条，变动 1 条，移除 0 条');
    await expect(page.locator('[data-testid="corrections-tab-label"]').innerText()).resolves.toBe('月报更正（1）');
    await page.locator('[data-testid="volume-notice"]').getByText('有 1 条月报更正待处理').waitFor();

    await page.locator('[data-testid="corrections-tab-label"]').click();
    const card = page.locator('[data-testid="volume-correction"]').filter({ hasText: C.only });
    await card.waitFor();
    await expect(card.locator('[data-testid="correction-current-title"]').innerText()).resolves.toBe(C.only);
    await expect(card.locator('[data-testid="correction-upstream-title"]').innerText()).resolves.toBe(C.corrected);
    await expect(card.locator('[data-testid="correction-upstream-body"]').innerText()).resolves.toContain('居民三百余人参加');
    await expect(card.locator('[data-testid="correction-diff"] [data-testid="diff-inserted"]').allInnerTexts()).resolves.toContain('第三届');
    await screenshot(page, '08-corrections');
    await settledAfter(page, () => card.locator('[data-testid="correction-take"]').click());
    await notification(page, `已采用更正：《${C.only}》`);
    await page.locator('[data-testid="volume-corrections-none"]').waitFor();
    await expect(page.locator('[data-testid="corrections-tab-label"]').innerText()).resolves.toBe('月报更正');

    await openRoute(page, `/annual-volumes/${volumeId}/show/entries`);
    await eventRow(page, C.corrected).waitFor();
    await expect(eventRow(page, C.corrected).locator('[data-testid="badge-edited"]').count()).resolves.toBe(0);
  });

  it('proposes the index terms and accepts a person', async () => {
    const { page } = editor;
    await openRoute(page, `/annual-volumes/${volumeId}/show/index`);
    await settledAfter(page, () => page.locator('[data-testid="index-propose"]').click());
    await notification(page, /已提取索引词 \d+ 个/);
    const proposed = page.locator('[data-testid="index-group"][data-status="proposed"]');
    const xu = proposed.locator('[data-testid="index-term"][data-term="徐立毅"]');
    await xu.waitFor();
    await expect(xu.locator('[data-testid="index-kind"]').innerText()).resolves.toBe('人名');
    await screenshot(page, '09-index-proposed');
    await settledAfter(page, () => xu.locator('[data-testid="index-accept"]').click());
    await page.locator('[data-testid="index-group"][data-status="accepted"] [data-testid="index-term"][data-term="徐立毅"]').waitFor();
    // Another name of him, added by hand and merged into the accepted term (同一人的不同称谓).
    const addForm = page.locator('[data-testid="index-add-form"]');
    await addForm.getByLabel('新的索引词').fill('徐书记');
    await settledAfter(page, () => addForm.getByRole('button', { name: '添加索引词' }).click());
    await notification(page, '已添加索引词“徐书记”');
    const alias = page.locator('[data-testid="index-group"][data-status="accepted"] [data-testid="index-term"][data-term="徐书记"]');
    await alias.locator('[data-testid="index-merge"]').click();
    const mergeTerm = page.locator('[data-testid="index-merge-dialog"]');
    await mergeTerm.getByLabel('合并到的索引词').fill('徐立');
    await page.getByRole('option', { name: '徐立毅（人名）' }).click();
    await settledAfter(page, () => mergeTerm.locator('[data-testid="index-merge-confirm"]').click());
    const merged = page.locator('[data-testid="index-group"][data-status="merged"] [data-testid="index-term"][data-term="徐书记"]');
    await expect(merged.innerText()).resolves.toContain('并入“徐立毅”');
    await screenshot(page, '10-index-accepted');
    // Counted in the events still printed: the one dropped above names him too, and does not count.
    const naming = await api('GET', `/api/annual-volume-entries?filter=${encodeURIComponent(JSON.stringify({ volumeId, excluded: false, q: '徐立毅' }))}`, { token: tokens.editor });
    const terms = (await api('GET', `/api/annual-index-terms?filter=${encodeURIComponent(JSON.stringify({ volumeId, q: '徐立毅' }))}`, { token: tokens.editor })).body;
    expect(terms).toEqual([expect.objectContaining({ term: '徐立毅', kind: 'person', status: 'accepted', occurrences: naming.body.length })]);
    expect(naming.body.map((event: { title: string }) => event.title)).toContain(A.early);
    expect(naming.body.map((event: { title: string }) => event.title)).not.toContain(A.middle);
  });

  it('is sent to review by the editor, signed off and published by the reviewer, and then offers nothing to edit', async () => {
    await settledAfter(editor.page, () => openRoute(editor.page, `/annual-volumes/${volumeId}/show`));
    await editor.page.locator('[data-testid="volume-action-submit_review"]').click();
    await notification(editor.page, '已送审，等待审核');
    await statusIs(editor.page, '送审');
    // An editor does not sign off.
    await expect(editor.page.locator('[data-testid="volume-action-sign_off"]').count()).resolves.toBe(0);

    const { page } = reviewer;
    await openRoute(page, `/annual-volumes/${volumeId}/show`);
    await statusIs(page, '送审');
    // A reviewer reads, and edits nothing.
    await expect(page.locator('[data-testid="volume-recompile"]').count()).resolves.toBe(0);
    await screenshot(page, '11-in-review');
    await page.locator('[data-testid="volume-action-sign_off"]').click();
    await notification(page, '已签发，年度大事记内容已锁定');
    await statusIs(page, '已签发');
    await page.locator('[data-testid="volume-action-publish"]').click();
    const confirm = page.getByRole('dialog');
    await expect(confirm.innerText()).resolves.toContain(`发布${year}年年度大事记？`);
    await confirm.getByRole('button', { name: '确认发布' }).click();
    await notification(page, '已发布，年度大事记已冻结');
    await statusIs(page, '已发布');
    await page.locator('[data-testid="volume-notice"]').getByText('年度大事记已发布，内容已冻结').waitFor();
    await screenshot(page, '12-published');

    // Published, neither the editor nor the reviewer finds anything to change.
    for (const session of [editor, reviewer]) {
      await openRoute(session.page, `/annual-volumes/${volumeId}/show/entries`);
      // The editor's page still holds the volume as she sent it: read it again, as a person would.
      await session.page.reload();
      await session.page.locator('[data-testid="volume-notice"]').getByText('年度大事记已发布').waitFor();
      await eventRow(session.page, EDITED).waitFor();
      await expect(session.page.locator('[data-testid="volume-recompile"], [data-testid="volume-entry-add"], [data-testid="volume-entry-edit"], [data-testid="volume-entry-drop"], [data-testid="volume-entry"] input[type="checkbox"]').count()).resolves.toBe(0);
      await expect(session.page.getByRole('link', { name: '编辑' }).count()).resolves.toBe(0);
      await openRoute(session.page, `/annual-volumes/${volumeId}/show/index`);
      await session.page.locator('[data-testid="index-term"][data-term="徐立毅"]').waitFor();
      await expect(session.page.locator('[data-testid="index-propose"], [data-testid="index-accept"], [data-testid="index-add-form"]').count()).resolves.toBe(0);
    }
    const published = (await api('GET', `/api/annual-volumes/${volumeId}`, { token: tokens.editor })).body;
    expect(published).toMatchObject({ status: 'published', pendingCount: 0 });
    expect(reviewer.apiFailures).toEqual([]);
    expect(editor.apiFailures).toEqual([]);
  });

  it('typesets the published volume: the final PDF is made, downloaded and prints the events by month', async () => {
    const { page } = reviewer;
    await openRoute(page, `/annual-volumes/${volumeId}/show/renditions`);
    await page.getByRole('button', { name: '生成正式版' }).click();
    const progress = page.locator('[data-testid="rendition-progress"]');
    await progress.waitFor();
    await page.locator('[data-testid="rendition-progress"][data-status="done"], [data-testid="rendition-progress"][data-status="failed"]').waitFor({ timeout: 90_000 });
    if ((await progress.getAttribute('data-status')) !== 'done') throw new Error(`the final failed: ${await page.locator('[data-testid="rendition-error"]').innerText()}`);
    await screenshot(page, '13-final');
    const row = page.locator('[data-testid="rendition-row"][data-kind="final"][data-status="done"]');
    const [download] = await Promise.all([page.waitForEvent('download'), row.locator('[data-testid="rendition-download"]').click()]);
    expect(download.suggestedFilename()).toBe(`中原区${year}年大事记-正式版.pdf`);
    const text = compact(pdfPages(fs.readFileSync(await download.path())).join('\n'));
    for (const printed of [A.early, EDITED, C.corrected, B.first, ADDED]) expect(text).toContain(compact(printed));
    expect(text).not.toContain(compact(A.middle));
    expect(text).toContain('徐立毅');
  });

  it('exports the published volume to Word', async () => {
    const { page } = editor;
    await openRoute(page, `/annual-volumes/${volumeId}/show`);
    const downloaded = page.waitForEvent('download');
    await page.locator('[data-testid="export-word"]').click();
    // A refusal is said at once; say it here too rather than wait for a download that will not come.
    const refused = page.locator('.RaNotification-error');
    const outcome = await Promise.race([downloaded, refused.waitFor().then(() => refused.innerText())]);
    if (typeof outcome === 'string') throw new Error(outcome);
    const download = outcome;
    // The published volume, named after its title; its events as printed, the dropped one left out.
    expect(download.suggestedFilename()).toBe(`中原区${year}年大事记.docx`);
    const docx = fs.readFileSync(await download.path());
    expect(docx.subarray(0, 2).toString()).toBe('PK');
    const paragraphs = docxParagraphs(docxPart(docx, 'word/document.xml')).map(paragraph => paragraph.text);
    for (const printed of [A.early, EDITED, C.corrected, B.first, ADDED]) expect(paragraphs.some(text => text.includes(printed))).toBe(true);
    expect(paragraphs.some(text => text.includes(A.middle) || text.includes(B.second))).toBe(false);
    expect(editor.pageErrors).toEqual([]);
  });
});
