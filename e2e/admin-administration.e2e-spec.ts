/**
 * An administrator in the admin, in a real browser against the running stack (scripts/test.mjs
 * starts it and passes its URL in E2E_BASE_URL): the audit trail (登录 among the actions, only
 * the publications when filtered, one opened with its state before and after) and the masthead
 * settings.
 *
 * Test data is its own: an issue published through the API (createTestIssue, years 2140–2148);
 * the shared demo users are only signed in as, never changed, and the settings never saved.
 */
import { screenshotter, useBrowser } from './browser';
import { api, createTestEntry, login, waitFor } from './support';

jest.setTimeout(120_000);

const browser = useBrowser({ ready: '[data-testid="dashboard"]' });

const screenshot = screenshotter('review');

beforeAll(async () => {
  // A publication of this file's own, whatever ran before it.
  const [editorToken, reviewerToken] = await Promise.all([login('editor'), login('reviewer')]);
  const { issueId, entryId } = await createTestEntry(editorToken, 2140, { title: '审计测试：区政府召开工作会议', bodyHtml: '<p>区政府召开工作会议。</p>', day: 9 });
  const step = async (token: string, route: string, action: string) => {
    const { version } = (await api<{ version: number }>('GET', route, { token })).body;
    const response = await api('POST', `${route}/${action}`, { token, body: { version } });
    if (response.status !== 200 && response.status !== 201) throw new Error(`${action} ${route} failed: ${response.status} ${JSON.stringify(response.body)}`);
  };
  await step(editorToken, `/api/entries/${entryId}`, 'submit');
  await step(reviewerToken, `/api/entries/${entryId}`, 'approve');
  await step(editorToken, `/api/issues/${issueId}`, 'submit-review');
  await step(reviewerToken, `/api/issues/${issueId}`, 'sign-off');
  await step(reviewerToken, `/api/issues/${issueId}`, 'publish');
});

describe('an administrator', () => {
  const [session] = browser.sessions(['admin']);

  it('reads the audit trail, with actions in Chinese, filtered and opened', async () => {
    const { page } = session;
    await page.getByRole('menuitem', { name: '审计日志' }).click();
    await page.waitForURL(/#\/audit-events/);
    const actions = page.locator('[data-testid="audit-action"]');
    await actions.first().waitFor();
    await expect(actions.allInnerTexts()).resolves.toContain('登录');
    await screenshot(page, '12-audit-trail');

    // Only publications (this file's among them), each with its state before and after.
    await page.getByRole('combobox', { name: '操作' }).click();
    await page.getByRole('option', { name: '发布期刊' }).click();
    await waitFor(async () => {
      const texts = await actions.allInnerTexts();
      return texts.length > 0 && texts.every(text => text === '发布期刊') ? true : undefined;
    }, 10_000);
    await page.locator('tbody tr').first().click();
    const detail = page.locator('[data-testid="audit-detail"]');
    await detail.waitFor();
    await expect(detail.innerText()).resolves.toContain('"status": "published"');
    await screenshot(page, '13-audit-detail');
  });

  it('opens the masthead settings, with the paper as a choice', async () => {
    const { page } = session;
    await page.getByRole('menuitem', { name: '刊头设置' }).click();
    await page.waitForURL(/#\/settings\/masthead/);
    await expect(page.locator('input[name="publisher"]').inputValue()).resolves.not.toBe('');
    await page.getByRole('combobox', { name: '纸张' }).click();
    await page.getByRole('option', { name: /^A5/ }).waitFor();
    await page.keyboard.press('Escape');
    await screenshot(page, '14-masthead-settings');
    // The settings are shared by every test running now: nothing is saved here.
    expect(session.pageErrors).toEqual([]);
    expect(session.apiFailures).toEqual([]);
  });
});
