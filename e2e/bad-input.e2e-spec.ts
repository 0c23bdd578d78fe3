import { existsSync, rmSync } from 'node:fs';
import path from 'node:path';
import { api, baseUrl, createTestEntry, finishedRendition, login } from './support';

/**
 * Bad input is a 400 in Chinese naming the problem, never a 500, and never changes what was
 * saved: characters PostgreSQL or the PDF cannot hold, numbers beyond PostgreSQL's integer,
 * dates that do not exist, JSON nested too deep; and no answer names a path on the server.
 */
jest.setTimeout(60000);

/** This file's own years for its test issues (createTestIssue). */
const FIRST_YEAR = 2170;

let editor: string;
let admin: string;

beforeAll(async () => {
  [editor, admin] = await Promise.all([login('editor'), login('admin')]);
});

const entry = async (id: string) => (await api('GET', `/api/entries/${id}`, { token: editor })).body;
const filter = (value: object) => encodeURIComponent(JSON.stringify(value));

describe('characters PostgreSQL or the PDF cannot hold', () => {
  it('refuses NUL and lone surrogates at login, without a token, naming the field', async () => {
    const nul = await api('POST', '/api/auth/login', { body: { username: 'ed\u0000itor', password: 'demo12345' } });
    expect(nul.status).toBe(400);
    expect(nul.body.message).toBe('字段 username 含有不允许的控制字符（U+0000，空字符）');

    const surrogate = await api('POST', '/api/auth/login', { body: { username: 'editor', password: 'demo12345\uD800' } });
    expect(surrogate.status).toBe(400);
    expect(surrogate.body.message).toContain('字段 password 含有无效的字符');

    const bell = await api('POST', '/api/auth/login', { raw: '{"username":"editor\\u0007","password":"demo12345"}' });
    expect(bell.status).toBe(400);
    expect(bell.body.message).toBe('字段 username 含有不允许的控制字符（U+0007）');

    const link = await api('GET', '/api/receive/abc%00def');
    expect(link.status).toBe(400);
    expect(link.body.message).toBe('路径参数 token 含有不允许的控制字符（U+0000，空字符）');
    const undecodable = await api('GET', '/api/receive/abc%ED%A0%80def');
    expect(undecodable.status).toBe(400);
    expect(undecodable.body.message).toBe('地址中含有无法解码的字符（百分号编码无效）');

    // Refused before the login was tried: the account is not a failed login the poorer.
    expect((await api('POST', '/api/auth/login', { body: { username: 'editor', password: 'demo12345' } })).status).toBe(200);
  });

  it('refuses them in an entry created or updated, and leaves the saved entry as it was', async () => {
    const { issueId, entryId } = await createTestEntry(editor, FIRST_YEAR, { title: '坏输入测试：保存的条目', bodyHtml: '<p>原文。</p>', day: 3 });
    const before = await entry(entryId);

    const created = await api('POST', '/api/entries', {
      token: editor,
      body: { title: '坏输入测试：含空字符\u0000的条目', sectionId: before.sectionId, issueId, eventDate: before.eventDate, bodyText: '正文。' },
    });
    expect(created.status).toBe(400);
    expect(created.body.message).toBe('字段 title 含有不允许的控制字符（U+0000，空字符）');
    const listed = await api('GET', `/api/entries?filter=${filter({ q: '坏输入测试：含空字符' })}`, { token: editor });
    expect(listed.body).toEqual([]);

    const body = await api('PUT', `/api/entries/${entryId}`, { token: editor, body: { version: before.version, title: '新标题', bodyText: '第一段\u0000。' } });
    expect(body.status).toBe(400);
    expect(body.body.message).toBe('字段 bodyText 含有不允许的控制字符（U+0000，空字符）');

    const credit = await api('PUT', `/api/entries/${entryId}`, {
      token: editor,
      body: { version: before.version, contributors: [{ contributorId: '00000000-0000-4000-8000-00000000000\u0000', role: 'reporter' }] },
    });
    expect(credit.status).toBe(400);
    expect(credit.body.message).toBe('字段 contributors.0.contributorId 含有不允许的控制字符（U+0000，空字符）');

    const surrogate = await api('PUT', `/api/entries/${entryId}`, { token: editor, body: { version: before.version, title: '半个字\uDC00' } });
    expect(surrogate.status).toBe(400);
    expect(surrogate.body.message).toContain('字段 title 含有无效的字符');

    expect(await entry(entryId)).toEqual(before);
  });

  it('refuses them in the text fields of an uploaded page', async () => {
    const form = new FormData();
    form.append('newspaper', '郑州\u0000日报');
    form.append('text', '本报讯 9月10日，中原区召开河长制工作会议。\n记者 张三');
    const response = await fetch(`${baseUrl()}/api/source-imports/preview`, { method: 'POST', headers: { authorization: `Bearer ${editor}` }, body: form });
    expect(response.status).toBe(400);
    expect((await response.json()).message).toBe('字段 newspaper 含有不允许的控制字符（U+0000，空字符）');
  });
});

