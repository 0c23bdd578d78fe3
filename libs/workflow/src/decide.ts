import { decideEntry, ENTRY_ACTIONS } from './entry-workflow';
import { decideIssue, ISSUE_ACTIONS } from './issue-workflow';
import type { Decision, EntryAction, EntryContext, EntryState, IssueAction, IssueContext, IssueState, WorkflowRole } from './types';

/**
 * The single entry point the server (and the admin, to show only the buttons that will work)
 * asks: may these roles take this action on a record in this state, and where does it lead?
 */
export function decide(kind: 'entry', action: EntryAction, state: EntryState, roles: readonly WorkflowRole[], context?: EntryContext): Decision<EntryState>;
export function decide(kind: 'issue', action: IssueAction, state: IssueState, roles: readonly WorkflowRole[], context?: IssueContext): Decision<IssueState>;
export function decide(
  kind: 'entry' | 'issue',
  action: EntryAction | IssueAction,
  state: EntryState | IssueState,
  roles: readonly WorkflowRole[],
  context: EntryContext | IssueContext = {},
): Decision<EntryState> | Decision<IssueState> {
  return kind === 'entry'
    ? decideEntry(action as EntryAction, state as EntryState, roles, context as EntryContext)
    : decideIssue(action as IssueAction, state as IssueState, roles, context as IssueContext);
}

/**
 * The actions these roles can take now. An action that only lacks user input (the comment of
 * a return) is included: the interface asks for the comment when the button is pressed.
 */
export function allowedActions(kind: 'entry', state: EntryState, roles: readonly WorkflowRole[], context?: EntryContext): EntryAction[];
export function allowedActions(kind: 'issue', state: IssueState, roles: readonly WorkflowRole[], context?: IssueContext): IssueAction[];
export function allowedActions(
  kind: 'entry' | 'issue',
  state: EntryState | IssueState,
  roles: readonly WorkflowRole[],
  context: EntryContext | IssueContext = {},
): EntryAction[] | IssueAction[] {
  const possible = (decision: Decision<string>) => decision.ok || decision.reason === 'input';
  return kind === 'entry'
    ? ENTRY_ACTIONS.filter((action) => possible(decideEntry(action, state as EntryState, roles, context as EntryContext)))
    : ISSUE_ACTIONS.filter((action) => possible(decideIssue(action, state as IssueState, roles, context as IssueContext)));
}
