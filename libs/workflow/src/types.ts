/**
 * The vocabulary of the editorial workflow. Roles and states are the API's own (libs/contracts,
 * which matches the PostgreSQL enums value for value), so this library stays free of any
 * framework or database client.
 */
import type { EntryStatus, IssueStatus, Role } from '@dsyb/contracts';

export type WorkflowRole = Role;

/** 草稿 → 待审 → 已通过, or → 退回修改 → 草稿 */
export type EntryState = EntryStatus;

/** 编辑中 → 送审 → 已签发 → 已发布 */
export type IssueState = IssueStatus;

/**
 * `edit` changes what is printed about the event (title, body, event date); `arrange` only
 * where it is printed (issue, section, order), which the reviewer judges at the issue's sign-off.
 */
export type EntryAction = 'edit' | 'arrange' | 'submit' | 'withdraw' | 'approve' | 'return' | 'comment';

export type IssueAction = 'edit' | 'submit_review' | 'return' | 'sign_off' | 'publish';

/**
 * Why an action is refused: `role` (the user's roles never allow it: HTTP 403), `state`
 * (not in the record's present state: HTTP 409) or `input` (something the user must supply,
 * such as a comment, is missing: HTTP 400).
 */
export type RefusalReason = 'role' | 'state' | 'input';

export type Decision<TState extends string> =
  | { ok: true; to: TState }
  | { ok: false; reason: RefusalReason; message: string };

export interface EntryContext {
  /** The state of the issue the entry belongs to; null or absent when it belongs to none. */
  issueState?: IssueState | null;
  /** The comment the user gave, for the actions that require one. */
  comment?: string | null;
  /** How messages name the entry, e.g. 条目《…》; defaults to 该条目. */
  label?: string;
}

export interface IssueEntrySummary {
  title: string;
  status: EntryState;
}

export interface IssueContext {
  /** The issue's entries; send-to-review and sign-off are refused when this is absent or empty. */
  entries?: readonly IssueEntrySummary[];
  comment?: string | null;
  /** How messages name the issue, e.g. 总第97期; defaults to 该期刊. */
  label?: string;
}

export const ROLE_LABELS: Record<WorkflowRole, string> = { admin: '管理员', editor: '编辑', reviewer: '审核' };

export const ENTRY_STATE_LABELS: Record<EntryState, string> = {
  draft: '草稿',
  submitted: '待审',
  approved: '已通过',
  changes_requested: '退回修改',
};

export const ISSUE_STATE_LABELS: Record<IssueState, string> = {
  drafting: '编辑中',
  in_review: '送审',
  approved: '已签发',
  published: '已发布',
};

export const ENTRY_ACTION_LABELS: Record<EntryAction, string> = {
  edit: '修改条目',
  arrange: '调整条目的期刊、栏目或顺序',
  submit: '提交审核',
  withdraw: '撤回',
  approve: '审核通过',
  return: '退回修改',
  comment: '发表审核意见',
};

export const ISSUE_ACTION_LABELS: Record<IssueAction, string> = {
  edit: '修改期刊',
  submit_review: '送审',
  return: '退回',
  sign_off: '签发',
  publish: '发布',
};

/** A return must say what to change: at least this many characters besides blanks. */
export const MIN_RETURN_COMMENT_LENGTH = 2;
