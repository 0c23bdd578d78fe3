import Send from '@mui/icons-material/Send';
import { Button } from '@mui/material';
import { useMutation } from '@tanstack/react-query';
import { useDataProvider, useNotify, useRefresh, useTranslate } from 'react-admin';
import type { AppDataProvider } from '../providers/dataProvider';
import type { IssueDetail } from '@dsyb/contracts';
import { useRoles } from './useRoles';
import { errorMessage } from './useTransitions';
import { entryTransitions } from './allowedTransitions';

/**
 * 全部提交审核: submits every draft of the issue, one after the other, each with the version
 * that was read. A returned entry is left alone: it waits for the changes asked for. When the
 * server refuses one (someone changed it meanwhile), the others already submitted stay so and
 * its sentence is shown.
 */
export const SubmitDraftsButton = ({ issue }: { issue: IssueDetail }) => {
  const translate = useTranslate();
  const roles = useRoles();
  const dataProvider = useDataProvider<AppDataProvider>();
  const notify = useNotify();
  const refresh = useRefresh();
  const drafts = issue.sections
    .flatMap(section => section.entries)
    .filter(entry => entry.status === 'draft' && entryTransitions(entry.status, issue.status, roles).includes('submit'));
  const submit = useMutation({
    mutationFn: async () => {
      for (const entry of drafts) await dataProvider.entryTransition(entry.id, 'submit', { version: entry.version });
    },
    onSuccess: () => {
      notify('app.workflow.drafts_submitted', { type: 'success', messageArgs: { smart_count: drafts.length } });
      refresh();
    },
    onError: error => {
      notify(errorMessage(error), { type: 'error', multiLine: true, autoHideDuration: 10_000 });
      refresh();
    },
  });
  if (drafts.length === 0) return null;
  return (
    <Button
      variant="contained"
      size="small"
      startIcon={<Send />}
      disabled={submit.isPending}
      onClick={() => submit.mutate()}
      data-testid="submit-drafts"
      sx={{ whiteSpace: 'nowrap' }}
    >
      {translate('app.workflow.submit_drafts', { smart_count: drafts.length })}
    </Button>
  );
};
