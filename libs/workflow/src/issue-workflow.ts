import { evaluate, listItems, meaningfulLength, refuse, type ActionRule, type Refusal } from './rules';
import {
  ENTRY_STATE_LABELS,
  ISSUE_ACTION_LABELS,
  MIN_RETURN_COMMENT_LENGTH,
  type Decision,
  type EntryState,
  type IssueAction,
  type IssueContext,
  type IssueState,
  type WorkflowRole,
} from './types';
import { bookTitle } from '@dsyb/contracts';

type IssueRule = ActionRule<IssueState, IssueContext>;

const requireComment = (context: IssueContext): Refusal | undefined =>
  meaningfulLength(context.comment) < MIN_RETURN_COMMENT_LENGTH
    ? refuse('input', `退回期刊时必须填写意见（至少 ${MIN_RETURN_COMMENT_LENGTH} 个字），说明需要修改什么。`)
    : undefined;

/** Refuses when the issue has no entries, or some are not in one of `ready`; names those entries. */
function requireEntries(context: IssueContext, subject: string, action: string, ready: readonly EntryState[], missing: string): Refusal | undefined {
  const entries = context.entries ?? [];
  if (entries.length === 0) return refuse('state', `${subject}还没有条目，不能${action}。`);
  const pending = entries.filter((entry) => !ready.includes(entry.status));
  if (pending.length === 0) return undefined;
  const names = listItems(pending.map((entry) => `${bookTitle(entry.title)}（${ENTRY_STATE_LABELS[entry.status]}）`));
  return refuse('state', `${subject}还有 ${pending.length} 个条目${missing}，不能${action}：${names}。`);
}

const frozen = (subject: string) => `${subject}已发布，内容已冻结；如需更正，请发起勘误。`;

/**
 * The issue state machine (BRIEF "Workflow"): editors assemble the issue and send it to
 * review once every entry in it is at least submitted; reviewers return it with a comment or
 * sign it off once every entry is approved; a signed-off issue is locked, and a reviewer may
 * still return it (withdrawing the sign-off) until it is published. Publishing is the
 * reviewer's act, like the sign-off it completes: whoever answers for the content releases it;
 * editors cannot freeze an issue. A published issue is frozen for good (corrections are 勘误).
 */
const ISSUE_RULES: Record<IssueAction, IssueRule> = {
  edit: {
    label: ISSUE_ACTION_LABELS.edit,
    roles: ['editor'],
    transitions: { drafting: 'drafting', in_review: 'in_review' },
    notFrom: (state, subject) =>
      state === 'approved' ? `${subject}已签发，内容已锁定，不能修改；如需修改，请审核人先退回。` : frozen(subject),
  },
  submit_review: {
    label: ISSUE_ACTION_LABELS.submit_review,
    roles: ['editor'],
    transitions: { drafting: 'in_review' },
    notFrom: (state, subject) =>
      ({ drafting: '', in_review: `${subject}已送审，正在审核中，无需重复送审。`, approved: `${subject}已签发，无需送审。`, published: frozen(subject) })[state],
    check: (context, _state, subject) => requireEntries(context, subject, '送审', ['submitted', 'approved'], '尚未提交审核'),
  },
  return: {
    label: ISSUE_ACTION_LABELS.return,
    roles: ['reviewer'],
    transitions: { in_review: 'drafting', approved: 'drafting' },
    notFrom: (state, subject) =>
      state === 'drafting' ? `${subject}正在编辑中，尚未送审，不能退回。` : `${subject}已发布，不能退回；如需更正，请发起勘误。`,
    check: requireComment,
  },
  sign_off: {
    label: ISSUE_ACTION_LABELS.sign_off,
    roles: ['reviewer'],
    transitions: { in_review: 'approved' },
    notFrom: (state, subject) =>
      ({ drafting: `${subject}尚未送审，不能签发；请编辑先送审。`, in_review: '', approved: `${subject}已签发，无需重复签发。`, published: `${subject}已发布。` })[state],
    check: (context, _state, subject) => requireEntries(context, subject, '签发', ['approved'], '未审核通过'),
  },
  publish: {
    label: ISSUE_ACTION_LABELS.publish,
    roles: ['reviewer'],
    transitions: { approved: 'published' },
    notFrom: (state, subject) => (state === 'published' ? `${subject}已发布，无需重复发布。` : `${subject}尚未签发，不能发布；请先送审并签发。`),
  },
};

export const ISSUE_ACTIONS = Object.keys(ISSUE_RULES) as IssueAction[];

export function decideIssue(action: IssueAction, state: IssueState, roles: readonly WorkflowRole[], context: IssueContext = {}): Decision<IssueState> {
  return evaluate(ISSUE_RULES[action], state, roles, context, context.label ?? '该期刊');
}
