/**
 * The editorial workflow enforced by the server, against the running stack: every role
 * (editor, reviewer, admin) tries every entry action in every entry state and every issue
 * action in every issue state, on records driven into that state through the API. Allowed:
 * 200/201 and the new state. Not allowed: 403 (the role may never do it) or 409 (not in this
 * state), with a message in Chinese. Then the rules a user notices on the way: sign-off names
 * the entries still unapproved, a published issue is frozen, a return needs a comment.
 *
 * The test creates about twenty issues. Their serial numbers stay below 97, the seeded reference
 * issue's, so that lists sorted by serial number, newest first, still show 总第97期 on their
 * first page for the tests that look for it there.
 */
import { ENTRY_MATRIX, ISSUE_MATRIX, type Outcome } from '../libs/workflow/testing/expected-matrix';
import { api, createTestIssue, login, type ApiResponse } from './support';

jest.setTimeout(60000);

type Role = 'editor' | 'reviewer' | 'admin';
type EntryState = 'draft' | 'submitted' | 'approved' | 'changes_requested';
type IssueState = 'drafting' | 'in_review' | 'approved' | 'published';
type EntryAction = 'edit' | 'arrange' | 'submit' | 'withdraw' | 'approve' | 'return' | 'comment';
type IssueAction = 'edit' | 'submit_review' | 'return' | 'sign_off' | 'publish';
/** A new state, or the refusal: 'role' is a 403, 'state' a 409. */

interface EntryRecord { id: string; title: string; status: EntryState; version: number; issueId: string | null }
interface IssueRecord {
  id: string; serialNumber: number; status: IssueState; version: number;
  signedOffAt: string | null; signedOffById: string | null; publishedAt: string | null;
}

/** What the API answers to an action: the record, or a refusal with its message. */
interface Reply { message?: string; status?: string; currentVersion?: number; [field: string]: unknown }

const ROLES: Role[] = ['editor', 'reviewer', 'admin'];
const CHINESE = /[\u4e00-\u9fff]/;

let tokens: Record<Role, string>;
let userIds: Record<Role, string>;
let sectionId: string;
/** The drafting issue the entries of the entry matrix belong to. */
let entriesIssue: IssueRecord;

beforeAll(async () => {
  const [editor, reviewer, admin] = await Promise.all(ROLES.map((role) => login(role)));
  tokens = { editor, reviewer, admin };
  const me = await Promise.all(ROLES.map((role) => api<{ id: string }>('GET', '/api/auth/me', { token: tokens[role] })));
  userIds = { editor: me[0].body.id, reviewer: me[1].body.id, admin: me[2].body.id };
  const sections = await api<{ id: string }[]>('GET', '/api/sections', { token: editor });
  sectionId = sections.body[0].id;
  entriesIssue = await createIssue();
});

// --- records driven through the API ------------------------------------------------------

/** A fresh drafting issue with (year, month) in 2031–2039, which the other end-to-end tests leave alone. */
const createIssue = () => createTestIssue<IssueRecord>(tokens.editor, 2031);

async function createEntry(issueId: string | null, title = `工作流测试条目${Math.random().toString(36).slice(2, 8)}`): Promise<EntryRecord> {
  const response = await api<EntryRecord>('POST', '/api/entries', {
    token: tokens.editor,
    body: { title, sectionId, issueId, eventDate: '2030-12-08', bodyText: '12月8日，初稿。' },
  });
  expect(response.status).toBe(201);
  return response.body;
}

const getEntry = async (id: string) => (await api<EntryRecord>('GET', `/api/entries/${id}`, { token: tokens.admin })).body;
const getIssue = async (id: string) => (await api<IssueRecord>('GET', `/api/issues/${id}`, { token: tokens.admin })).body;

