import { useQuery } from '@tanstack/react-query';
import { useDataProvider } from 'react-admin';
import type { AppDataProvider } from '../providers/dataProvider';

/** The review comments of an entry, oldest first; reloaded with every refresh of the page. */
export function useEntryComments(entryId: string | undefined) {
  const dataProvider = useDataProvider<AppDataProvider>();
  return useQuery({
    queryKey: ['entries', 'comments', entryId],
    queryFn: () => dataProvider.entryComments(entryId as string),
    enabled: entryId !== undefined,
  });
}
