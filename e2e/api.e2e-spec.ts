import reference from '../seeds/reference-issue-097.json';
import { api, compact, login, pdfPages, waitFor } from './support';

jest.setTimeout(60000);

let editor: string;
let reviewer: string;
let admin: string;
let issue97: { id: string };

beforeAll(async () => {
  [editor, reviewer, admin] = await Promise.all([login('editor'), login('reviewer'), login('admin')]);
  const list = await api<{ id: string; serialNumber: number }[]>('GET', `/api/issues?filter=${encodeURIComponent('{"q":"97"}')}`, { token: editor });
  issue97 = list.body.find((issue) => issue.serialNumber === 97)!;
});

describe('authentication', () => {
  it('logs in with the demo account and tells who is logged in', async () => {
    const response = await api('POST', '/api/auth/login', { body: { username: 'editor', password: 'demo12345' } });
    expect(response.status).toBe(200);
    expect(response.body.user).toMatchObject({ username: 'editor', roles: ['editor'] });
    expect(response.body.user.passwordHash).toBeUndefined();
    const me = await api('GET', '/api/auth/me', { token: response.body.accessToken });
    expect(me.body).toMatchObject({ username: 'editor' });
  });

  it('refuses a wrong password with 401 and a Chinese message', async () => {
    const response = await api('POST', '/api/auth/login', { body: { username: 'editor', password: 'wrong-password' } });
    expect(response.status).toBe(401);
    expect(response.body.message).toBe('用户名或密码错误');
  });

  it('requires a login for everything but login and health', async () => {
    expect((await api('GET', '/api/issues')).status).toBe(401);
    expect((await api('GET', '/api/issues', { token: 'not-a-token' })).status).toBe(401);
    expect((await api('GET', '/api/health')).status).toBe(200);
  });
});

describe('the reference issue', () => {
  it('is listed with 27 entries, in react-admin list conventions', async () => {
    const response = await api<any[]>('GET', `/api/issues?sort=["serialNumber","DESC"]&range=[0,9]&filter=${encodeURIComponent('{"q":"97"}')}`, { token: editor });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-range')).toMatch(/^issues 0-\d+\/\d+$/);
    const issue = response.body.find((row) => row.serialNumber === 97);
    expect(issue).toMatchObject({ title: '中原区大事月报', year: 2020, month: 10, publicationDate: '2020-10-15', entryCount: 27 });
  });

  it('shows its 27 entries in 6 sections in print order, and its distribution list', async () => {
    const response = await api('GET', `/api/issues/${issue97.id}`, { token: reviewer });
    expect(response.body.sections.map((section: { name: string }) => section.name)).toEqual(['本期焦点', '时政要点', '创文看点', '经济热点', '文化亮点', '民生视点']);
    const titles = response.body.sections.flatMap((section: { entries: { title: string }[] }) => section.entries.map((entry) => entry.title));
    expect(titles).toEqual(reference.entries.map((entry) => entry.title));
    expect(response.body.recipients.map((unit: { name: string }) => unit.name)).toEqual(reference.recipients.map((unit) => unit.name));
  });

  it('filters entries by issue and section and pages them with Content-Range', async () => {
    const sections = await api<any[]>('GET', '/api/sections', { token: editor });
    const politics = sections.body.find((section) => section.key === 'politics');
    const filter = encodeURIComponent(JSON.stringify({ issueId: issue97.id, sectionId: politics.id }));
    const page = await api<any[]>('GET', `/api/entries?filter=${filter}&sort=["position","ASC"]&range=[0,4]`, { token: editor });
    expect(page.body).toHaveLength(5);
    expect(page.headers.get('content-range')).toBe('entries 0-4/17');
    expect(page.body[0].title).toBe('郑州市政务公开办公室到中原西路街道督查指导基层政务公开标准化规范化建设工作');
  });

  it('renders to a PDF through the queue, with every entry title and the table of contents', async () => {
    const requested = await api('POST', `/api/issues/${issue97.id}/renditions`, { token: editor, body: { kind: 'proof' } });
    expect(requested.status).toBe(202);
    expect(requested.body).toMatchObject({ id: expect.any(String), status: expect.stringMatching(/queued|running|done/) });
    const again = await api('POST', `/api/issues/${issue97.id}/renditions`, { token: editor, body: { kind: 'proof' } });
    expect(again.body.id).toBe(requested.body.id);

    const done = await waitFor(async () => {
      const poll = await api('GET', `/api/renditions/${requested.body.id}`, { token: editor });
      expect(poll.body.status).not.toBe('failed');
      return poll.body.status === 'done' ? poll.body : undefined;
    });
    expect(done).toMatchObject({ progress: 100, pages: expect.any(Number), bytes: expect.any(Number), sha256: expect.stringMatching(/^[0-9a-f]{64}$/) });

    const file = await api<Buffer>('GET', `/api/renditions/${done.id}/file`, { token: reviewer });
    expect(file.status).toBe(200);
    expect(file.headers.get('content-type')).toBe('application/pdf');
    expect(file.body.length).toBe(done.bytes);
    const pages = pdfPages(file.body);
    expect(pages).toHaveLength(done.pages);
    const text = compact(pages.join(''));
    for (const entry of reference.entries) expect(text).toContain(compact(entry.title));
    expect(compact(pages.slice(0, 4).join(''))).toContain('目录');
    expect(text).toContain('发放范围');
  });
});

