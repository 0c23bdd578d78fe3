import { ENTRY_MATRIX } from '../testing/expected-matrix';
import { allowedActions, decide, ENTRY_ACTIONS, type EntryAction, type EntryState, type IssueState, type WorkflowRole } from './index';

/** What each role gets: the state the entry moves to, or why it is refused. */
type Outcome = EntryState | 'role' | 'state';

const STATES: EntryState[] = ['draft', 'submitted', 'approved', 'changes_requested'];

const TABLE = ENTRY_MATRIX;

const CHINESE = /[\u4e00-\u9fff]/;

it('covers every action in every state', () => {
  const covered = TABLE.map(([action, state]) => `${action}/${state}`).sort();
  expect(covered).toEqual(ENTRY_ACTIONS.flatMap((action) => STATES.map((state) => `${action}/${state}`)).sort());
});

describe.each(TABLE)('%s from %s', (action, state, editor, reviewer, admin) => {
  it.each([['editor', editor], ['reviewer', reviewer], ['admin', admin]] as [WorkflowRole, Outcome][])('as %s: %s', (role, expected) => {
    const decision = decide('entry', action, state, [role], { issueState: 'drafting', comment: '请核对事件日期' });
    if (expected === 'role' || expected === 'state') {
      expect(decision).toEqual({ ok: false, reason: expected, message: expect.stringMatching(CHINESE) });
    } else {
      expect(decision).toEqual({ ok: true, to: expected });
    }
  });
});

it('says why an editor cannot change an entry under review, and how to get it back', () => {
  const decision = decide('entry', 'edit', 'submitted', ['editor'], { label: '条目《区政府召开常务会议》' });
  expect(decision).toMatchObject({ ok: false, reason: 'state' });
  expect(!decision.ok && decision.message).toBe('条目《区政府召开常务会议》正在审核中（待审），不能修改；如需修改，请先撤回，或等待审核人退回。');
});

it('names the roles that may act, and the user’s own, when the role forbids it', () => {
  const decision = decide('entry', 'approve', 'submitted', ['editor']);
  expect(!decision.ok && decision.reason).toBe('role');
  expect(!decision.ok && decision.message).toBe('只有审核或管理员可以审核通过（您的角色：编辑）。');
  expect(decide('entry', 'submit', 'draft', [])).toMatchObject({ ok: false, reason: 'role', message: expect.stringContaining('您的角色：无') });
});

it('lets a user holding several roles do what either role may', () => {
  expect(decide('entry', 'submit', 'draft', ['editor', 'reviewer'])).toEqual({ ok: true, to: 'submitted' });
  expect(decide('entry', 'approve', 'submitted', ['editor', 'reviewer'])).toEqual({ ok: true, to: 'approved' });
});

it('requires a comment of at least two characters to return an entry', () => {
  for (const comment of [undefined, null, '', '   ', '改', ' 改 \n']) {
    const decision = decide('entry', 'return', 'submitted', ['reviewer'], { comment });
    expect(decision).toEqual({ ok: false, reason: 'input', message: expect.stringContaining('必须填写修改意见') });
  }
  expect(decide('entry', 'return', 'submitted', ['reviewer'], { comment: '重写' })).toEqual({ ok: true, to: 'changes_requested' });
});

it('refuses an empty comment but accepts a one-character one', () => {
  expect(decide('entry', 'comment', 'submitted', ['reviewer'], { comment: ' ' })).toMatchObject({ ok: false, reason: 'input' });
  expect(decide('entry', 'comment', 'submitted', ['reviewer'], { comment: '好' })).toEqual({ ok: true, to: 'submitted' });
});

it('checks the role before the state: a reviewer may never edit, whatever the state', () => {
  for (const state of STATES) expect(decide('entry', 'edit', state, ['reviewer'])).toMatchObject({ ok: false, reason: 'role' });
});

describe.each([
  ['approved', '已签发，条目已锁定'],
  ['published', '已发布，内容已冻结'],
] as [IssueState, string][])('in an issue that is %s', (issueState, wording) => {
  it('allows nothing but comments, and says why', () => {
    for (const action of ENTRY_ACTIONS.filter((candidate) => candidate !== 'comment')) {
      for (const state of STATES) {
        const decision = decide('entry', action, state, ['admin'], { issueState, comment: '需要修改', label: '条目《甲》' });
        expect(decision).toEqual({ ok: false, reason: 'state', message: expect.stringContaining(`条目《甲》所在期刊${wording}`) });
      }
    }
    expect(decide('entry', 'comment', 'approved', ['reviewer'], { issueState, comment: '已核对' })).toEqual({ ok: true, to: 'approved' });
  });

  it('still answers 403 to a role that could never do it', () => {
    expect(decide('entry', 'approve', 'submitted', ['editor'], { issueState })).toMatchObject({ ok: false, reason: 'role' });
  });
});

it('behaves the same for an entry that belongs to no issue yet', () => {
  expect(decide('entry', 'submit', 'draft', ['editor'], { issueState: null })).toEqual({ ok: true, to: 'submitted' });
  expect(decide('entry', 'edit', 'approved', ['editor'])).toEqual({ ok: true, to: 'submitted' });
});

it('lists the actions a role can take now, including those that only await a comment', () => {
  expect(allowedActions('entry', 'submitted', ['reviewer'])).toEqual(['approve', 'return', 'comment']);
  expect(allowedActions('entry', 'submitted', ['editor'])).toEqual(['arrange', 'withdraw', 'comment']);
  expect(allowedActions('entry', 'draft', ['editor'], { issueState: 'published' })).toEqual(['comment']);
  expect(allowedActions('entry', 'approved', ['admin'])).toEqual(['edit', 'arrange', 'return', 'comment']);
});