/** One entry action as `role`, carrying the version just read, as the admin would. */
async function entryAction(role: Role, action: EntryAction, id: string, extra: Record<string, unknown> = {}): Promise<ApiResponse<Reply>> {
  const { version } = await getEntry(id);
  const token = tokens[role];
  switch (action) {
    case 'edit':
      return api('PUT', `/api/entries/${id}`, { token, body: { version, bodyText: `12月8日，${role}改过的正文。`, ...extra } });
    case 'arrange':
      return api('PUT', `/api/entries/${id}`, { token, body: { version, position: 7, ...extra } });
    case 'comment':
      return api('POST', `/api/entries/${id}/comments`, { token, body: { body: '已阅，请注意事件日期。', ...extra } });
    case 'return':
      return api('POST', `/api/entries/${id}/return`, { token, body: { version, comment: '请核实事件日期。', ...extra } });
    default:
      return api('POST', `/api/entries/${id}/${action}`, { token, body: { version, ...extra } });
  }
}

async function expectOk(response: ApiResponse<Reply>, status = 200): Promise<void> {
  if (response.status !== status) throw new Error(`expected ${status}, got ${response.status}: ${JSON.stringify(response.body)}`);
}

/** An entry brought to `state` the way the office does it: the editor submits, the reviewer decides. */
async function entryIn(state: EntryState, issueId: string | null = entriesIssue.id, title?: string): Promise<string> {
  const { id } = await createEntry(issueId, title);
  if (state === 'draft') return id;
  await expectOk(await entryAction('editor', 'submit', id));
  if (state === 'approved') await expectOk(await entryAction('reviewer', 'approve', id));
  if (state === 'changes_requested') await expectOk(await entryAction('reviewer', 'return', id));
  return id;
}

async function issueAction(role: Role, action: IssueAction, id: string, extra: Record<string, unknown> = {}): Promise<ApiResponse<Reply>> {
  const { version } = await getIssue(id);
  const token = tokens[role];
  switch (action) {
    case 'edit':
      return api('PUT', `/api/issues/${id}`, { token, body: { version, compiler: '中原区地方史志办公室', ...extra } });
    case 'return':
      return api('POST', `/api/issues/${id}/return`, { token, body: { version, comment: '请补充本月条目。', ...extra } });
    case 'submit_review':
    case 'sign_off':
      // The entries here are dated 2030年12月, outside these issues' periods: confirmed, as an
      // editor would. That check has its own tests (event-dates.e2e-spec.ts).
      return api('POST', `/api/issues/${id}/${action.replace('_', '-')}`, { token, body: { version, confirmOutOfPeriod: true, ...extra } });
    default:
      return api('POST', `/api/issues/${id}/${action.replace('_', '-')}`, { token, body: { version, ...extra } });
  }
}

/** A fresh issue with one approved entry, brought to `state` by editor and reviewer. */
async function issueIn(state: IssueState): Promise<IssueRecord> {
  const issue = await createIssue();
  await entryIn('approved', issue.id);
  if (state !== 'drafting') await expectOk(await issueAction('editor', 'submit_review', issue.id));
  if (state === 'approved' || state === 'published') await expectOk(await issueAction('reviewer', 'sign_off', issue.id));
  if (state === 'published') await expectOk(await issueAction('reviewer', 'publish', issue.id));
  return getIssue(issue.id);
}

/** Refusals change nothing, so one issue per state serves them all. */
const sharedIssues = new Map<IssueState, Promise<IssueRecord>>();
function sharedIssueIn(state: IssueState): Promise<IssueRecord> {
  if (!sharedIssues.has(state)) sharedIssues.set(state, issueIn(state));
  return sharedIssues.get(state)!;
}

function expectRefusal(response: ApiResponse<Reply>, outcome: 'role' | 'state'): void {
  expect({ status: response.status, message: response.body.message }).toEqual({
    status: outcome === 'role' ? 403 : 409,
    message: expect.stringMatching(CHINESE),
  });
}

const asRoles = <T>(outcomes: [T, T, T]) => ROLES.map((role, index): [Role, T] => [role, outcomes[index]]);

// --- the matrices ------------------------------------------------------------------------

