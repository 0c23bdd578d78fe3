import { api, compact, createTestIssue, currentVersion, finishedRendition, login, pdfPages, publishTestIssue } from './support';

jest.setTimeout(90000);

let editor: string;
let reviewer: string;

beforeAll(async () => {
  [editor, reviewer] = await Promise.all([login('editor'), login('reviewer')]);
});

const version = (kind: 'issues' | 'entries', id: string) => currentVersion(editor, kind, id);

/** A one-entry issue driven through review, sign-off and publication, with its final PDF. */
const publishedIssue = (title: string) => publishTestIssue({ editor, reviewer }, 2070, title);

it('corrects a published issue as a new revision with a new final PDF, keeping the old one', async () => {
  const { issueId, entryId, final } = await publishedIssue('勘误前的标题');
  const issueVersion = await version('issues', issueId);

  expect((await api('POST', `/api/issues/${issueId}/corrections`, { token: editor, body: { version: issueVersion, reason: '标题有误', entries: [{ entryId, title: 'x' }] } })).status).toBe(403);
  const noReason = await api('POST', `/api/issues/${issueId}/corrections`, { token: reviewer, body: { version: issueVersion, reason: '', entries: [{ entryId, title: 'x' }] } });
  expect(noReason.status).toBe(400);
  expect(noReason.body.message).toContain('reason');

  const corrected = await api('POST', `/api/issues/${issueId}/corrections`, {
    token: reviewer,
    body: { version: issueVersion, reason: '标题中的单位名称有误', entries: [{ entryId, title: '勘误后的标题', bodyText: '3月2日，更正后的正文。' }] },
  });
  expect(corrected.status).toBe(201);
  expect(corrected.body).toMatchObject({ revision: 2, reason: '标题中的单位名称有误' });

  const issue = (await api('GET', `/api/issues/${issueId}`, { token: editor })).body;
  expect(issue).toMatchObject({ status: 'published', revision: 2 });
  // The published entry row stays as printed.
  expect((await api('GET', `/api/entries/${entryId}`, { token: editor })).body.title).toBe('勘误前的标题');

  const old = (await api('GET', `/api/renditions/${final.id}`, { token: editor })).body;
  expect(old.supersededAt).toEqual(expect.any(String));
  const oldPdf = await api<Buffer>('GET', `/api/renditions/${final.id}/file`, { token: editor });
  expect(compact(pdfPages(oldPdf.body).join(''))).toContain('勘误前的标题');

  const replacement = await finishedRendition(editor, corrected.body.rendition.id);
  expect(replacement).toMatchObject({ kind: 'final', issueRevision: 2, supersededAt: null });
  const text = compact(pdfPages((await api<Buffer>('GET', `/api/renditions/${replacement.id}/file`, { token: editor })).body).join(''));
  expect(text).toContain('勘误后的标题');
  expect(text).toContain('更正后的正文');
  expect(text).not.toContain('勘误前的标题');

  const list = await api<any[]>('GET', `/api/issues/${issueId}/corrections`, { token: editor });
  expect(list.body.map((row) => [row.revision, row.reason, row.createdByName])).toEqual([[2, '标题中的单位名称有误', '审核 王芳']]);

  const stale = await api('POST', `/api/issues/${issueId}/corrections`, { token: reviewer, body: { version: issueVersion, reason: '再次更正', entries: [{ entryId, title: '又一个标题' }] } });
  expect(stale.status).toBe(409);
});

it('refuses a correction of an issue that is not published, or of an entry of another issue', async () => {
  const draft = await createTestIssue<{ id: string; version: number }>(editor, 2070);
  const refused = await api('POST', `/api/issues/${draft.id}/corrections`, { token: reviewer, body: { version: draft.version, reason: '没有发布', entries: [{ entryId: '00000000-0000-4000-8000-000000000000', title: 'x' }] } });
  expect(refused.status).toBe(409);
  expect(refused.body.message).toContain('尚未发布');
  const { issueId } = await publishedIssue('另一期的条目');
  const foreign = await api('POST', `/api/issues/${issueId}/corrections`, { token: reviewer, body: { version: await version('issues', issueId), reason: '条目不属于本期', entries: [{ entryId: '00000000-0000-4000-8000-000000000000', title: 'x' }] } });
  expect(foreign.status).toBe(400);
});
