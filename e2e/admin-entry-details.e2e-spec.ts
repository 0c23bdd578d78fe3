/**
 * Details of an entry's life in the admin, in a real browser against the running stack
 * (scripts/test.mjs starts it and passes its URL in E2E_BASE_URL).
 *
 * Journey: an editor writes an entry crediting two contributors, each in a role (记者, and a
 * correspondent credited as 摄影), sees the byline after a reload, and takes one credit off
 * again; the entry is among the editor's drafts on the dashboard and under 我创建的 in the
 * entries list, and not among another editor's. In the issue's assembly an entry in no issue
 * (submitted, so not among the drafts) is found by searching and added. The issue's deadline
 * is cleared in the edit form. An entry of a published issue offers no 编辑, in the list or
 * on its page, while a draft does.
 *
 * Test data is its own: two editor accounts made for this run by the administrator (so that
 * "my drafts" holds only what this test wrote), contributors and titles with a random suffix,
 * and fresh issues from createTestIssue in 2080–2088.
 */
import { randomInt } from 'node:crypto';
import type { Page } from 'playwright-core';
import { openRoute, screenshotter, useBrowser } from './browser';
import { api, baseUrl, createTestIssue, login, waitFor } from './support';

jest.setTimeout(120_000);

const SUFFIX = String(randomInt(100_000, 999_999));
const PASSWORD = `details-${SUFFIX}`;
const WRITER = `writer${SUFFIX}`;
const OTHER_WRITER = `colleague${SUFFIX}`;
const REPORTER = `甲记者${SUFFIX}`;
const CORRESPONDENT = `乙通讯员${SUFFIX}`;
const TITLE = `署名测试${SUFFIX}：区文化馆举办非遗展演`;
const LOOSE_TITLE = `散稿测试${SUFFIX}：社区开展义诊活动`;
const LOCKED_TITLE = `锁定测试${SUFFIX}：区政协召开常委会议`;

interface IssueRecord {
  id: string;
  serialNumber: number;
  version: number;
  status: string;
  coverageStart: string;
  publicationDate: string;
  deadline: string | null;
}

interface EntryRecord {
  id: string;
  version: number;
  status: string;
  issueId: string | null;
  contributors?: { contributorId: string; name: string; role: string }[];
}

const browser = useBrowser({ password: PASSWORD, ready: '[data-testid="dashboard"]' });

const screenshot = screenshotter('details');

const open = (page: Page, route: string) => openRoute(page, route);

async function expectOk<T>(response: Promise<{ status: number; body: T }>): Promise<T> {
  const { status, body } = await response;
  if (status >= 300) throw new Error(`expected success, got ${status}: ${JSON.stringify(body)}`);
  return body;
}

