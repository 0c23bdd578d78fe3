import { useCallback } from 'react';
import { useNotify, useRedirect, type RaRecord } from 'react-admin';
import { reindexedCount } from './searchTerms';

/**
 * After a dictionary word is saved: 已保存；N 篇文档已按新词重新分词 (N from the answer's
 * `reindexed`), then back to the list. Pass as `mutationOptions.onSuccess` of the Create or Edit.
 */
export function useSavedAndReindexed() {
  const notify = useNotify();
  const redirect = useRedirect();
  return useCallback(
    (saved: RaRecord) => {
      notify('app.search_terms.saved', { type: 'info', messageArgs: { smart_count: reindexedCount(saved) } });
      redirect('list', 'search-terms');
    },
    [notify, redirect],
  );
}
