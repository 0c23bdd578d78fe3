import { Stack, Tooltip } from '@mui/material';
import { DeleteButton, SaveButton, Toolbar, useRecordContext, useRedirect, useTranslate } from 'react-admin';
import { useFormState } from 'react-hook-form';
import type { Entry } from '@dsyb/contracts';
import { EntryTransitionButtons } from '../review/EntryTransitionButtons';
import { useEntryIssueState } from './useEntryIssueState';

/**
 * Save, the review buttons (they act on the saved version, so they wait while the form has
 * unsaved changes, then lead to the entry's page), and delete after a confirmation.
 */
export const EntryEditToolbar = () => {
  const entry = useRecordContext<Entry>();
  const issueState = useEntryIssueState(entry);
  const translate = useTranslate();
  const { isDirty } = useFormState();
  const redirect = useRedirect();
  return (
    <Toolbar sx={{ justifyContent: 'space-between', gap: 2 }}>
      <Stack direction="row" spacing={2} sx={{ alignItems: 'center' }}>
        <SaveButton />
        {entry ? (
          <Tooltip title={isDirty ? translate('app.workflow.save_first') : ''}>
            <span>
              <EntryTransitionButtons
                entry={entry}
                issueState={issueState}
                disabled={isDirty}
                // Submitted or withdrawn, the entry is read (or edited) from its page.
                onDone={() => redirect('show', 'entries', entry.id)}
              />
            </span>
          </Tooltip>
        ) : null}
      </Stack>
      <DeleteButton mutationMode="pessimistic" />
    </Toolbar>
  );
};
