import { evaluate, meaningfulLength, refuse, roleRefusal, rolesAllow, type ActionRule, type Refusal } from './rules';
import { MIN_RETURN_COMMENT_LENGTH, type Decision, type IssueState, type WorkflowRole } from './types';

/** 待签发 → 已签发 (the correction is made: a new revision and its PDF), or → 已退回. */
export type CorrectionState = 'pending' | 'signed_off' | 'returned';

export type CorrectionAction = 'sign_off' | 'return';

export const CORRECTION_STATE_LABELS: Record<CorrectionState, string> = { pending: '待签发', signed_off: '已签发', returned: '已退回' };

export const CORRECTION_ACTION_LABELS: Record<CorrectionAction | 'start', string> = { start: '发起勘误', sign_off: '签发勘误', return: '退回勘误' };

export interface CorrectionContext {
  comment?: string | null;
  /** How messages name the correction, e.g. 总第97期的勘误; defaults to 该勘误. */
  label?: string;
}

/**
 * 勘误 follows the issue's own division of work (BRIEF "Workflow"): editors write — they start a
 * correction of a published issue, with its reason and the corrected wording — and reviewers, who
 * answer for what is published, sign it off (only then is the issue reissued) or return it with a
 * comment. One correction waits for sign-off at a time, so that each is judged on what is published.
 */
const START_RULE = { label: CORRECTION_ACTION_LABELS.start, roles: ['editor'] as const };

const CORRECTION_RULES: Record<CorrectionAction, ActionRule<CorrectionState, CorrectionContext>> = {
  sign_off: {
    label: CORRECTION_ACTION_LABELS.sign_off,
    roles: ['reviewer'],
    transitions: { pending: 'signed_off' },
    notFrom: (state, subject) => (state === 'signed_off' ? `${subject}已签发，无需重复签发。` : `${subject}已退回，不能签发；请编辑重新发起勘误。`),
  },
  return: {
    label: CORRECTION_ACTION_LABELS.return,
    roles: ['reviewer'],
    transitions: { pending: 'returned' },
    notFrom: (state, subject) => (state === 'signed_off' ? `${subject}已签发，不能退回。` : `${subject}已退回。`),
    check: (context) =>
      meaningfulLength(context.comment) < MIN_RETURN_COMMENT_LENGTH
        ? refuse('input', `退回勘误时必须填写意见（至少 ${MIN_RETURN_COMMENT_LENGTH} 个字），说明需要修改什么。`)
        : undefined,
  },
};

export const CORRECTION_ACTIONS = Object.keys(CORRECTION_RULES) as CorrectionAction[];

export function decideCorrection(action: CorrectionAction, state: CorrectionState, roles: readonly WorkflowRole[], context: CorrectionContext = {}): Decision<CorrectionState> {
  return evaluate(CORRECTION_RULES[action], state, roles, context, context.label ?? '该勘误');
}

/**
 * Whether these roles may start a correction of an issue in `issueState`: only a published issue
 * is corrected (before that its entries are simply edited), and not while another correction of
 * it waits for sign-off.
 */
export function decideCorrectionStart(
  issueState: IssueState,
  roles: readonly WorkflowRole[],
  context: { pending?: boolean; label?: string } = {},
): Decision<CorrectionState> {
  if (!rolesAllow(START_RULE, roles)) return roleRefusal(START_RULE, roles);
  const subject = context.label ?? '该期刊';
  const refusal: Refusal | undefined =
    issueState !== 'published'
      ? refuse('state', `${subject}尚未发布，直接修改条目即可，无需勘误。`)
      : context.pending
        ? refuse('state', `${subject}已有一项勘误等待签发；请审核人先签发或退回，再发起新的勘误。`)
        : undefined;
  return refusal ?? { ok: true, to: 'pending' };
}

/** The decisions these roles can take on a correction now (a return asks for its comment when pressed). */
export function allowedCorrectionActions(state: CorrectionState, roles: readonly WorkflowRole[]): CorrectionAction[] {
  return CORRECTION_ACTIONS.filter((action) => {
    const decision = decideCorrection(action, state, roles);
    return decision.ok || decision.reason === 'input';
  });
}