describe('roles and bad input', () => {
  it('answers 403 when a role may not do something', async () => {
    const response = await api('POST', '/api/sections', { token: editor, body: { key: 'test-section', name: '测试', position: 99 } });
    expect(response.status).toBe(403);
    expect(response.body.message).toContain('管理员');
    expect((await api('POST', '/api/entries', { token: reviewer, body: {} })).status).toBe(403);
    expect((await api('GET', '/api/users', { token: editor })).status).toBe(403);
  });

  it('answers 400 naming the field for invalid bodies and queries', async () => {
    const sections = await api<any[]>('GET', '/api/sections', { token: editor });
    const created = await api('POST', '/api/entries', { token: editor, body: { title: '', sectionId: sections.body[0].id, eventDate: '2020-13-45', extra: 1 } });
    expect(created.status).toBe(400);
    expect(created.body.message).toContain('title');
    expect(created.body.message).toContain('eventDate');
    expect(created.body.message).toContain('extra');
    const sort = await api('GET', '/api/entries?sort=["password","ASC"]', { token: editor });
    expect(sort.status).toBe(400);
    expect(sort.body.message).toContain('password');
    expect((await api('GET', '/api/entries?range=[5,1]', { token: editor })).status).toBe(400);
    expect((await api('GET', '/api/entries?filter={oops', { token: editor })).status).toBe(400);
    expect((await api('POST', '/api/auth/login', { raw: '{"username":' })).status).toBe(400);
  });

  it('answers an address too long for the server with 431 and a Chinese message, not a bare status line', async () => {
    const response = await api<{ statusCode: number; message: string }>('GET', `/api/entries?filter=${encodeURIComponent(JSON.stringify({ q: '长'.repeat(8000) }))}`, { token: editor });
    expect(response.status).toBe(431);
    expect(response.body.statusCode).toBe(431);
    expect(response.body.message).toContain('请求头过大');
  });

  it('answers 404 for a missing record and 400 for a malformed id', async () => {
    const missing = await api('GET', '/api/issues/00000000-0000-4000-8000-000000000000', { token: editor });
    expect(missing.status).toBe(404);
    expect(missing.body.message).toContain('不存在');
    expect((await api('GET', '/api/issues/not-a-uuid', { token: editor })).status).toBe(400);
    expect((await api('GET', '/api/renditions/00000000-0000-4000-8000-000000000000/file', { token: editor })).status).toBe(404);
  });

  it('refuses a stale entry save with 409 and the current version, keeping the saved text', async () => {
    const sections = await api<any[]>('GET', '/api/sections', { token: editor });
    const created = await api('POST', '/api/entries', {
      token: editor,
      body: { title: '测试条目', sectionId: sections.body[0].id, eventDate: '2020-10-08', bodyText: '10月8日，第一段。' },
    });
    expect(created.status).toBe(201);
    const first = await api('PUT', `/api/entries/${created.body.id}`, { token: editor, body: { version: 1, bodyText: '10月8日，第二版。' } });
    expect(first.body.version).toBe(2);
    const stale = await api('PUT', `/api/entries/${created.body.id}`, { token: admin, body: { version: 1, bodyText: '10月8日，过期的修改。' } });
    expect(stale.status).toBe(409);
    expect(stale.body.currentVersion).toBe(2);
    const current = await api('GET', `/api/entries/${created.body.id}`, { token: editor });
    expect(current.body.bodyText).toBe('10月8日，第二版。');
  });
});