describe('numbers beyond what PostgreSQL holds', () => {
  it('refuses a range beyond PostgreSQL\'s integer or a page over 1000 rows, on every list', async () => {
    const lists: Array<[string, string]> = [
      ...['entries', 'issues', 'sections', 'sources', 'contributors', 'recipients', 'renditions'].map((resource): [string, string] => [resource, editor]),
      ['users', admin],
      ['audit-events', admin],
    ];
    for (const [resource, token] of lists) {
      for (const range of ['[1e300,1e300]', '[2147483648,2147483650]']) {
        const response = await api('GET', `/api/${resource}?range=${encodeURIComponent(range)}`, { token });
        expect({ resource, range, status: response.status, message: response.body.message }).toEqual({
          resource,
          range,
          status: 400,
          message: '参数 range 应为 [起, 止]，两个 0 至 2147483647 之间的整数且 起 ≤ 止',
        });
      }
    }
    const page = await api('GET', `/api/entries?range=${encodeURIComponent('[0,5000]')}`, { token: editor });
    expect(page.status).toBe(400);
    expect(page.body.message).toBe('参数 range 一次最多取 1000 条');
  });

  it('refuses a version beyond PostgreSQL\'s integer and leaves the entry as it was', async () => {
    const { entryId } = await createTestEntry(editor, FIRST_YEAR, { title: '坏输入测试：版本号', bodyHtml: '<p>原文。</p>', day: 4 });
    const before = await entry(entryId);
    for (const version of [1e300, 2 ** 31]) {
      const update = await api('PUT', `/api/entries/${entryId}`, { token: editor, body: { version, title: '新标题' } });
      expect(update.status).toBe(400);
      expect(update.body.message).toBe('字段 version 数值过大');
      const submit = await api('POST', `/api/entries/${entryId}/submit`, { token: editor, body: { version } });
      expect(submit.status).toBe(400);
      expect(submit.body.message).toBe('字段 version 数值过大');
    }
    expect(await entry(entryId)).toEqual(before);
  });
});

