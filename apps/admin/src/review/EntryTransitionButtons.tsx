import CheckCircle from '@mui/icons-material/CheckCircle';
import KeyboardReturn from '@mui/icons-material/KeyboardReturn';
import Send from '@mui/icons-material/Send';
import Undo from '@mui/icons-material/Undo';
import { Button, Stack } from '@mui/material';
import { useState, type ReactElement } from 'react';
import { useTranslate } from 'react-admin';
import { nestedTitle, type EntryStatus, type EntryTransition, type IssueStatus } from '@dsyb/contracts';
import { CommentDialog } from './CommentDialog';
import { useEntryTransition } from './useTransitions';
import { useRoles } from './useRoles';
import { entryTransitions } from './allowedTransitions';

const ICONS: Record<EntryTransition, ReactElement> = {
  submit: <Send />,
  withdraw: <Undo />,
  approve: <CheckCircle />,
  return: <KeyboardReturn />,
};

const COLORS = { submit: 'primary', withdraw: 'primary', approve: 'success', return: 'warning' } as const;

export interface TransitionEntry {
  id: string;
  title: string;
  status: EntryStatus;
  version: number;
}

/**
 * 提交审核 · 撤回 · 通过 · 退回修改: the review buttons the workflow allows the user on this
 * entry now, sending the version that was read. A return first asks what to change.
 */
export const EntryTransitionButtons = ({
  entry,
  issueState,
  compact = false,
  disabled = false,
  onDone,
}: {
  entry: TransitionEntry;
  /** The status of the entry's issue; null when it belongs to none, undefined while unknown. */
  issueState: IssueStatus | null | undefined;
  /** Text buttons, for a row of a list (the issue's table of contents). */
  compact?: boolean;
  /** Shown but not pressable (an edit form with unsaved changes: save first). */
  disabled?: boolean;
  /** After the server accepted the transition (the views are reloaded anyway). */
  onDone?: (action: EntryTransition) => void;
}) => {
  const translate = useTranslate();
  const roles = useRoles();
  const transition = useEntryTransition();
  const [returning, setReturning] = useState(false);
  // An entry in an issue is judged with the issue's state: wait until it is known.
  if (issueState === undefined) return null;
  const actions = entryTransitions(entry.status, issueState, roles);
  if (actions.length === 0) return null;

  const run = (action: EntryTransition, comment?: string) =>
    transition
      .mutateAsync({ entryId: entry.id, action, body: { version: entry.version, ...(comment ? { comment } : {}) } })
      .then(() => onDone?.(action));

  return (
    <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }} data-testid="entry-workflow-buttons">
      {actions.map(action => (
        <Button
          key={action}
          size="small"
          variant={compact ? 'text' : action === 'withdraw' ? 'outlined' : 'contained'}
          color={COLORS[action]}
          startIcon={ICONS[action]}
          disabled={disabled || transition.isPending}
          onClick={() => (action === 'return' ? setReturning(true) : void run(action).catch(() => undefined))}
          sx={{ whiteSpace: 'nowrap' }}
        >
          {translate(`app.workflow.entry_action.${action}`)}
        </Button>
      ))}
      {actions.includes('return') ? (
        <CommentDialog
          open={returning}
          title={translate('app.workflow.return_entry_title', { title: nestedTitle(entry.title) })}
          description={translate('app.workflow.return_entry_help')}
          confirmLabel={translate('app.workflow.entry_action.return')}
          busy={transition.isPending}
          onClose={() => setReturning(false)}
          onConfirm={comment => run('return', comment)}
        />
      ) : null}
    </Stack>
  );
};
