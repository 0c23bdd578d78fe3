import { ROLE_LABELS, type Decision, type RefusalReason, type WorkflowRole } from './types';

/**
 * One action of a state machine, as data: who may do it, from which states it leads where,
 * and why it is refused elsewhere. Evaluated in the same order everywhere: roles first (an
 * action the user can never take is a 403 whatever the state), then state, then the
 * action's own preconditions.
 */
export interface ActionRule<TState extends string, TContext> {
  label: string;
  /** Roles allowed besides admin, who may do everything the workflow allows. */
  roles: readonly WorkflowRole[];
  transitions: Partial<Record<TState, TState>>;
  /** The sentence telling why the action is not possible in `state`. */
  notFrom(state: TState, subject: string): string;
  /** Preconditions beyond the state, checked once roles and state allow the action. */
  check?(context: TContext, state: TState, subject: string): Refusal | undefined;
}

export type Refusal = { ok: false; reason: RefusalReason; message: string };

export const refuse = (reason: RefusalReason, message: string): Refusal => ({ ok: false, reason, message });

export function rolesAllow(rule: { roles: readonly WorkflowRole[] }, roles: readonly WorkflowRole[]): boolean {
  return roles.includes('admin') || roles.some((role) => rule.roles.includes(role));
}

export function roleRefusal(rule: { label: string; roles: readonly WorkflowRole[] }, roles: readonly WorkflowRole[]): Refusal {
  const allowed = [...new Set<WorkflowRole>([...rule.roles, 'admin'])].map((role) => ROLE_LABELS[role]).join('或');
  const own = roles.length ? roles.map((role) => ROLE_LABELS[role] ?? role).join('、') : '无';
  return refuse('role', `只有${allowed}可以${rule.label}（您的角色：${own}）。`);
}

export function evaluate<TState extends string, TContext>(
  rule: ActionRule<TState, TContext>,
  state: TState,
  roles: readonly WorkflowRole[],
  context: TContext,
  subject: string,
): Decision<TState> {
  if (!rolesAllow(rule, roles)) return roleRefusal(rule, roles);
  const to = rule.transitions[state];
  if (to === undefined) return refuse('state', rule.notFrom(state, subject));
  return rule.check?.(context, state, subject) ?? { ok: true, to };
}

/** Blank-insensitive length, so that a comment of spaces does not count as one. */
export function meaningfulLength(text: string | null | undefined): number {
  return (text ?? '').replace(/\s+/g, '').length;
}

/** 《甲》（待审）、《乙》（草稿）… : names the items without flooding the message. */
export function listItems(items: readonly string[], limit = 10): string {
  const shown = items.slice(0, limit).join('、');
  return items.length > limit ? `${shown}等共 ${items.length} 个` : shown;
}
