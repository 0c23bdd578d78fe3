import { useState } from 'react';
import { useTranslate } from 'react-admin';
import type { IssueStatus, IssueTransition } from '@dsyb/contracts';
import { useIssueTransition } from './useTransitions';
import { useRoles } from './useRoles';
import { issueTransitions } from './allowedTransitions';
import { OutOfPeriodDialog, outOfPeriodRefusal, type OutOfPeriodRefusal } from './OutOfPeriodDialog';
import { TransitionButtonSet } from './TransitionButtonSet';

export interface TransitionIssue {
  id: string;
  serialNumber: number;
  status: IssueStatus;
  version: number;
}

/**
 * 送审 · 签发 · 退回 · 发布: what the workflow lets the user do with the issue in its present
 * state. A return asks what to change; publishing, which freezes the issue for good, asks first.
 * Whether the entries are ready is the server's to judge: its refusal names those that are not.
 */
export const IssueTransitionButtons = ({
  issue,
  only,
  exclude = [],
}: {
  issue: TransitionIssue;
  /** Offer just these (e.g. 发布 beside the final PDF), when the workflow allows them. */
  only?: readonly IssueTransition[];
  /** Leave these out where they are not the next step (送审 while entries are still drafts). */
  exclude?: readonly IssueTransition[];
}) => {
  const translate = useTranslate();
  const roles = useRoles();
  const transition = useIssueTransition();
  // 送审/签发 held back for entries dated outside the period: which action, and the list.
  const [held, setHeld] = useState<{ action: IssueTransition; refusal: OutOfPeriodRefusal }>();
  const actions = issueTransitions(issue.status, roles).filter(action => (only ? only.includes(action) : true) && !exclude.includes(action));
  if (actions.length === 0) return null;

  const label = translate('app.issues.serial_number', { serialNumber: issue.serialNumber });
  const run = (action: IssueTransition, comment?: string, confirmOutOfPeriod = false) =>
    transition.mutateAsync({
      issueId: issue.id,
      action,
      body: { version: issue.version, ...(comment ? { comment } : {}), ...(confirmOutOfPeriod ? { confirmOutOfPeriod } : {}) },
    });
  const press = (action: IssueTransition) => {
    void run(action).catch((error: unknown) => {
      const refusal = outOfPeriodRefusal(error);
      if (refusal) setHeld({ action, refusal });
    });
  };

  return (
    <TransitionButtonSet
      actions={actions}
      busy={transition.isPending}
      testIdPrefix="issue"
      run={run}
      press={press}
      returnText={{ title: translate('app.workflow.return_issue_title', { issue: label }), description: translate('app.workflow.return_issue_help') }}
      publishText={{ title: 'app.workflow.publish_title', titleOptions: { issue: label }, content: 'app.workflow.publish_content' }}
    >
      <OutOfPeriodDialog
        refusal={held?.refusal}
        actionLabel={held ? translate(`app.workflow.issue_action.${held.action}`) : ''}
        busy={transition.isPending}
        onClose={() => setHeld(undefined)}
        onConfirm={() => {
          if (held) void run(held.action, undefined, true).then(() => setHeld(undefined), () => setHeld(undefined));
        }}
      />
    </TransitionButtonSet>
  );
};