describe('every entry action, in every entry state, for every role', () => {
  describe.each(ENTRY_MATRIX)('%s an entry that is %s', (action, state, ...outcomes) => {
    it.each(asRoles(outcomes))('as %s: %s', async (role, expected) => {
      const id = await entryIn(state);
      const before = await getEntry(id);
      const response = await entryAction(role, action, id);
      const after = await getEntry(id);
      if (expected === 'role' || expected === 'state') {
        expectRefusal(response, expected);
        expect([after.status, after.version]).toEqual([state, before.version]);
        return;
      }
      expect(response.status).toBe(action === 'comment' ? 201 : 200);
      if (action !== 'comment') expect(response.body).toMatchObject({ id, status: expected, version: before.version + 1 });
      // A comment is no new version of the entry; every other action is one.
      expect([after.status, after.version]).toEqual([expected, before.version + (action === 'comment' ? 0 : 1)]);
    });
  });
});

describe('every issue action, in every issue state, for every role', () => {
  describe.each(ISSUE_MATRIX)('%s an issue that is %s', (action, state, ...outcomes) => {
    it.each(asRoles(outcomes))('as %s: %s', async (role, expected) => {
      const changesState = expected !== 'role' && expected !== 'state' && expected !== state;
      const issue = changesState ? await issueIn(state) : await sharedIssueIn(state);
      const before = await getIssue(issue.id);
      expect(before.status).toBe(state);
      const response = await issueAction(role, action, issue.id);
      const after = await getIssue(issue.id);
      if (expected === 'role' || expected === 'state') {
        expectRefusal(response, expected);
        expect([after.status, after.version]).toEqual([state, before.version]);
        return;
      }
      expect(response.status).toBe(200);
      expect(response.body).toMatchObject({ id: issue.id, status: expected, version: before.version + 1 });
      expect(after.status).toBe(expected);
      if (action === 'sign_off') expect(after).toMatchObject({ signedOffById: userIds[role], signedOffAt: expect.any(String) });
      if (action === 'publish') expect(after.publishedAt).toEqual(expect.any(String));
      if (action === 'return') expect([after.signedOffAt, after.signedOffById]).toEqual([null, null]);
    });
  });
});

// --- what a user notices on the way ------------------------------------------------------

describe('sign-off and review of a whole issue', () => {
  it('refuses the sign-off while entries are not approved, naming exactly those entries', async () => {
    const issue = await createIssue();
    await entryIn('approved', issue.id, '区委召开常委会会议');
    await entryIn('submitted', issue.id, '区政协开展民生实事专题视察');
    await expectOk(await issueAction('editor', 'submit_review', issue.id));
    const refused = await issueAction('reviewer', 'sign_off', issue.id);
    expect(refused.status).toBe(409);
    expect(refused.body.message).toBe(`总第${issue.serialNumber}期还有 1 个条目未审核通过，不能签发：《区政协开展民生实事专题视察》（待审）。`);
    expect(refused.body.message).not.toContain('区委召开常委会会议');
    expect((await getIssue(issue.id)).status).toBe('in_review');
  });

  it('refuses to send an issue to review while entries are still drafts, naming them', async () => {
    const issue = await createIssue();
    await entryIn('approved', issue.id);
    await entryIn('draft', issue.id, '尚未提交的条目');
    const refused = await issueAction('editor', 'submit_review', issue.id);
    expect(refused.status).toBe(409);
    expect(refused.body.message).toContain('《尚未提交的条目》（草稿）');
  });

  it('locks the entries of a signed-off issue until a reviewer returns it, with the comment in its history', async () => {
    const issue = await issueIn('approved');
    const [entry] = (await api<EntryRecord[]>('GET', `/api/entries?filter=${encodeURIComponent(JSON.stringify({ issueId: issue.id }))}`, { token: tokens.editor })).body;
    const locked = await entryAction('editor', 'edit', entry.id);
    expect(locked.status).toBe(409);
    expect(locked.body.message).toContain('已签发');
    expect((await api('POST', '/api/entries', { token: tokens.editor, body: { title: '后加的条目', sectionId, issueId: issue.id, eventDate: '2030-12-09' } })).status).toBe(409);

    await expectOk(await issueAction('reviewer', 'return', issue.id, { comment: '第二条日期有误，请改正后重新送审。' }));
    const history = await api<{ action: string; comment: string | null; actorName: string }[]>('GET', `/api/issues/${issue.id}/history`, { token: tokens.editor });
    expect(history.body.at(-1)).toMatchObject({ action: 'issue.return', comment: '第二条日期有误，请改正后重新送审。', actorName: '审核 王芳' });
    const edited = await entryAction('editor', 'edit', entry.id);
    expect(edited.status).toBe(200);
    expect(edited.body.status).toBe('submitted');
  });

  it('records every transition in the audit trail, with who did it', async () => {
    const issue = await issueIn('published');
    const filter = encodeURIComponent(JSON.stringify({ entityId: issue.id }));
    const events = await api<{ action: string; actorName: string }[]>('GET', `/api/audit-events?filter=${filter}&sort=["createdAt","ASC"]`, { token: tokens.admin });
    expect(events.body.map((event) => [event.action, event.actorName])).toEqual([
      ['issue.create', 'editor'],
      ['issue.submit_review', 'editor'],
      ['issue.sign_off', 'reviewer'],
      ['issue.publish', 'reviewer'],
    ]);
  });
});

