/**
 * 修改密码 in a real browser: a user opens it from the user menu in the app bar, sees how strong
 * each new password is as they type it (a common one is named as such and refused before
 * sending), changes their password with the current one, and stays signed in, while their
 * session elsewhere ends.
 */
import { randomBytes } from 'node:crypto';
import { screenshotter, useBrowser } from './browser';
import { api, login } from './support';

jest.setTimeout(120_000);

const browser = useBrowser({ ready: '[data-testid="dashboard"]' });
const screenshot = screenshotter('password');

it('lets a user change their own password from the user menu, with the strength hint, ending their other sessions', async () => {
  const admin = await login('admin');
  const username = `pwuser-${randomBytes(3).toString('hex')}`;
  const password = `初始密码-${randomBytes(4).toString('hex')}`;
  expect((await api('POST', '/api/users', { token: admin, body: { username, displayName: '改密码的编辑', roles: ['editor'], password } })).status).toBe(201);
  const elsewhere = await login(username, password);

  const { page, pageErrors, apiFailures } = await browser.signIn(username, { password });
  await page.getByRole('button', { name: '个人资料' }).click();
  await page.getByRole('menuitem', { name: '修改密码' }).click();
  await page.waitForURL(/#\/password$/);
  await page.locator('input[name="currentPassword"]').fill(password);

  const hint = page.getByTestId('password-strength');
  await page.locator('input[name="newPassword"]').fill('password1234');
  await expect(hint.innerText()).resolves.toMatch(/^密码强度：(极弱|很弱|较弱)：密码太容易被猜到/);
  await page.locator('input[name="newPassword"]').fill(`${username}-2026`);
  await hint.getByText('密码不能包含用户名').waitFor();
  const newPassword = `秋天的梧桐-${randomBytes(4).toString('hex')}`;
  await page.locator('input[name="newPassword"]').fill(newPassword);
  await expect(hint.innerText()).resolves.toMatch(/^密码强度：(较强|很强)$/);
  await page.locator('input[name="confirmPassword"]').fill(newPassword);
  await screenshot(page, '01-change-password');

  await page.getByRole('button', { name: '修改密码' }).click();
  await page.getByText('密码已修改；其他地方的登录已失效').waitFor();
  await page.locator('[data-testid="dashboard"]').waitFor();

  // This session goes on (after a reload too); the one elsewhere has ended; the new password signs in.
  await page.reload();
  await page.locator('[data-testid="dashboard"]').waitFor();
  const ended = await api('GET', '/api/auth/me', { token: elsewhere });
  expect(ended.status).toBe(401);
  expect(ended.body.message).toBe('密码已修改，请使用新密码重新登录');
  await expect(login(username, newPassword)).resolves.toEqual(expect.any(String));
  expect((await api('POST', '/api/auth/login', { body: { username, password } })).status).toBe(401);

  expect(pageErrors).toEqual([]);
  expect(apiFailures).toEqual([]);
});

it('shows administrators the strength of a new user’s password, and no password field on their own account', async () => {
  const { page } = await browser.signIn('admin');
  await page.goto(page.url().replace(/#.*$/, '#/users/create'));
  await page.locator('input[name="username"]').fill(`Strength-${randomBytes(3).toString('hex')}`);
  await page.locator('input[name="password"]').fill('qwertyuiop123');
  const hint = page.getByTestId('password-strength');
  await expect(hint.innerText()).resolves.toMatch(/密码太容易被猜到/);
  await page.locator('input[name="password"]').fill(`冬日的暖阳-${randomBytes(4).toString('hex')}`);
  await expect(hint.innerText()).resolves.toMatch(/^密码强度：(较强|很强)$/);

  const me = (await api('GET', '/api/auth/me', { token: await login('admin') })).body;
  await page.goto(page.url().replace(/#.*$/, `#/users/${me.id}`));
  await page.getByText('修改自己的密码请使用右上角用户菜单中的“修改密码”').waitFor();
  await expect(page.locator('input[name="password"]').count()).resolves.toBe(0);
});
