import { createHash } from 'node:crypto';
import { api, login } from './support';

jest.setTimeout(60000);

async function setUp() {
  const [editor, admin] = await Promise.all([login('editor'), login('admin')]);
  const sections = await api<{ id: string }[]>('GET', '/api/sections', { token: editor });
  const people = await Promise.all(
    ['王记者', '赵通讯员'].map((name, index) =>
      api('POST', '/api/contributors', { token: editor, body: { name: `${name}${Date.now()}`, role: index ? 'correspondent' : 'reporter' } }),
    ),
  );
  return { editor, admin, sectionId: sections.body[0].id, people: people.map((person) => person.body as { id: string; name: string }) };
}

it('credits contributors in their roles on an entry, replaces them on save and records the change', async () => {
  const { editor, admin, sectionId, people } = await setUp();
  const [wang, zhao] = people;
  const created = await api('POST', '/api/entries', {
    token: editor,
    body: { title: '作者测试条目', sectionId, eventDate: '2020-09-05', bodyText: '9月5日，作者测试。', contributors: [{ contributorId: wang.id, role: 'reporter' }] },
  });
  expect(created.status).toBe(201);
  expect(created.body.contributors).toEqual([{ contributorId: wang.id, name: wang.name, role: 'reporter' }]);

  // Zhao as correspondent and photographer, Wang no longer: the save replaces the set.
  const contributors = [{ contributorId: zhao.id, role: 'correspondent' }, { contributorId: zhao.id, role: 'photographer' }];
  const saved = await api('PUT', `/api/entries/${created.body.id}`, { token: editor, body: { version: 1, contributors } });
  expect(saved.status).toBe(200);
  expect(saved.body.version).toBe(2);
  const read = await api('GET', `/api/entries/${created.body.id}`, { token: editor });
  expect(read.body.contributors).toEqual([
    { contributorId: zhao.id, name: zhao.name, role: 'correspondent' },
    { contributorId: zhao.id, name: zhao.name, role: 'photographer' },
  ]);
  expect(saved.body.contributors).toEqual(read.body.contributors);
  expect((await api('GET', `/api/entries?filter=${encodeURIComponent(JSON.stringify({ contributorId: zhao.id }))}`, { token: editor })).body.map((entry: { id: string }) => entry.id)).toEqual([created.body.id]);

  // A save that leaves the contributors out leaves them as they are.
  await api('PUT', `/api/entries/${created.body.id}`, { token: editor, body: { version: 2, title: '作者测试条目（改）' } });
  expect((await api('GET', `/api/entries/${created.body.id}`, { token: editor })).body.contributors).toHaveLength(2);

  const audit = await api<any[]>('GET', `/api/audit-events?filter=${encodeURIComponent(JSON.stringify({ entityId: created.body.id, action: 'entry.update' }))}&sort=${encodeURIComponent('["createdAt","ASC"]')}`, { token: admin });
  expect(audit.status).toBe(200);
  expect(audit.body[0].before.contributors.map((link: { name: string }) => link.name)).toEqual([wang.name]);
  expect(audit.body[0].after.contributors.map((link: { role: string }) => link.role)).toEqual(['correspondent', 'photographer']);

  const unknown = await api('PUT', `/api/entries/${created.body.id}`, {
    token: editor,
    body: { version: 3, contributors: [{ contributorId: '00000000-0000-4000-8000-000000000000', role: 'reporter' }] },
  });
  expect(unknown.status).toBe(400);
  expect(unknown.body.message).toContain('作者不存在');
  const badRole = await api('PUT', `/api/entries/${created.body.id}`, { token: editor, body: { version: 3, contributors: [{ contributorId: wang.id, role: 'editor' }] } });
  expect(badRole.status).toBe(400);
  // A list where a credit should be (found by bench:fuzz: it reached the database as a 500).
  for (const contributors of [[[]], [{ contributorId: wang.id, role: 'reporter' }, []]]) {
    const nested = await api('PUT', `/api/entries/${created.body.id}`, { token: editor, body: { version: 3, contributors } });
    expect(nested.status).toBe(400);
    expect(nested.body.message).toContain('字段 contributors 必须是对象');
    const created2 = await api('POST', '/api/entries', { token: editor, body: { title: '作者测试条目', sectionId, eventDate: '2020-09-05', bodyText: '9月5日。', contributors } });
    expect(created2.status).toBe(400);
  }
  expect((await api('GET', `/api/entries/${created.body.id}`, { token: editor })).body).toMatchObject({ version: 3, title: '作者测试条目（改）' });
});

