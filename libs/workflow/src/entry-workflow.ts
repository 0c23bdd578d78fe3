import { evaluate, meaningfulLength, refuse, rolesAllow, roleRefusal, type ActionRule } from './rules';
import {
  ENTRY_ACTION_LABELS,
  ENTRY_STATE_LABELS,
  MIN_RETURN_COMMENT_LENGTH,
  type Decision,
  type EntryAction,
  type EntryContext,
  type EntryState,
  type WorkflowRole,
} from './types';

type EntryRule = ActionRule<EntryState, EntryContext>;

const stateIs = (state: EntryState) => `当前状态为「${ENTRY_STATE_LABELS[state]}」`;

/**
 * The entry state machine (BRIEF "Workflow"):
 * - editors write drafts and submit them; a draft stays a draft however often it is saved;
 *   placing an entry (issue, section, order) is possible in every state and changes none;
 * - a submitted entry is the reviewer's: it cannot be edited until the reviewer returns it or
 *   the editor withdraws it (撤回), so a reviewer never has the text change under their eyes;
 * - reviewers approve, or return with a comment saying what to change; they may also return an
 *   entry they approved earlier, as long as the issue is not signed off;
 * - a returned entry goes back to draft when the editor edits it, or straight back to review
 *   when the editor resubmits it as it is;
 * - an approved entry that is edited again goes back to review (待审).
 * Whatever the entry's own state, nothing but comments is possible once its issue is signed
 * off (locked until a reviewer returns the issue) or published (frozen; corrections are 勘误).
 */
const ENTRY_RULES: Record<EntryAction, EntryRule> = {
  edit: {
    label: ENTRY_ACTION_LABELS.edit,
    roles: ['editor'],
    transitions: { draft: 'draft', changes_requested: 'draft', approved: 'submitted' },
    notFrom: (_state, subject) => `${subject}正在审核中（待审），不能修改；如需修改，请先撤回，或等待审核人退回。`,
  },
  // Placing an entry in an issue, a section or an order is the editor's work at any stage of
  // the entry's review; it changes no approved wording, so it keeps the entry's state.
  arrange: {
    label: ENTRY_ACTION_LABELS.arrange,
    roles: ['editor'],
    transitions: { draft: 'draft', submitted: 'submitted', approved: 'approved', changes_requested: 'changes_requested' },
    notFrom: () => '',
  },
  submit: {
    label: ENTRY_ACTION_LABELS.submit,
    roles: ['editor'],
    transitions: { draft: 'submitted', changes_requested: 'submitted' },
    notFrom: (state, subject) =>
      state === 'submitted'
        ? `${subject}已提交审核，正在等待审核，无需重复提交。`
        : `${subject}已审核通过，无需提交；修改后会自动重新送审。`,
  },
  withdraw: {
    label: ENTRY_ACTION_LABELS.withdraw,
    roles: ['editor'],
    transitions: { submitted: 'draft' },
    notFrom: (state, subject) =>
      state === 'approved'
        ? `${subject}已审核通过，不能撤回；如需修改可直接修改，修改后会重新送审。`
        : `${subject}没有在审核中（${stateIs(state)}），无需撤回。`,
  },
  approve: {
    label: ENTRY_ACTION_LABELS.approve,
    roles: ['reviewer'],
    transitions: { submitted: 'approved' },
    notFrom: (state, subject) =>
      ({
        draft: `${subject}还是草稿，需由编辑提交审核后才能通过。`,
        changes_requested: `${subject}已退回修改，需由编辑修改并重新提交后才能通过。`,
        approved: `${subject}已审核通过，无需重复操作。`,
        submitted: '',
      })[state],
  },
  return: {
    label: ENTRY_ACTION_LABELS.return,
    roles: ['reviewer'],
    transitions: { submitted: 'changes_requested', approved: 'changes_requested' },
    notFrom: (state, subject) =>
      state === 'draft'
        ? `${subject}还是草稿，尚未提交审核，不能退回。`
        : `${subject}已退回修改，正在等待编辑修改。`,
    check: (context) =>
      meaningfulLength(context.comment) < MIN_RETURN_COMMENT_LENGTH
        ? refuse('input', `退回修改时必须填写修改意见（至少 ${MIN_RETURN_COMMENT_LENGTH} 个字），说明需要修改什么。`)
        : undefined,
  },
  comment: {
    label: ENTRY_ACTION_LABELS.comment,
    roles: ['editor', 'reviewer'],
    transitions: { draft: 'draft', submitted: 'submitted', approved: 'approved', changes_requested: 'changes_requested' },
    notFrom: () => '',
    check: (context) => (meaningfulLength(context.comment) === 0 ? refuse('input', '审核意见不能为空。') : undefined),
  },
};

export const ENTRY_ACTIONS = Object.keys(ENTRY_RULES) as EntryAction[];

export function decideEntry(action: EntryAction, state: EntryState, roles: readonly WorkflowRole[], context: EntryContext = {}): Decision<EntryState> {
  const rule = ENTRY_RULES[action];
  const subject = context.label ?? '该条目';
  if (!rolesAllow(rule, roles)) return roleRefusal(rule, roles);
  // Comments are the one thing that stays possible on a locked or frozen issue: they change no content.
  if (action !== 'comment' && context.issueState === 'approved') {
    return refuse('state', `${subject}所在期刊已签发，条目已锁定，不能${rule.label}；如需修改，请审核人先退回期刊。`);
  }
  if (action !== 'comment' && context.issueState === 'published') {
    return refuse('state', `${subject}所在期刊已发布，内容已冻结，不能${rule.label}；如需更正，请发起勘误。`);
  }
  return evaluate(rule, state, roles, context, subject);
}