describe('a published issue', () => {
  it('is frozen: its data, its entries and its workflow all refuse changes', async () => {
    const issue = await sharedIssueIn('published');
    expect(issue.publishedAt).toEqual(expect.any(String));
    const [entry] = (await api<EntryRecord[]>('GET', `/api/entries?filter=${encodeURIComponent(JSON.stringify({ issueId: issue.id }))}`, { token: tokens.editor })).body;

    const putIssue = await issueAction('admin', 'edit', issue.id, { title: '改过的刊名' });
    expect(putIssue.status).toBe(409);
    expect(putIssue.body.message).toContain(`总第${issue.serialNumber}期已发布`);
    const putEntry = await entryAction('admin', 'edit', entry.id);
    expect(putEntry.status).toBe(409);
    expect(putEntry.body.message).toContain('已发布，内容已冻结');
    expect((await entryAction('admin', 'arrange', entry.id)).status).toBe(409);
    expect((await entryAction('admin', 'return', entry.id)).status).toBe(409);
    expect((await api('DELETE', `/api/entries/${entry.id}`, { token: tokens.admin })).status).toBe(409);
    const added = await api('POST', '/api/entries', { token: tokens.editor, body: { title: '后加的条目', sectionId, issueId: issue.id, eventDate: '2030-12-09' } });
    expect(added.status).toBe(409);
    const loose = await createEntry(null);
    expect((await entryAction('editor', 'arrange', loose.id, { issueId: issue.id })).status).toBe(409);
    expect((await api('DELETE', `/api/issues/${issue.id}`, { token: tokens.admin })).status).toBe(409);

    const unchanged = await getEntry(entry.id);
    expect([unchanged.status, unchanged.issueId, unchanged.version]).toEqual(['approved', issue.id, entry.version]);
    // Comments change no content: a reader may still note an error for the next correction.
    expect((await entryAction('reviewer', 'comment', entry.id, { body: '第二段有错字，勘误时处理。' })).status).toBe(201);
  });
});

