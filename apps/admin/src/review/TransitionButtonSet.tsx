import { Button } from '@mui/material';
import { useState, type ReactNode } from 'react';
import { Confirm, useTranslate } from 'react-admin';
import type { IssueTransition } from '@dsyb/contracts';
import { CommentDialog } from './CommentDialog';
import { TRANSITION_COLORS, TRANSITION_ICONS } from './transitionStyle';

/**
 * The buttons of the issue's workflow (送审 · 签发 · 退回 · 发布), for an issue or an annual
 * volume: a return asks what to change, publishing (which freezes the document for good) asks
 * first, the others run at once (`press`). `children` adds dialogs of the document's own.
 */
export const TransitionButtonSet = ({
  actions,
  busy,
  testIdPrefix,
  run,
  press,
  returnText,
  publishText,
  children,
}: {
  actions: readonly IssueTransition[];
  busy: boolean;
  testIdPrefix: string;
  /** Runs a transition (a return with its comment); rejects when refused. */
  run: (action: IssueTransition, comment?: string) => Promise<unknown>;
  /** What 送审 and 签发 do when pressed. */
  press: (action: IssueTransition) => void;
  returnText: { title: string; description: string };
  publishText: { title: string; titleOptions: Record<string, unknown>; content: string };
  children?: ReactNode;
}) => {
  const translate = useTranslate();
  const [dialog, setDialog] = useState<'return' | 'publish'>();
  const close = () => setDialog(undefined);
  return (
    <>
      {actions.map(action => (
        <Button
          key={action}
          variant={action === 'return' ? 'outlined' : 'contained'}
          color={TRANSITION_COLORS[action]}
          size="small"
          startIcon={TRANSITION_ICONS[action]}
          disabled={busy}
          onClick={() => (action === 'return' || action === 'publish' ? setDialog(action) : press(action))}
          data-testid={`${testIdPrefix}-action-${action}`}
          sx={{ whiteSpace: 'nowrap' }}
        >
          {translate(`app.workflow.issue_action.${action}`)}
        </Button>
      ))}
      {actions.includes('return') ? (
        <CommentDialog
          open={dialog === 'return'}
          title={returnText.title}
          description={returnText.description}
          confirmLabel={translate('app.workflow.issue_action.return')}
          busy={busy}
          onClose={close}
          onConfirm={comment => run('return', comment)}
        />
      ) : null}
      {children}
      {actions.includes('publish') ? (
        <Confirm
          isOpen={dialog === 'publish'}
          loading={busy}
          title={publishText.title}
          titleTranslateOptions={publishText.titleOptions}
          content={publishText.content}
          confirm="app.workflow.publish_confirm"
          confirmColor="warning"
          onConfirm={() => void run('publish').then(close, close)}
          onClose={close}
        />
      ) : null}
    </>
  );
};
