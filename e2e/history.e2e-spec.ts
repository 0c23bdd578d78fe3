import { api, login } from './support';

jest.setTimeout(60000);

it('keeps every saved version with its author and restores an old one as a new version', async () => {
  const [editor, admin] = await Promise.all([login('editor'), login('admin')]);
  const sections = await api<{ id: string; key: string }[]>('GET', '/api/sections', { token: editor });
  const created = await api('POST', '/api/entries', {
    token: editor,
    body: { title: '历史测试条目', sectionId: sections.body[0].id, eventDate: '2020-09-03', bodyText: '9月3日，初稿。' },
  });
  const id = created.body.id;
  await api('PUT', `/api/entries/${id}`, { token: editor, body: { version: 1, bodyText: '9月3日，第二稿，补充了细节。' } });
  await api('PUT', `/api/entries/${id}`, { token: admin, body: { version: 2, title: '历史测试条目（修订）' } });

  const history = await api<any[]>('GET', `/api/entries/${id}/revisions`, { token: editor });
  expect(history.body.map((revision) => [revision.version, revision.authorName])).toEqual([
    [3, '系统管理员'],
    [2, '编辑 李明'],
    [1, '编辑 李明'],
  ]);
  expect(history.body[2].bodyText).toBe('9月3日，初稿。');

  const stale = await api('POST', `/api/entries/${id}/revisions/restore`, { token: editor, body: { revision: 1, version: 2 } });
  expect(stale.status).toBe(409);
  const restored = await api('POST', `/api/entries/${id}/revisions/restore`, { token: editor, body: { revision: 1, version: 3 } });
  expect(restored.status).toBe(201);
  expect(restored.body).toMatchObject({ version: 4, title: '历史测试条目', bodyText: '9月3日，初稿。' });
  const after = await api<any[]>('GET', `/api/entries/${id}/revisions`, { token: editor });
  expect(after.body.map((revision) => revision.version)).toEqual([4, 3, 2, 1]);

  expect((await api('POST', `/api/entries/${id}/revisions/restore`, { token: editor, body: { revision: 99, version: 4 } })).status).toBe(404);
});
