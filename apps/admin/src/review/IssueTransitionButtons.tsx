import Gavel from '@mui/icons-material/Gavel';
import KeyboardReturn from '@mui/icons-material/KeyboardReturn';
import Publish from '@mui/icons-material/Publish';
import Send from '@mui/icons-material/Send';
import { Button } from '@mui/material';
import { useState, type ReactElement } from 'react';
import { Confirm, useTranslate } from 'react-admin';
import type { IssueStatus, IssueTransition } from '@dsyb/contracts';
import { CommentDialog } from './CommentDialog';
import { useIssueTransition } from './useTransitions';
import { useRoles } from './useRoles';
import { issueTransitions } from './allowedTransitions';
import { OutOfPeriodDialog, outOfPeriodRefusal, type OutOfPeriodRefusal } from './OutOfPeriodDialog';

const ICONS: Record<IssueTransition, ReactElement> = {
  submit_review: <Send />,
  sign_off: <Gavel />,
  return: <KeyboardReturn />,
  publish: <Publish />,
};

const COLORS = { submit_review: 'primary', sign_off: 'success', return: 'warning', publish: 'success' } as const;

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
  const [dialog, setDialog] = useState<'return' | 'publish'>();
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
    if (action === 'return' || action === 'publish') setDialog(action);
    else {
      void run(action).catch((error: unknown) => {
        const refusal = outOfPeriodRefusal(error);
        if (refusal) setHeld({ action, refusal });
      });
    }
  };

  return (
    <>
      {actions.map(action => (
        <Button
          key={action}
          variant={action === 'return' ? 'outlined' : 'contained'}
          color={COLORS[action]}
          size="small"
          startIcon={ICONS[action]}
          disabled={transition.isPending}
          onClick={() => press(action)}
          data-testid={`issue-action-${action}`}
          sx={{ whiteSpace: 'nowrap' }}
        >
          {translate(`app.workflow.issue_action.${action}`)}
        </Button>
      ))}
      {actions.includes('return') ? (
        <CommentDialog
          open={dialog === 'return'}
          title={translate('app.workflow.return_issue_title', { issue: label })}
          description={translate('app.workflow.return_issue_help')}
          confirmLabel={translate('app.workflow.issue_action.return')}
          busy={transition.isPending}
          onClose={() => setDialog(undefined)}
          onConfirm={comment => run('return', comment)}
        />
      ) : null}
      <OutOfPeriodDialog
        refusal={held?.refusal}
        actionLabel={held ? translate(`app.workflow.issue_action.${held.action}`) : ''}
        busy={transition.isPending}
        onClose={() => setHeld(undefined)}
        onConfirm={() => {
          if (held) void run(held.action, undefined, true).then(() => setHeld(undefined), () => setHeld(undefined));
        }}
      />
      {actions.includes('publish') ? (
        <Confirm
          isOpen={dialog === 'publish'}
          loading={transition.isPending}
          title="app.workflow.publish_title"
          titleTranslateOptions={{ issue: label }}
          content="app.workflow.publish_content"
          confirm="app.workflow.publish_confirm"
          confirmColor="warning"
          onConfirm={() => void run('publish').then(() => setDialog(undefined), () => setDialog(undefined))}
          onClose={() => setDialog(undefined)}
        />
      ) : null}
    </>
  );
};
