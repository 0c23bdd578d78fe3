import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useDataProvider, useNotify, useRefresh } from 'react-admin';
import type { AppDataProvider } from '../../providers/dataProvider';
import { staleVersionOf } from '../../entries/merge/entryConflict';
import type { IssueDetail } from '@dsyb/contracts';
import { errorMessage } from '../../review/useTransitions';

/**
 * Saves a part of the issue's assembly (arrangement or distribution list) with the issue
 * version that was read. The answer is the whole issue, which becomes the page's record. A
 * stale version is not retried: the user is told someone changed the issue and reloads it.
 */
export function useAssemblySave<TBody>(
  save: (dataProvider: AppDataProvider, issueId: string, body: TBody) => Promise<IssueDetail>,
  { issueId, saved, onSaved }: { issueId: string; saved: string; onSaved: () => void },
) {
  const dataProvider = useDataProvider<AppDataProvider>();
  const queryClient = useQueryClient();
  const notify = useNotify();
  const refresh = useRefresh();
  const [stale, setStale] = useState<number>();
  const mutation = useMutation({
    mutationFn: (body: TBody) => save(dataProvider, issueId, body),
    onSuccess: issue => {
      queryClient.setQueryData(['issues', 'getOne', { id: String(issueId) }], issue);
      onSaved();
      notify(saved, { type: 'success' });
      // Entries changed issue, section or order: lists and entry pages read them again.
      refresh();
    },
    onError: error => {
      const current = staleVersionOf(error);
      if (current !== undefined) setStale(current);
      else notify(errorMessage(error), { type: 'error', multiLine: true });
    },
  });
  const reload = () => {
    setStale(undefined);
    onSaved();
    refresh();
  };
  return { mutation, stale, reload };
}
