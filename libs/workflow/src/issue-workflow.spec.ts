import { ISSUE_MATRIX } from '../testing/expected-matrix';
import { allowedActions, decide, ISSUE_ACTIONS, type IssueAction, type IssueEntrySummary, type IssueState, type WorkflowRole } from './index';

type Outcome = IssueState | 'role' | 'state';

const STATES: IssueState[] = ['drafting', 'in_review', 'approved', 'published'];

const TABLE = ISSUE_MATRIX;

const APPROVED: IssueEntrySummary[] = [
  { title: '区委召开常委会会议', status: 'approved' },
  { title: '区政协开展专题视察', status: 'approved' },
];
const CHINESE = /[\u4e00-\u9fff]/;

it('covers every action in every state', () => {
  const covered = TABLE.map(([action, state]) => `${action}/${state}`).sort();
  expect(covered).toEqual(ISSUE_ACTIONS.flatMap((action) => STATES.map((state) => `${action}/${state}`)).sort());
});

describe.each(TABLE)('%s from %s', (action, state, editor, reviewer, admin) => {
  it.each([['editor', editor], ['reviewer', reviewer], ['admin', admin]] as [WorkflowRole, Outcome][])('as %s: %s', (role, expected) => {
    const decision = decide('issue', action, state, [role], { entries: APPROVED, comment: '请补充十月份条目' });
    if (expected === 'role' || expected === 'state') {
      expect(decision).toEqual({ ok: false, reason: expected, message: expect.stringMatching(CHINESE) });
    } else {
      expect(decision).toEqual({ ok: true, to: expected });
    }
  });
});

it('refuses a sign-off while entries are not approved, naming them and their state', () => {
  const entries: IssueEntrySummary[] = [...APPROVED, { title: '某街道举办文化节', status: 'submitted' }, { title: '区人大视察', status: 'draft' }];
  const decision = decide('issue', 'sign_off', 'in_review', ['reviewer'], { entries, label: '总第98期' });
  expect(decision).toEqual({
    ok: false,
    reason: 'state',
    message: '总第98期还有 2 个条目未审核通过，不能签发：《某街道举办文化节》（待审）、《区人大视察》（草稿）。',
  });
});

it('names at most ten entries and gives the total', () => {
  const entries = Array.from({ length: 12 }, (_, index): IssueEntrySummary => ({ title: `条目${index + 1}`, status: 'submitted' }));
  const decision = decide('issue', 'sign_off', 'in_review', ['admin'], { entries });
  expect(!decision.ok && decision.message).toContain('《条目10》（待审）等共 12 个');
  expect(!decision.ok && decision.message).not.toContain('《条目11》');
});

it('refuses to sign off or send to review an issue without entries, or when the entries are unknown', () => {
  expect(decide('issue', 'sign_off', 'in_review', ['reviewer'], { entries: [] })).toMatchObject({ ok: false, reason: 'state', message: '该期刊还没有条目，不能签发。' });
  expect(decide('issue', 'sign_off', 'in_review', ['reviewer'])).toMatchObject({ ok: false, reason: 'state' });
  expect(decide('issue', 'submit_review', 'drafting', ['editor'])).toMatchObject({ ok: false, reason: 'state', message: '该期刊还没有条目，不能送审。' });
});

it('sends an issue to review only when every entry has been submitted', () => {
  const entries: IssueEntrySummary[] = [{ title: '甲', status: 'submitted' }, { title: '乙', status: 'changes_requested' }];
  expect(decide('issue', 'submit_review', 'drafting', ['editor'], { entries })).toMatchObject({
    ok: false,
    reason: 'state',
    message: expect.stringContaining('还有 1 个条目尚未提交审核，不能送审：《乙》（退回修改）'),
  });
  expect(decide('issue', 'submit_review', 'drafting', ['editor'], { entries: [{ title: '甲', status: 'submitted' }, ...APPROVED] })).toEqual({ ok: true, to: 'in_review' });
});

it('requires a comment to return an issue', () => {
  expect(decide('issue', 'return', 'in_review', ['reviewer'], { comment: ' ' })).toEqual({ ok: false, reason: 'input', message: expect.stringContaining('必须填写意见') });
});

it('explains that a published issue is frozen and corrections are 勘误', () => {
  for (const action of ISSUE_ACTIONS) {
    const decision = decide('issue', action, 'published', ['admin'], { entries: APPROVED, comment: '需要更正', label: '总第97期' });
    expect(decision).toMatchObject({ ok: false, reason: 'state', message: expect.stringMatching(/^总第97期已发布/) });
  }
  const edit = decide('issue', 'edit', 'published', ['editor']);
  expect(!edit.ok && edit.message).toContain('勘误');
});

it('leaves publishing to reviewers and admins: an editor is told who may', () => {
  expect(decide('issue', 'publish', 'approved', ['editor'])).toEqual({ ok: false, reason: 'role', message: '只有审核或管理员可以发布（您的角色：编辑）。' });
});

it('lists the actions a role can take now', () => {
  expect(allowedActions('issue', 'in_review', ['reviewer'], { entries: APPROVED })).toEqual(['return', 'sign_off']);
  expect(allowedActions('issue', 'in_review', ['reviewer'], { entries: [{ title: '甲', status: 'submitted' }] })).toEqual(['return']);
  expect(allowedActions('issue', 'drafting', ['editor'], { entries: APPROVED })).toEqual(['edit', 'submit_review']);
  expect(allowedActions('issue', 'published', ['admin'])).toEqual([]);
});
