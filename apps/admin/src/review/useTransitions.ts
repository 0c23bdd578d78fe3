import { useMutation } from '@tanstack/react-query';
import { useDataProvider, useNotify, useRefresh, useTranslate } from 'react-admin';
import { annualVolumes } from '../providers/annualVolumes';
import type { AppDataProvider } from '../providers/dataProvider';
import type { EntryTransition, IssueTransition, TransitionBody } from '@dsyb/contracts';
import { outOfPeriodRefusal } from './OutOfPeriodDialog';

export const errorMessage = (error: unknown) => (error instanceof Error ? error.message : String(error));

/**
 * Runs workflow transitions. Success is announced and every view reloaded (statuses, versions,
 * buttons); a refusal shows the server's own sentence (who may, why not, which entries are not
 * ready), and the views reload too, since a 409 usually means the record changed meanwhile.
 */
function useTransitionMutation<TVariables>(run: (dataProvider: AppDataProvider, variables: TVariables) => Promise<unknown>, done: (variables: TVariables) => string) {
  const dataProvider = useDataProvider<AppDataProvider>();
  const notify = useNotify();
  const refresh = useRefresh();
  const translate = useTranslate();
  return useMutation({
    mutationFn: (variables: TVariables) => run(dataProvider, variables),
    onSuccess: (result, variables) => {
      // 签发 goes through with what will not print well (low-resolution figures): said, not refused.
      const warnings = printWarningsOf(result);
      if (warnings.length > 0) {
        notify('app.workflow.done_with_print_warnings', {
          type: 'warning',
          multiLine: true,
          autoHideDuration: null,
          messageArgs: { done: translate(done(variables)), warnings: warnings.join('\n') },
        });
      } else {
        notify(done(variables), { type: 'success' });
      }
      refresh();
    },
    onError: error => {
      // Entries dated outside the period: the caller asks the editor to confirm (OutOfPeriodDialog).
      if (outOfPeriodRefusal(error)) return;
      notify(errorMessage(error), { type: 'error', multiLine: true, autoHideDuration: 10_000 });
      refresh();
    },
  });
}

/** The sign-off answer's `printWarnings` (contracts Issue), if any. */
export function printWarningsOf(result: unknown): string[] {
  const warnings = typeof result === 'object' && result !== null ? (result as { printWarnings?: unknown }).printWarnings : undefined;
  return Array.isArray(warnings) ? warnings.filter((warning): warning is string => typeof warning === 'string') : [];
}

export interface EntryTransitionVariables {
  entryId: string;
  action: EntryTransition;
  body: TransitionBody;
}

export const useEntryTransition = () =>
  useTransitionMutation<EntryTransitionVariables>(
    (dataProvider, { entryId, action, body }) => dataProvider.entryTransition(entryId, action, body),
    ({ action }) => `app.workflow.entry_done.${action}`,
  );

export interface IssueTransitionVariables {
  issueId: string;
  action: IssueTransition;
  body: TransitionBody;
}

export const useIssueTransition = () =>
  useTransitionMutation<IssueTransitionVariables>(
    (dataProvider, { issueId, action, body }) => dataProvider.issueTransition(issueId, action, body),
    ({ action }) => `app.workflow.issue_done.${action}`,
  );

export interface VolumeTransitionVariables {
  volumeId: string;
  action: IssueTransition;
  body: TransitionBody;
}

/** 送审 · 签发 · 发布 · 退回 of an annual volume (年度大事记), with the issue's rules. */
export const useVolumeTransition = () =>
  useTransitionMutation<VolumeTransitionVariables>(
    (_dataProvider, { volumeId, action, body }) => annualVolumes.transition(volumeId, action, body),
    ({ action }) => `app.annual_volumes.done.${action}`,
  );
