import NoteAdd from '@mui/icons-material/NoteAdd';
import { Button, Dialog, DialogActions, DialogContent, DialogContentText, DialogTitle, MenuItem, Stack, TextField } from '@mui/material';
import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useCanAccess, useDataProvider, useGetList, useListContext, useNotify, useRedirect, useTranslate, useUnselectAll } from 'react-admin';
import type { Issue, Section } from '@dsyb/contracts';
import { issueRepresentation } from '../issues/issueFields';
import type { AppDataProvider, DraftTarget } from '../providers/dataProvider';
import { canEditIssue } from '../review/allowedTransitions';
import { useRoles } from '../review/useRoles';
import { errorMessage } from '../review/useTransitions';

/**
 * Asks where a drafted entry goes: an issue still open to new entries (编辑中 or 审核中, as the
 * workflow's rules say; the server checks again) and an active section.
 */
const DraftTargetDialog = ({
  open,
  count,
  busy,
  onClose,
  onConfirm,
}: {
  open: boolean;
  count: number;
  busy: boolean;
  onClose: () => void;
  onConfirm: (target: DraftTarget) => void;
}) => {
  const translate = useTranslate();
  const roles = useRoles();
  const [issueId, setIssueId] = useState('');
  const [sectionId, setSectionId] = useState('');
  const issues = useGetList<Issue>('issues', { pagination: { page: 1, perPage: 100 }, sort: { field: 'serialNumber', order: 'DESC' } }, { enabled: open });
  const sections = useGetList<Section>('sections', { pagination: { page: 1, perPage: 100 }, sort: { field: 'position', order: 'ASC' }, filter: { active: true } }, { enabled: open });
  const editable = (issues.data ?? []).filter(issue => canEditIssue(issue.status, roles));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (issueId && sectionId) onConfirm({ issueId, sectionId });
  };

  return (
    <Dialog open={open} onClose={busy ? undefined : onClose} fullWidth maxWidth="sm" data-testid="draft-entry-dialog">
      <form onSubmit={submit} noValidate>
        <DialogTitle>{translate('app.sources.draft_entry')}</DialogTitle>
        <DialogContent>
          <DialogContentText sx={{ mb: 2 }}>{count === 1 ? translate('app.sources.draft_entry_help') : translate('app.sources.draft_entries_help', { smart_count: count })}</DialogContentText>
          <Stack spacing={2}>
            <TextField
              select
              required
              fullWidth
              label={translate('app.sources.draft_issue')}
              value={issueId}
              onChange={event => setIssueId(event.target.value)}
              helperText={issues.isSuccess && editable.length === 0 ? translate('app.sources.draft_no_issue') : translate('app.sources.draft_issue_help')}
              error={issues.isSuccess && editable.length === 0}
              slotProps={{ htmlInput: { 'data-testid': 'draft-entry-issue' } }}
            >
              {editable.map(issue => (
                <MenuItem key={issue.id} value={issue.id}>
                  {issueRepresentation(issue)}
                </MenuItem>
              ))}
            </TextField>
            <TextField
              select
              required
              fullWidth
              label={translate('app.sources.draft_section')}
              value={sectionId}
              onChange={event => setSectionId(event.target.value)}
              slotProps={{ htmlInput: { 'data-testid': 'draft-entry-section' } }}
            >
              {(sections.data ?? []).map(section => (
                <MenuItem key={section.id} value={section.id}>
                  {section.name}
                </MenuItem>
              ))}
            </TextField>
          </Stack>
        </DialogContent>
        <DialogActions>
          <Button onClick={onClose} disabled={busy}>
            {translate('ra.action.cancel')}
          </Button>
          <Button type="submit" variant="contained" disabled={busy || !issueId || !sectionId} data-testid="draft-entry-confirm">
            {translate('app.sources.draft_confirm')}
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
};

const notifyError = { type: 'error', multiLine: true, autoHideDuration: 10_000 } as const;

/** 据此起草条目 on a source's page: the entry is created and its edit page opened. */
export const DraftEntryButton = ({ sourceId }: { sourceId: string }) => {
  const translate = useTranslate();
  const dataProvider = useDataProvider<AppDataProvider>();
  const notify = useNotify();
  const redirect = useRedirect();
  const { canAccess } = useCanAccess({ resource: 'entries', action: 'create' });
  const [open, setOpen] = useState(false);
  const draft = useMutation({
    mutationFn: (target: DraftTarget) => dataProvider.draftEntryFromSource(sourceId, target),
    onSuccess: entry => {
      setOpen(false);
      notify('app.sources.drafted_one', { type: 'success' });
      redirect('edit', 'entries', entry.id);
    },
    onError: error => notify(errorMessage(error), notifyError),
  });
  if (!canAccess) return null;
  return (
    <>
      <Button variant="outlined" size="small" startIcon={<NoteAdd />} onClick={() => setOpen(true)} data-testid="draft-entry">
        {translate('app.sources.draft_entry')}
      </Button>
      <DraftTargetDialog open={open} count={1} busy={draft.isPending} onClose={() => setOpen(false)} onConfirm={target => draft.mutate(target)} />
    </>
  );
};

/** 据此起草条目 for the sources selected in the list: says how many were drafted and which failed. */
export const BulkDraftEntriesButton = () => {
  const translate = useTranslate();
  const dataProvider = useDataProvider<AppDataProvider>();
  const notify = useNotify();
  const { selectedIds } = useListContext();
  const unselectAll = useUnselectAll('sources');
  const { canAccess } = useCanAccess({ resource: 'entries', action: 'create' });
  const [open, setOpen] = useState(false);
  const draft = useMutation({
    mutationFn: (target: DraftTarget) => dataProvider.draftEntriesFromSources(selectedIds.map(String), target),
    onSuccess: ({ created, failed }) => {
      setOpen(false);
      if (failed.length === 0) {
        notify('app.sources.drafted_many', { type: 'success', messageArgs: { smart_count: created.length } });
        unselectAll();
      } else {
        const reasons = failed.map(failure => failure.message).join('；');
        notify('app.sources.drafted_some', { ...notifyError, type: created.length > 0 ? 'warning' : 'error', messageArgs: { created: created.length, failed: failed.length, reasons } });
      }
    },
    onError: error => notify(errorMessage(error), notifyError),
  });
  if (!canAccess) return null;
  return (
    <>
      <Button size="small" startIcon={<NoteAdd />} onClick={() => setOpen(true)} data-testid="bulk-draft-entries">
        {translate('app.sources.draft_entry')}
      </Button>
      <DraftTargetDialog open={open} count={selectedIds.length} busy={draft.isPending} onClose={() => setOpen(false)} onConfirm={target => draft.mutate(target)} />
    </>
  );
};
