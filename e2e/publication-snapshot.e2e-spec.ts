/**
 * A publication is a snapshot: once an issue is published, what its final PDF prints is fixed.
 * An admin renaming the issue's section or a unit on its distribution list, or editing the
 * masthead, changes what later issues print, never what this one printed: asking for its final
 * again answers the final already made, and a correction (勘误) prints the corrected entry with
 * the wording the issue was published with. The section and the unit are this file's own; the
 * masthead (shared by every issue) is put back as it was at the end.
 */
import { api, compact, correctTestIssue, createTestIssue, finishedRendition, login, pdfPages, publishTestIssue, transition } from './support';

jest.setTimeout(120_000);

const suffix = Math.random().toString(36).slice(2, 8);
const NAMES = {
  section: `快照栏目${suffix}`,
  sectionRenamed: `改名栏目${suffix}`,
  unit: `快照单位${suffix}`,
  unitRenamed: `改名单位${suffix}`,
  email: `published-${suffix}@example.test`,
  emailRenamed: `renamed-${suffix}@example.test`,
};

let admin: string;
let editor: string;
let reviewer: string;
let originalEmail: string;

beforeAll(async () => {
  [admin, editor, reviewer] = await Promise.all([login('admin'), login('editor'), login('reviewer')]);
  originalEmail = (await api('GET', '/api/settings/masthead', { token: admin })).body.email;
});

afterAll(async () => {
  await api('PUT', '/api/settings/masthead', { token: admin, body: { email: originalEmail } });
});

async function pdfText(renditionId: string): Promise<string> {
  const file = await api<Buffer>('GET', `/api/renditions/${renditionId}/file`, { token: editor });
  expect(file.status).toBe(200);
  return compact(pdfPages(file.body).join(''));
}

async function finals(issueId: string): Promise<Array<{ id: string; status: string; issueRevision: number; supersededAt: string | null }>> {
  const filter = encodeURIComponent(JSON.stringify({ issueId, kind: 'final' }));
  return (await api('GET', `/api/renditions?filter=${filter}&sort=${encodeURIComponent('["createdAt","ASC"]')}`, { token: editor })).body;
}

async function put(route: string, body: object): Promise<void> {
  const response = await api('PUT', route, { token: admin, body });
  expect(response.status).toBe(200);
}

it('prints a published issue as published, whatever is renamed afterwards; a correction prints the corrected entry with the published wording', async () => {
  const section = await api('POST', '/api/sections', { token: admin, body: { key: `snapshot-${suffix}`, name: NAMES.section, position: 9300 } });
  expect(section.status).toBe(201);
  const unit = await api('POST', '/api/recipients', { token: admin, body: { name: NAMES.unit, category: '快照测试', position: 9300 } });
  expect(unit.status).toBe(201);
  await put('/api/settings/masthead', { email: NAMES.email });

  const { issueId, entryId, final } = await publishTestIssue({ editor, reviewer }, 2040, '发布时的条目标题', [unit.body.id], section.body.id);
  expect(final.issueRevision).toBe(1);
  const published = await pdfText(final.id);
  for (const wording of [NAMES.section, NAMES.unit, NAMES.email, '发布时的条目标题']) expect(published).toContain(wording);

  // An admin renames the section and the unit, and edits the masthead.
  await put(`/api/sections/${section.body.id}`, { name: NAMES.sectionRenamed });
  await put(`/api/recipients/${unit.body.id}`, { name: NAMES.unitRenamed });
  await put('/api/settings/masthead', { email: NAMES.emailRenamed });

  // Asking for the final again answers the one made at publication: no second final, no new wording.
  const again = await api('POST', `/api/issues/${issueId}/renditions`, { token: editor, body: { kind: 'final' } });
  expect(again.status).toBe(202);
  expect(again.body).toMatchObject({ id: final.id, status: 'done', issueRevision: 1, supersededAt: null });
  const reread = await pdfText(again.body.id);
  for (const wording of [NAMES.section, NAMES.unit, NAMES.email]) expect(reread).toContain(wording);
  for (const wording of [NAMES.sectionRenamed, NAMES.unitRenamed, NAMES.emailRenamed]) expect(reread).not.toContain(wording);
  expect((await api('GET', `/api/issues/${issueId}`, { token: editor })).body.revision).toBe(1);
  expect((await finals(issueId)).map((row) => [row.id, row.status, row.issueRevision])).toEqual([[final.id, 'done', 1]]);

  // A correction is the one way to a new final: revision 2 prints the corrected entry, and the
  // rest as it was published, not as renamed since.
  const issueVersion = (await api('GET', `/api/issues/${issueId}`, { token: editor })).body.version;
  const corrected = await correctTestIssue({ editor, reviewer }, issueId, { version: issueVersion, reason: '条目标题有误', entries: [{ entryId, title: '勘误后的条目标题' }] });
  expect(corrected.status).toBe(200);
  expect(corrected.body.revision).toBe(2);
  const replacement = await finishedRendition(editor, corrected.body.rendition.id);
  expect(replacement).toMatchObject({ kind: 'final', issueRevision: 2, supersededAt: null });
  const correctedText = await pdfText(replacement.id);
  for (const wording of ['勘误后的条目标题', NAMES.section, NAMES.unit, NAMES.email]) expect(correctedText).toContain(wording);
  for (const wording of [NAMES.sectionRenamed, NAMES.unitRenamed, NAMES.emailRenamed]) expect(correctedText).not.toContain(wording);
  // The published title is printed once more, in the 勘误 notice only.
  expect(correctedText.replaceAll('原题《发布时的条目标题》', '')).not.toContain('发布时的条目标题');
  expect(correctedText).toContain('原题《发布时的条目标题》');

  // The revision-1 final is superseded by revision 2's, and can still be downloaded as it was.
  const rows = await finals(issueId);
  expect(rows.map((row) => [row.id, row.status, row.issueRevision, row.supersededAt !== null])).toEqual([
    [final.id, 'done', 1, true],
    [replacement.id, 'done', 2, false],
  ]);
  expect(await pdfText(final.id)).toContain('发布时的条目标题');

  // Asking again now answers revision 2's final.
  const afterCorrection = await api('POST', `/api/issues/${issueId}/renditions`, { token: editor, body: { kind: 'final' } });
  expect(afterCorrection.body).toMatchObject({ id: replacement.id, issueRevision: 2 });
});