describe('returns and review comments', () => {
  it('refuses a return without a comment with 400, on entries and issues', async () => {
    const id = await entryIn('submitted');
    for (const comment of [undefined, '', '  ', '改']) {
      const response = await entryAction('reviewer', 'return', id, { comment });
      expect(response.status).toBe(400);
      expect(response.body.message).toContain('修改意见');
    }
    expect((await getEntry(id)).status).toBe('submitted');
    const issue = await issueIn('in_review');
    const response = await issueAction('reviewer', 'return', issue.id, { comment: undefined });
    expect(response.status).toBe(400);
    expect(response.body.message).toContain('必须填写意见');
  });

  it('keeps the reviewer’s comment on the version returned, and lets the editor resubmit or rework', async () => {
    const id = await entryIn('submitted');
    const read = await getEntry(id);
    await expectOk(await entryAction('reviewer', 'return', id, { comment: '标题过长，请压缩到二十字以内。' }));
    await expectOk(await entryAction('editor', 'comment', id, { body: '已按意见修改。' }), 201);
    const comments = await api<{ body: string; entryVersion: number; author: { username: string } }[]>('GET', `/api/entries/${id}/comments`, { token: tokens.editor });
    expect(comments.body.map((comment) => [comment.author.username, comment.entryVersion, comment.body])).toEqual([
      ['reviewer', read.version, '标题过长，请压缩到二十字以内。'],
      ['editor', read.version + 1, '已按意见修改。'],
    ]);

    await expectOk(await entryAction('editor', 'submit', id));
    await expectOk(await entryAction('reviewer', 'return', id, { comment: '仍需核实日期。' }));
    await expectOk(await entryAction('editor', 'edit', id));
    await expectOk(await entryAction('editor', 'submit', id));
    await expectOk(await entryAction('reviewer', 'approve', id));

    const filter = encodeURIComponent(JSON.stringify({ entityId: id }));
    const events = await api<{ action: string }[]>('GET', `/api/audit-events?filter=${filter}&sort=["createdAt","ASC"]`, { token: tokens.admin });
    expect(events.body.map((event) => event.action)).toEqual([
      'entry.create', 'entry.submit', 'entry.return', 'entry.comment', 'entry.resubmit', 'entry.return', 'entry.update', 'entry.submit', 'entry.approve',
    ]);
    // Every transition is a saved version of the entry, with the state it left the entry in.
    const revisions = await api<{ version: number; status: EntryState }[]>('GET', `/api/entries/${id}/revisions`, { token: tokens.editor });
    expect(revisions.body.map((revision) => revision.status).reverse()).toEqual([
      'draft', 'submitted', 'changes_requested', 'submitted', 'changes_requested', 'draft', 'submitted', 'approved',
    ]);
  });

  it('refuses an empty comment and a comment on a missing entry', async () => {
    const id = await entryIn('draft');
    expect((await entryAction('reviewer', 'comment', id, { body: '   ' })).status).toBe(400);
    expect((await api('GET', '/api/entries/00000000-0000-4000-8000-000000000000/comments', { token: tokens.editor })).status).toBe(404);
  });
});

describe('stale versions', () => {
  it('answers 409 with the current version when the client read an old one', async () => {
    const id = await entryIn('submitted');
    const { version } = await getEntry(id);
    await expectOk(await entryAction('editor', 'withdraw', id));
    await expectOk(await entryAction('editor', 'submit', id));
    const stale = await api('POST', `/api/entries/${id}/approve`, { token: tokens.reviewer, body: { version } });
    expect(stale.status).toBe(409);
    expect(stale.body).toMatchObject({ currentVersion: version + 2, message: expect.stringContaining(`第 ${version} 版`) });

    const issue = await issueIn('in_review');
    const staleIssue = await api('POST', `/api/issues/${issue.id}/sign-off`, { token: tokens.reviewer, body: { version: issue.version - 1 } });
    expect(staleIssue.status).toBe(409);
    expect(staleIssue.body.currentVersion).toBe(issue.version);
    expect((await getIssue(issue.id)).status).toBe('in_review');
  });

  it('still answers 403 first to a role that could never act, whatever version it sends', async () => {
    const id = await entryIn('submitted');
    const response = await api('POST', `/api/entries/${id}/approve`, { token: tokens.editor, body: { version: 99 } });
    expect(response.status).toBe(403);
    expect(response.body.message).toBe('只有审核或管理员可以审核通过（您的角色：编辑）。');
  });
});