it('documents the API with OpenAPI', async () => {
  const response = await api('GET', '/api/docs-json');
  expect(response.status).toBe(200);
  expect(Object.keys(response.body.paths)).toEqual(expect.arrayContaining(['/api/auth/login', '/api/issues', '/api/issues/{id}/renditions', '/api/renditions/{id}/file']));
});

describe('serving the admin', () => {
  const base = () => process.env.E2E_BASE_URL!;
  /** The largest of the scripts index.html names (a file under 1 KB is sent as it is). */
  async function largestScript() {
    const index = await fetch(`${base()}/`);
    expect(index.headers.get('cache-control')).toBe('no-cache');
    const scripts = [...(await index.text()).matchAll(/(?:src|href)="(\/assets\/[^"]+\.js)"/g)].map(match => new URL(match[1], base()));
    expect(scripts.length).toBeGreaterThan(0);
    const sizes = await Promise.all(scripts.map(async script => (await (await fetch(script, { headers: { 'accept-encoding': 'identity' } })).arrayBuffer()).byteLength));
    return scripts[sizes.indexOf(Math.max(...sizes))];
  }

  it('sends the admin\'s scripts compressed at build time (brotli, else gzip) and cacheable for good, and API answers as they are', async () => {
    const script = await largestScript();
    const brotli = await fetch(script, { headers: { 'accept-encoding': 'gzip, deflate, br' } });
    expect(brotli.status).toBe(200);
    expect(brotli.headers.get('content-encoding')).toBe('br');
    expect(brotli.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    const gzip = await fetch(script, { headers: { 'accept-encoding': 'gzip' } });
    expect(gzip.headers.get('content-encoding')).toBe('gzip');
    const plain = await fetch(script, { headers: { 'accept-encoding': 'identity' } });
    expect(plain.headers.get('content-encoding')).toBeNull();
    // The same script whichever way it travelled.
    const [a, b, c] = await Promise.all([brotli.text(), gzip.text(), plain.text()]);
    expect(a).toBe(c);
    expect(b).toBe(c);
    const token = await login('editor');
    const list = await fetch(`${base()}/api/entries?range=[0,99]`, { headers: { authorization: `Bearer ${token}`, 'accept-encoding': 'gzip, br' } });
    expect(list.status).toBe(200);
    expect(list.headers.get('content-encoding')).toBeNull();
  });

  it('answers any other page address with the app, a missing asset with 404, and an unknown API path with the API\'s 404', async () => {
    const page = await fetch(`${base()}/entries/123`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<div id="root">');
    expect((await fetch(`${base()}/assets/no-such-file.js`)).status).toBe(404);
    const api = await fetch(`${base()}/api/no-such-thing`);
    expect(api.status).toBe(404);
    expect(api.headers.get('content-type')).toContain('application/json');
  });
});