it('refuses a correction that changes nothing in the published wording', async () => {
  const { issueId, entryId } = await publishTestIssue({ editor, reviewer }, 2040, '无需更正的条目');
  const issueVersion = (await api('GET', `/api/issues/${issueId}`, { token: editor })).body.version;
  const unchanged = await api('POST', `/api/issues/${issueId}/corrections`, {
    token: editor,
    body: { version: issueVersion, reason: '核对后以为标题有误', entries: [{ entryId, title: '无需更正的条目' }] },
  });
  expect(unchanged.status).toBe(400);
  expect(unchanged.body.message).toContain('没有改变');
  expect((await api('GET', `/api/issues/${issueId}`, { token: editor })).body.revision).toBe(1);
});

it('publishes what the issue holds at publication: a final made while signed off from other wording is superseded', async () => {
  const section = await api('POST', '/api/sections', { token: admin, body: { key: `signed-${suffix}`, name: `签发时栏目${suffix}`, position: 9301 } });
  expect(section.status).toBe(201);
  const issue = await createTestIssue<{ id: string; year: number; month: number }>(editor, 2040);
  const eventDate = `${issue.year}-${String(issue.month).padStart(2, '0')}-03`;
  const entry = await api('POST', '/api/entries', { token: editor, body: { title: '签发后改名的栏目中的条目', sectionId: section.body.id, issueId: issue.id, eventDate, bodyText: '3日，正文。' } });
  expect(entry.status).toBe(201);
  await transition(editor, 'entries', entry.body.id, 'submit');
  await transition(reviewer, 'entries', entry.body.id, 'approve');
  await transition(editor, 'issues', issue.id, 'submit-review');
  await transition(reviewer, 'issues', issue.id, 'sign-off');
  const signedOff = await api('POST', `/api/issues/${issue.id}/renditions`, { token: editor, body: { kind: 'final' } });
  const early = await finishedRendition(editor, signedOff.body.id);

  await put(`/api/sections/${section.body.id}`, { name: `发布时栏目${suffix}` });
  await transition(reviewer, 'issues', issue.id, 'publish');

  const requested = await api('POST', `/api/issues/${issue.id}/renditions`, { token: editor, body: { kind: 'final' } });
  expect(requested.body.id).not.toBe(early.id);
  const published = await finishedRendition(editor, requested.body.id);
  expect(await pdfText(published.id)).toContain(`发布时栏目${suffix}`);
  const rows = await finals(issue.id);
  expect(rows.map((row) => [row.id, row.status, row.issueRevision, row.supersededAt !== null])).toEqual([
    [early.id, 'done', 1, true],
    [published.id, 'done', 1, false],
  ]);
  expect(await pdfText(early.id)).toContain(`签发时栏目${suffix}`);
});