describe('entry details: credits, my drafts, loose entries, deadlines and locked entries', () => {
  let writerToken: string;
  let reviewerToken: string;
  let sectionId: string;
  let issue: IssueRecord;
  let published: IssueRecord;
  let reporterId: string;
  let correspondentId: string;
  let entryId: string;
  let looseId: string;
  let lockedId: string;

  beforeAll(async () => {
    const adminToken = await login('admin');
    reviewerToken = await login('reviewer');
    for (const [username, displayName] of [[WRITER, `测试编辑甲${SUFFIX}`], [OTHER_WRITER, `测试编辑乙${SUFFIX}`]]) {
      await expectOk(api('POST', '/api/users', { token: adminToken, body: { username, displayName, roles: ['editor'], password: PASSWORD } }));
    }
    writerToken = await login(WRITER, PASSWORD);
    const otherToken = await login(OTHER_WRITER, PASSWORD);
    const sections = await expectOk(api<{ id: string; name: string }[]>('GET', '/api/sections', { token: writerToken }));
    sectionId = sections.find(section => section.name === '文化亮点')!.id;
    reporterId = (await expectOk(api('POST', '/api/contributors', { token: writerToken, body: { name: REPORTER, role: 'reporter' } }))).id;
    correspondentId = (await expectOk(api('POST', '/api/contributors', { token: writerToken, body: { name: CORRESPONDENT, role: 'correspondent' } }))).id;

    issue = await createTestIssue<IssueRecord>(writerToken, 2080);
    published = await createTestIssue<IssueRecord>(writerToken, 2080);
    const eventDate = `${issue.coverageStart.slice(0, 8)}12`;
    // Dated on the 12th of the period of the issue it goes into (送审 and 签发 check the period).
    const create = async (token: string, title: string, issueId: string | null, on = eventDate) =>
      expectOk(api<EntryRecord>('POST', '/api/entries', { token, body: { title, sectionId, issueId, eventDate: on, bodyText: `12日，${title.split('：')[1]}。` } }));

    // An entry in no issue, already submitted: not a draft, and written by the colleague.
    const loose = await create(otherToken, LOOSE_TITLE, null);
    looseId = loose.id;
    await expectOk(api('POST', `/api/entries/${looseId}/submit`, { token: otherToken, body: { version: loose.version } }));

    // An issue taken all the way to publication, with one entry.
    const locked = await create(writerToken, LOCKED_TITLE, published.id, `${published.coverageStart.slice(0, 8)}12`);
    lockedId = locked.id;
    const submitted = await expectOk(api<EntryRecord>('POST', `/api/entries/${lockedId}/submit`, { token: writerToken, body: { version: locked.version } }));
    await expectOk(api('POST', `/api/entries/${lockedId}/approve`, { token: reviewerToken, body: { version: submitted.version } }));
    const issueVersion = async () => (await expectOk(api<IssueRecord>('GET', `/api/issues/${published.id}`, { token: writerToken }))).version;
    await expectOk(api('POST', `/api/issues/${published.id}/submit-review`, { token: writerToken, body: { version: await issueVersion() } }));
    await expectOk(api('POST', `/api/issues/${published.id}/sign-off`, { token: reviewerToken, body: { version: await issueVersion() } }));
    await expectOk(api('POST', `/api/issues/${published.id}/publish`, { token: reviewerToken, body: { version: await issueVersion() } }));

    // The drafting issue has a deadline, to be cleared in the form.
    issue = await expectOk(api<IssueRecord>('PUT', `/api/issues/${issue.id}`, { token: writerToken, body: { version: issue.version, deadline: `${issue.publicationDate.slice(0, 8)}10` } }));
    expect(issue.deadline).toEqual(expect.any(String));
  });

  const [writer, colleague] = browser.sessions([WRITER, OTHER_WRITER]);

  it('credits two contributors in their roles on a new entry, shown after a reload', async () => {
    const { page } = writer;
    await open(page, `/issues/${issue.id}/show`);
    // Opened as a person opening the link in a new tab would: the issue travels in the address.
    const href = await page.getByRole('link', { name: '在本期新建条目' }).getAttribute('href');
    await page.goto(new URL(href!, baseUrl()).toString());
    await page.waitForURL(/#\/entries\/create/);
    await page.locator('input[name="title"]').fill(TITLE);
    await page.getByRole('combobox', { name: '栏目' }).click();
    await page.getByRole('option', { name: '文化亮点' }).click();
    await page.locator('input[name="eventDate"]').fill(`${issue.coverageStart.slice(0, 8)}20`);

    const credits = page.locator('.ra-input-contributors');
    const pick = async (index: number, name: string) => {
      await credits.getByRole('button', { name: '添加' }).click();
      const picker = credits.getByRole('combobox', { name: '作者' }).nth(index);
      await picker.fill(name);
      await page.getByRole('option', { name, exact: true }).click();
    };
    const roleOf = (index: number) => credits.getByRole('combobox', { name: '身份' }).nth(index);
    // A contributor starts in their usual role…
    await pick(0, REPORTER);
    await waitFor(async () => ((await roleOf(0).innerText()).includes('记者') ? true : undefined), 10_000);
    await pick(1, CORRESPONDENT);
    await waitFor(async () => ((await roleOf(1).innerText()).includes('通讯员') ? true : undefined), 10_000);
    // …which can be changed: this correspondent took the photographs.
    await roleOf(1).click();
    await page.getByRole('option', { name: '摄影' }).click();

    await page.locator('.ProseMirror').click();
    await page.keyboard.type('20日，区文化馆举办非物质文化遗产展演，展出剪纸、泥塑等项目。');
    await screenshot(page, '01-entry-credits');
    await page.getByRole('button', { name: '保存' }).click();
    await page.waitForURL(/#\/entries\/[0-9a-f-]+\/show$/);
    entryId = /#\/entries\/([0-9a-f-]+)\/show$/.exec(page.url())?.[1] ?? '';

    await page.reload();
    const byline = page.locator('[data-testid="entry-byline"]');
    await byline.getByText(REPORTER).waitFor();
    await expect(byline.innerText()).resolves.toBe(`记者 ${REPORTER}　摄影 ${CORRESPONDENT}`);
    await screenshot(page, '02-entry-byline');

    const saved = await expectOk(api<EntryRecord>('GET', `/api/entries/${entryId}`, { token: writerToken }));
    expect(saved.issueId).toBe(issue.id);
    expect(saved.contributors?.map(({ contributorId, role }) => ({ contributorId, role }))).toEqual(
      expect.arrayContaining([
        { contributorId: reporterId, role: 'reporter' },
        { contributorId: correspondentId, role: 'photographer' },
      ]),
    );
    expect(saved.contributors).toHaveLength(2);
  });

  it('takes a credit off again: the save sends the new set and makes a new version', async () => {
    const { page } = writer;
    const before = await expectOk(api<EntryRecord>('GET', `/api/entries/${entryId}`, { token: writerToken }));
    await page.getByRole('link', { name: '编辑' }).click();
    const credits = page.locator('.ra-input-contributors');
    await credits.getByRole('combobox', { name: '作者' }).nth(1).waitFor();
    // The remove button of a line shows when the pointer is over the line.
    const second = credits.locator('.RaSimpleFormIterator-line').nth(1);
    await second.hover();
    await second.getByRole('button', { name: '移除' }).click();
    await expect(credits.getByRole('combobox', { name: '作者' }).count()).resolves.toBe(1);
    await page.getByRole('button', { name: '保存' }).click();
    await page.waitForURL(/\/show$/);
    await page.reload();
    const byline = page.locator('[data-testid="entry-byline"]');
    await byline.getByText(REPORTER).waitFor();
    await expect(byline.innerText()).resolves.toBe(`记者 ${REPORTER}`);

    const after = await expectOk(api<EntryRecord>('GET', `/api/entries/${entryId}`, { token: writerToken }));
    expect(after.contributors?.map(({ contributorId, role }) => ({ contributorId, role }))).toEqual([{ contributorId: reporterId, role: 'reporter' }]);
    expect(after.version).toBe(before.version + 1);
  });

  it("credits the source article's byline on an entry condensed from it", async () => {
    const { page } = writer;
    const headline = `来稿署名测试${SUFFIX}：区图书馆开展阅读推广`;
    await expectOk(api('POST', '/api/sources', {
      token: writerToken,
      body: { newspaper: '中原区报', issueDate: '2020-09-21', page: '2', headline, text: '21日，区图书馆开展阅读推广活动。', contributors: [{ contributorId: reporterId, role: 'reporter' }, { contributorId: correspondentId, role: 'photographer' }] },
    }));
    await open(page, '/entries/create');
    await page.locator('input[name="title"]').fill(`来稿署名条目${SUFFIX}`);
    const source = page.getByRole('combobox', { name: '来稿' });
    await source.fill(`来稿署名测试${SUFFIX}`);
    await page.getByRole('option', { name: headline }).click();
    const credits = page.locator('.ra-input-contributors');
    await waitFor(async () => ((await credits.getByRole('combobox', { name: '作者' }).count()) === 2 ? true : undefined), 10_000);
    // The pickers show the names once they have loaded them.
    await waitFor(async () => ((await credits.getByRole('combobox', { name: '作者' }).nth(0).inputValue()) === REPORTER ? true : undefined), 10_000);
    await expect(credits.getByRole('combobox', { name: '作者' }).nth(1).inputValue()).resolves.toBe(CORRESPONDENT);
    await expect(credits.getByRole('combobox', { name: '身份' }).nth(1).innerText()).resolves.toContain('摄影');
    await screenshot(page, '02b-source-byline');
  });

  it("lists the entry among its writer's drafts, and not among a colleague's", async () => {
    const { page } = writer;
    await open(page, '/');
    const drafts = page.locator('[data-testid="task-list-draft"]');
    await drafts.locator('[data-testid="task-entry"]').filter({ hasText: TITLE }).waitFor();
    await expect(drafts.locator('h3').innerText()).resolves.toBe('我的草稿');
    await screenshot(page, '03-my-drafts');

    const other = colleague.page;
    await open(other, '/');
    const otherDrafts = other.locator('[data-testid="task-list-draft"]');
    await otherDrafts.getByText('您没有草稿。').waitFor();
    await expect(otherDrafts.innerText()).resolves.not.toContain(TITLE);
    await screenshot(other, '04-colleague-drafts');

    // In the entries list everyone's entries show, until 我创建的 is switched on.
    await open(other, '/entries');
    await other.locator('input[name="q"]').fill(`署名测试${SUFFIX}`);
    const rows = other.locator('tbody tr');
    await rows.filter({ hasText: TITLE }).waitFor();
    await other.getByLabel('我创建的').check();
    await other.waitForURL(url => decodeURIComponent(url.toString()).includes('"createdById":"me"'));
    await other.getByText('在当前筛选条件下没有找到条目').waitFor();
    await expect(rows.filter({ hasText: TITLE }).count()).resolves.toBe(0);
    await screenshot(other, '05-colleague-mine');

    // The writer's list: the three entries of this test, until 我创建的 leaves out the colleague's.
    await open(page, '/entries');
    await page.locator('input[name="q"]').fill(`测试${SUFFIX}`);
    const mine = page.locator('tbody tr');
    for (const title of [TITLE, LOOSE_TITLE, LOCKED_TITLE]) await mine.filter({ hasText: title }).waitFor();
    await page.getByLabel('我创建的').check();
    await page.waitForURL(url => decodeURIComponent(url.toString()).includes('"createdById":"me"'));
    await mine.filter({ hasText: LOOSE_TITLE }).waitFor({ state: 'detached' });
    await expect(mine.filter({ hasText: TITLE }).count()).resolves.toBe(1);
    await expect(mine.filter({ hasText: LOCKED_TITLE }).count()).resolves.toBe(1);
    await screenshot(page, '05b-writer-mine');
  });

  it('finds an entry in no issue by searching in the assembly, and adds it', async () => {
    const { page } = writer;
    await open(page, `/issues/${issue.id}/show/assembly`);
    const unplaced = page.locator('[data-testid="unplaced-entries"]');
    await unplaced.waitFor();
    await page.getByRole('textbox', { name: '搜索标题或正文' }).fill(`散稿测试${SUFFIX}`);
    const row = unplaced.locator('[data-testid="unplaced-entry"]').filter({ hasText: LOOSE_TITLE });
    await row.waitFor();
    await expect(row.innerText()).resolves.toContain('待审');
    await screenshot(page, '06-assembly-search');
    await page.getByRole('button', { name: `将《${LOOSE_TITLE}》加入本期` }).click();
    const culture = page.locator('[data-testid="assembly-section"][data-section-name="文化亮点"]');
    await culture.locator('[data-testid="assembly-entry"]').filter({ hasText: LOOSE_TITLE }).waitFor();
    await page.getByRole('button', { name: '保存编排' }).click();
    await page.getByRole('alert').filter({ hasText: '编排已保存' }).first().waitFor();
    const moved = await expectOk(api<EntryRecord>('GET', `/api/entries/${looseId}`, { token: writerToken }));
    expect(moved.issueId).toBe(issue.id);
  });

  it("clears the issue's deadline in the edit form", async () => {
    const { page } = writer;
    await open(page, `/issues/${issue.id}/edit`);
    const deadline = page.locator('input[name="deadline"]');
    // Shown year first, the house way (2082年9月10日).
    const shown = issue.deadline!.replace(/^(\d{4})-(\d{2})-(\d{2})$/, (_all: string, y: string, m: string, d: string) => `${y}年${Number(m)}月${Number(d)}日`);
    await expect(deadline.inputValue()).resolves.toBe(shown);
    await page.getByRole('button', { name: '清除截稿日期' }).click();
    await expect(deadline.inputValue()).resolves.toBe('');
    await screenshot(page, '07-deadline-cleared');
    await page.getByRole('button', { name: '保存' }).click();
    await page.waitForURL(/#\/issues\/[0-9a-f-]+\/show$/);
    const saved = await expectOk(api<IssueRecord>('GET', `/api/issues/${issue.id}`, { token: writerToken }));
    expect(saved.deadline).toBeNull();
    await expect(page.locator('#main-content').innerText()).resolves.not.toContain('截稿日期');
  });

  it('offers no 编辑 on an entry of a published issue, in the list or on its page', async () => {
    const { page } = writer;
    const filtered = (issueId: string) => `/entries?filter=${encodeURIComponent(JSON.stringify({ issueId }))}`;
    await open(page, filtered(issue.id));
    const draftRow = page.locator('tbody tr').filter({ hasText: TITLE });
    // The draft may be changed: 编辑 is there.
    await draftRow.getByRole('link', { name: '编辑' }).waitFor();

    await open(page, filtered(published.id));
    const lockedRow = page.locator('tbody tr').filter({ hasText: LOCKED_TITLE });
    await lockedRow.waitFor();
    // The issue's state is known once the row shows its number.
    await lockedRow.getByText(`总第${published.serialNumber}期`).waitFor();
    await expect(lockedRow.getByRole('link', { name: '编辑' }).count()).resolves.toBe(0);
    await screenshot(page, '08-published-entry-list');

    await lockedRow.locator('td').first().click();
    await page.waitForURL(new RegExp(`#/entries/${lockedId}/show$`));
    await page.locator('[data-testid="entry-body"]').waitFor();
    await page.locator('#main-content .MuiChip-root', { hasText: /^已通过$/ }).first().waitFor();
    // Offered or not once the issue's state is known, i.e. once its number shows.
    await page.locator('#main-content').getByText(`总第${published.serialNumber}期`).first().waitFor();
    await expect(page.getByRole('link', { name: '编辑' }).count()).resolves.toBe(0);
    await screenshot(page, '09-published-entry-show');

    expect(writer.pageErrors).toEqual([]);
    expect(writer.apiFailures).toEqual([]);
    expect(colleague.pageErrors).toEqual([]);
    expect(colleague.apiFailures).toEqual([]);
  });
});