describe('dates that do not exist', () => {
  it('refuses an impossible date in a list filter, naming the field', async () => {
    for (const [field, day] of [['eventDate_gte', '2020-13-45'], ['eventDate_lte', '2021-02-29'], ['eventDate_gte', '-271821-04-20']]) {
      const response = await api('GET', `/api/entries?filter=${filter({ [field]: day })}`, { token: editor });
      expect(response.status).toBe(400);
      expect(response.body.message).toBe(`参数 filter 的字段 ${field} 应为存在的日期，格式为 YYYY-MM-DD，年份在 1000 至 9999 之间`);
    }
    for (const at of ['-271821-04-20', '2020-13-45T00:00:00Z', '+275760-09-13T00:00:00.000Z']) {
      const response = await api('GET', `/api/audit-events?filter=${filter({ createdAt_gte: at })}`, { token: admin });
      expect(response.status).toBe(400);
      expect(response.body.message).toContain('参数 filter 的字段 createdAt_gte 应为存在的日期或时间');
    }
    // What the admin's date filters send still works.
    expect((await api('GET', `/api/audit-events?filter=${filter({ createdAt_gte: '2020-10-14T16:00:00.000Z' })}`, { token: admin })).status).toBe(200);
    expect((await api('GET', `/api/entries?filter=${filter({ eventDate_gte: '2020-02-29' })}`, { token: editor })).status).toBe(200);
  });

  it('refuses a date outside the years 1000 to 9999 in an entry or a source, and saves nothing', async () => {
    const { entryId } = await createTestEntry(editor, FIRST_YEAR, { title: '坏输入测试：日期', bodyHtml: '<p>原文。</p>', day: 5 });
    const before = await entry(entryId);
    const update = await api('PUT', `/api/entries/${entryId}`, { token: editor, body: { version: before.version, eventDate: '0999-12-31' } });
    expect(update.status).toBe(400);
    expect(update.body.message).toBe('字段 eventDate 必须是存在的日期，格式为 YYYY-MM-DD，年份在 1000 至 9999 之间');
    expect(await entry(entryId)).toEqual(before);

    const source = await api('POST', '/api/sources', { token: editor, body: { newspaper: '郑州日报', issueDate: '0999-12-31', headline: '坏输入测试：来稿日期', text: '正文。' } });
    expect(source.status).toBe(400);
    expect(source.body.message).toBe('字段 issueDate 必须是存在的日期，格式为 YYYY-MM-DD，年份在 1000 至 9999 之间');
    expect((await api('GET', `/api/sources?filter=${filter({ q: '坏输入测试：来稿日期' })}`, { token: editor })).body).toEqual([]);
  });
});

describe('JSON nested too deep', () => {
  it('refuses a login body nested thousands of levels deep with a 400 in Chinese', async () => {
    for (const depth of [5000, 1_000_000]) {
      const raw = `{"username":${'['.repeat(depth)}${']'.repeat(depth)},"password":"demo12345"}`;
      const response = await api('POST', '/api/auth/login', { raw });
      expect({ depth, status: response.status, message: response.body.message }).toEqual({ depth, status: 400, message: '请求内容嵌套过深：对象和数组最多嵌套 64 层' });
    }
  });

  it('says in Chinese that a body is not JSON', async () => {
    for (const raw of ['{', '{"username":', '[1,]']) {
      const response = await api('POST', '/api/auth/login', { raw });
      expect({ raw, status: response.status, message: response.body.message }).toEqual({ raw, status: 400, message: '请求内容不是有效的 JSON' });
    }
  });
});

describe('server paths', () => {
  it('answers a PDF missing from the storage with a 409 that names no path', async () => {
    const { issueId } = await createTestEntry(editor, FIRST_YEAR, { title: '坏输入测试：丢失的校样', bodyHtml: '<p>原文。</p>', day: 6 });
    const requested = await api('POST', `/api/issues/${issueId}/renditions`, { token: editor, body: { kind: 'proof' } });
    expect([200, 201, 202]).toContain(requested.status);
    const rendition = await finishedRendition(editor, requested.body.id);
    const file = path.join(process.env.E2E_STORAGE_DIR!, 'issues', issueId, `${rendition.id}.pdf`);
    expect(existsSync(file)).toBe(true);
    rmSync(file);

    const response = await api('GET', rendition.fileUrl, { token: editor });
    expect(response.status).toBe(409);
    expect(response.body.message).toBe('排版文件的 PDF 在存储中找不到，请重新生成。');
    expect(JSON.stringify(response.body)).not.toContain('/');
  });
});