it('finds my own entries and the entries that are in no issue yet', async () => {
  const { editor, admin, sectionId } = await setUp();
  const mine = await api('POST', '/api/entries', { token: editor, body: { title: `我的草稿${Date.now()}`, sectionId, eventDate: '2020-09-06', bodyText: '草稿。' } });
  const theirs = await api('POST', '/api/entries', { token: admin, body: { title: `别人的草稿${Date.now()}`, sectionId, eventDate: '2020-09-06', bodyText: '草稿。' } });
  const list = async (token: string, filter: object) =>
    (await api<{ id: string; issueId: string | null; createdById: string }[]>('GET', `/api/entries?range=[0,999]&filter=${encodeURIComponent(JSON.stringify(filter))}`, { token })).body;

  const myIds = (await list(editor, { createdById: 'me' })).map((entry) => entry.id);
  expect(myIds).toContain(mine.body.id);
  expect(myIds).not.toContain(theirs.body.id);
  expect((await list(admin, { createdById: 'me' })).map((entry) => entry.id)).toContain(theirs.body.id);

  const loose = await list(editor, { issueId: null });
  expect(loose.map((entry) => entry.id)).toEqual(expect.arrayContaining([mine.body.id, theirs.body.id]));
  expect(loose.every((entry) => entry.issueId === null)).toBe(true);
  // The reference issue's 27 entries are all in an issue.
  expect(loose.length).toBeLessThan((await list(editor, {})).length);

  const bad = await api('GET', `/api/entries?filter=${encodeURIComponent(JSON.stringify({ createdById: 'someone' }))}`, { token: editor });
  expect(bad.status).toBe(400);
  expect(bad.body.message).toContain('createdById');
  // A search with a NUL character is refused in words, not by the database (found by bench:fuzz).
  const nul = await api('GET', `/api/entries?filter=${encodeURIComponent(JSON.stringify({ createdById: 'me', q: '草稿\u0000' }))}`, { token: editor });
  expect(nul.status).toBe(400);
  expect(nul.body.message).toContain('空字符');
});

it('keeps a body with a photo of a few megabytes', async () => {
  const { editor, sectionId } = await setUp();
  // A JPEG-sized payload: the editor allows images of up to 2 MB, which grow by a third as base64.
  const photo = `data:image/jpeg;base64,${Buffer.alloc(2_000_000, 7).toString('base64')}`;
  const bodyHtml = `<p>9月7日，配图条目。</p><figure><img src="${photo}"><figcaption>图为现场</figcaption></figure>`;
  const created = await api('POST', '/api/entries', { token: editor, body: { title: '配图条目', sectionId, eventDate: '2020-09-07', bodyHtml } });
  expect(created.status).toBe(201);
  const read = await api('GET', `/api/entries/${created.body.id}`, { token: editor });
  expect(read.body.bodyHtml).toContain(photo);
  expect(read.body.bodyText).toBe('9月7日，配图条目。\n\n图为现场');

  // The audit trail names the photo by size and checksum; the revision keeps the photo itself.
  const saved = await api('PUT', `/api/entries/${created.body.id}`, { token: editor, body: { version: 1, title: '配图条目（改）' } });
  expect(saved.status).toBe(200);
  const audit = await api<any[]>('GET', `/api/audit-events?filter=${encodeURIComponent(JSON.stringify({ entityId: created.body.id }))}`, { token: await login('admin') });
  expect(audit.body.map((event) => event.action).sort()).toEqual(['entry.create', 'entry.update']);
  for (const event of audit.body) {
    expect(event.after.bodyHtml).toContain(`data:image/jpeg;sha256=${createHash('sha256').update(Buffer.alloc(2_000_000, 7)).digest('hex')};bytes=2000000`);
    expect(event.after.bodyHtml).not.toContain(photo.slice(0, 2000));
  }
  const revisions = await api<any[]>('GET', `/api/entries/${created.body.id}/revisions`, { token: editor });
  expect(revisions.body.map((revision) => revision.bodyHtml.includes(photo))).toEqual([true, true]);
});
