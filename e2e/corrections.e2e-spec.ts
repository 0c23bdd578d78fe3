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

/** Today in the office's zone, as the notice prints it: 2026年12月6日. */
const officeToday = () => {
  const parts = Object.fromEntries(new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: 'numeric', day: 'numeric' }).formatToParts(new Date()).map((part) => [part.type, part.value]));
  return `${Number(parts.year)}年${Number(parts.month)}月${Number(parts.day)}日`;
};

const pdfText = async (renditionId: string) => compact(pdfPages((await api<Buffer>('GET', `/api/renditions/${renditionId}/file`, { token: editor })).body).join(''));

it('an editor starts a correction, a reviewer signs it off: a new revision whose final PDF prints the 勘误 notice, the old one kept', async () => {
  const { issueId, entryId, final } = await publishedIssue('勘误前的标题');
  const issueVersion = await version('issues', issueId);
  const body = { version: issueVersion, reason: '标题中的单位名称有误', entries: [{ entryId, title: '勘误后的标题', bodyText: '3月2日，更正后的正文。' }] };

  // Reviewers sign corrections off; editors start them.
  const byReviewer = await api('POST', `/api/issues/${issueId}/corrections`, { token: reviewer, body });
  expect(byReviewer.status).toBe(403);
  expect(byReviewer.body.message).toBe('只有编辑或管理员可以发起勘误（您的角色：审核）。');
  const noReason = await api('POST', `/api/issues/${issueId}/corrections`, { token: editor, body: { ...body, reason: '' } });
  expect(noReason.status).toBe(400);
  expect(noReason.body.message).toContain('reason');

  const started = await api('POST', `/api/issues/${issueId}/corrections`, { token: editor, body });
  expect(started.status).toBe(201);
  expect(started.body).toMatchObject({ status: 'pending', revision: null, reason: '标题中的单位名称有误' });
  // Nothing is published before the sign-off.
  expect((await api('GET', `/api/issues/${issueId}`, { token: editor })).body).toMatchObject({ status: 'published', revision: 1, version: issueVersion });
  const again = await api('POST', `/api/issues/${issueId}/corrections`, { token: editor, body: { ...body, reason: '再次更正标题' } });
  expect(again.status).toBe(409);
  expect(again.body.message).toContain('已有一项勘误等待签发');

  const signOffPath = `/api/issues/${issueId}/corrections/${started.body.id}/sign-off`;
  const byEditor = await api('POST', signOffPath, { token: editor, body: { version: issueVersion } });
  expect(byEditor.status).toBe(403);
  expect(byEditor.body.message).toContain('签发勘误');
  const signed = await api('POST', signOffPath, { token: reviewer, body: { version: issueVersion } });
  expect(signed.status).toBe(200);
  expect(signed.body).toMatchObject({ revision: 2, reason: '标题中的单位名称有误', status: 'signed_off' });
  expect((await api('POST', signOffPath, { token: reviewer, body: { version: issueVersion + 1 } })).body.message).toContain('已签发，无需重复签发');

  const issue = (await api('GET', `/api/issues/${issueId}`, { token: editor })).body;
  expect(issue).toMatchObject({ status: 'published', revision: 2 });
  // The published entry row stays as printed.
  expect((await api('GET', `/api/entries/${entryId}`, { token: editor })).body.title).toBe('勘误前的标题');

  const old = (await api('GET', `/api/renditions/${final.id}`, { token: editor })).body;
  expect(old.supersededAt).toEqual(expect.any(String));
  expect(await pdfText(final.id)).toContain('勘误前的标题');
  expect(await pdfText(final.id)).not.toContain('勘误说明');

  const replacement = await finishedRendition(editor, signed.body.rendition.id);
  expect(replacement).toMatchObject({ kind: 'final', issueRevision: 2, supersededAt: null });
  const text = await pdfText(replacement.id);
  expect(text).toContain('勘误后的标题');
  expect(text).toContain('更正后的正文');
  // The notice: revision and date of the sign-off, the reason, the entry with its title before.
  expect(text).toContain(`勘误说明第2版（${officeToday()}）`);
  expect(text).toContain('原因：标题中的单位名称有误');
  expect(text).toContain('更正条目：《勘误后的标题》（原题《勘误前的标题》）');
  expect(text.replaceAll('原题《勘误前的标题》', '')).not.toContain('勘误前的标题');

  const list = await api<any[]>('GET', `/api/issues/${issueId}/corrections`, { token: editor });
  expect(list.body.map((row) => [row.status, row.revision, row.reason, row.createdByName, row.decidedByName])).toEqual([
    ['signed_off', 2, '标题中的单位名称有误', '编辑 李明', '审核 王芳'],
  ]);
  const wording = await api<any[]>('GET', `/api/issues/${issueId}/corrections/wording`, { token: editor });
  expect(wording.body).toEqual([expect.objectContaining({ entryId, title: '勘误后的标题', bodyHtml: expect.stringContaining('更正后的正文') })]);
});

it('a reviewer returns a correction with a comment: nothing is published, and the editor may start another', async () => {
  const { issueId, entryId } = await publishedIssue('退回的勘误');
  const issueVersion = await version('issues', issueId);
  const started = await api('POST', `/api/issues/${issueId}/corrections`, { token: editor, body: { version: issueVersion, reason: '标题错字', entries: [{ entryId, title: '退回的勘误（改）' }] } });
  expect(started.status).toBe(201);
  const returnPath = `/api/issues/${issueId}/corrections/${started.body.id}/return`;
  const noComment = await api('POST', returnPath, { token: reviewer, body: { version: issueVersion } });
  expect(noComment.status).toBe(400);
  expect(noComment.body.message).toContain('退回勘误时必须填写意见');
  const returned = await api('POST', returnPath, { token: reviewer, body: { version: issueVersion, comment: '原因写得不清楚' } });
  expect(returned.status).toBe(200);
  expect(returned.body).toMatchObject({ status: 'returned', decisionComment: '原因写得不清楚' });
  expect((await api('GET', `/api/issues/${issueId}`, { token: editor })).body.revision).toBe(1);
  const signOff = await api('POST', `/api/issues/${issueId}/corrections/${started.body.id}/sign-off`, { token: reviewer, body: { version: issueVersion } });
  expect(signOff.status).toBe(409);
  expect(signOff.body.message).toContain('已退回');
  const another = await api('POST', `/api/issues/${issueId}/corrections`, { token: editor, body: { version: issueVersion, reason: '标题第三字有误', entries: [{ entryId, title: '退回的勘误（改）' }] } });
  expect(another.status).toBe(201);
});

it('refuses a correction of an issue that is not published, or of an entry of another issue', async () => {
  const draft = await createTestIssue<{ id: string; version: number }>(editor, 2070);
  const refused = await api('POST', `/api/issues/${draft.id}/corrections`, { token: editor, body: { version: draft.version, reason: '没有发布', entries: [{ entryId: '00000000-0000-4000-8000-000000000000', title: 'x' }] } });
  expect(refused.status).toBe(409);
  expect(refused.body.message).toContain('尚未发布');
  const { issueId } = await publishedIssue('另一期的条目');
  const foreign = await api('POST', `/api/issues/${issueId}/corrections`, { token: editor, body: { version: await version('issues', issueId), reason: '条目不属于本期', entries: [{ entryId: '00000000-0000-4000-8000-000000000000', title: 'x' }] } });
  expect(foreign.status).toBe(400);
  const missing = await api('POST', `/api/issues/${issueId}/corrections/00000000-0000-4000-8000-000000000000/sign-off`, { token: reviewer, body: { version: 1 } });
  expect(missing.status).toBe(404);
});
