import { useMutation, useQuery } from '@tanstack/react-query';
import { useDataProvider, useNotify, useRefresh } from 'react-admin';
import type { AppDataProvider } from '../providers/dataProvider';
import { errorMessage } from '../review/useTransitions';

/** The issue's corrections (勘误), oldest first; reloaded with every refresh of the page. */
export function useIssueCorrections(issueId: string | undefined) {
  const dataProvider = useDataProvider<AppDataProvider>();
  return useQuery({
    queryKey: ['issues', 'corrections', issueId],
    queryFn: () => dataProvider.issueCorrections(issueId as string),
    enabled: issueId !== undefined,
  });
}

export interface CorrectionDecision {
  issueId: string;
  correctionId: string;
  action: 'sign-off' | 'return';
  version: number;
  comment?: string;
}

/**
 * 签发勘误 / 退回勘误. Success is announced and every view reloaded (the issue's revision, the
 * renditions with the new final); a refusal shows the server's sentence.
 */
export function useCorrectionDecision() {
  const dataProvider = useDataProvider<AppDataProvider>();
  const notify = useNotify();
  const refresh = useRefresh();
  return useMutation({
    mutationFn: ({ issueId, correctionId, action, version, comment }: CorrectionDecision) =>
      dataProvider.decideCorrection(issueId, correctionId, action, { version, ...(comment ? { comment } : {}) }),
    onSuccess: (_result, { action }) => {
      notify(action === 'sign-off' ? 'app.corrections.signed_off' : 'app.corrections.returned', { type: 'success' });
      refresh();
    },
    onError: error => {
      notify(errorMessage(error), { type: 'error', multiLine: true, autoHideDuration: 10_000 });
      refresh();
    },
  });
}
