import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useDataProvider } from 'react-admin';
import type { AppDataProvider } from '../providers/dataProvider';
import { MAX_QUERY_LENGTH, SEARCH_PAGE_SIZE } from './searchResults';
import type { SearchFilter } from './searchTypes';

/**
 * One page of search results for the query and filter, through the app's data provider; nothing
 * is asked for an empty query or one longer than the API accepts. The previous answer stays
 * shown while the next one is on its way.
 */
export function useSearchResults(q: string, filter: SearchFilter = {}, offset = 0, limit = SEARCH_PAGE_SIZE) {
  const dataProvider = useDataProvider<AppDataProvider>();
  const query = q.trim();
  const enabled = query !== '' && query.length <= MAX_QUERY_LENGTH;
  return useQuery({
    queryKey: ['search', query, filter, offset, limit],
    queryFn: ({ signal }) => dataProvider.search(query, filter, offset, limit, signal),
    enabled,
    placeholderData: keepPreviousData,
    retry: false,
    staleTime: 10_000,
  });
}
