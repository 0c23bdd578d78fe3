/**
 * The entries list's first answers, put where react-admin looks for them before it draws the list.
 *
 * boot/preload.ts asks for the list's rows, its filter choices and the issues and sections the rows
 * name while the app's code is loading. Left in httpClient, react-admin would find them only after
 * drawing the list without rows, then the rows without their issue and section: three renders of
 * the page, each with its own wait. Here the same calls go through the data provider (which takes
 * the preloaded answers) as soon as the app's code runs, and their results go into react-query's
 * cache under react-admin's keys (useGetList, useGetManyAggregate), so the list is drawn with its
 * rows, issues and sections at once.
 *
 * The list's query is in flight from the start (react-query's prefetchQuery), so a list drawn
 * before its answer arrives — a slow machine draws quickly what it has — waits for it, and that
 * answer is given only once the issues and sections its rows name are in the cache. The answers
 * are marked fresh for two seconds after they arrive, so the list does not ask again as it is
 * drawn; after a save react-admin refreshes its lists as usual. Keys that react-admin does not use
 * (a sort or filter kept from an earlier visit, or a changed key format) are simply never read:
 * the list asks for its own, as it did before.
 */
import type { QueryClient } from '@tanstack/react-query';
import type { DataProvider, RaRecord } from 'react-admin';
import { ENTRY_LIST, ISSUE_CHOICES, SECTION_CHOICES } from '../entries/entryListQueries';
import type { ListQuery } from '../providers/preloadCache';
import { liveSession } from '../providers/session';
import { landsOnEntryList, LIST_REFERENCES, referencedIds } from './preload';

const FRESH_FOR_MS = 2000;

export function seedLandingQueries(client: QueryClient, dataProvider: DataProvider): void {
  // Only what boot/preload.ts asked for: signed in, on the list as it first shows.
  if (!liveSession() || !landsOnEntryList()) return;
  const fresh = () => ({ updatedAt: Date.now() + FRESH_FOR_MS });
  const seed = (key: unknown[], data: unknown) => {
    if (client.getQueryData(key) === undefined) client.setQueryData(key, data, fresh());
  };

  /**
   * The list's query is in flight from now on, under react-admin's key: a list drawn before the
   * answer is in waits for it instead of asking the server again. `withRows` runs before the query
   * settles, so what it puts in the cache is there when the rows are drawn.
   */
  const list = (resource: string, query: ListQuery, withRows?: (rows: RaRecord[]) => Promise<unknown>) => {
    const params = { pagination: { page: 1, perPage: query.perPage }, sort: { ...query.sort }, filter: query.filter ?? {} };
    const key = [resource, 'getList', params];
    if (client.getQueryData(key) !== undefined) return;
    void client
      .prefetchQuery({
        queryKey: key,
        queryFn: async () => {
          const { data, total, pageInfo, meta } = await dataProvider.getList(resource, params);
          await withRows?.(data).catch(() => undefined);
          return { data, total, pageInfo, meta };
        },
      })
      .then(() => {
        const answer = client.getQueryData(key);
        if (answer !== undefined) client.setQueryData(key, answer, fresh());
      });
  };

  /** Each ReferenceField asks for its one record (useGetManyAggregate batches them into one call). */
  const references = async (resource: string, ids: string[]) => {
    if (ids.length === 0) return;
    const { data } = await dataProvider.getMany(resource, { ids });
    for (const record of data) {
      seed([resource, 'getMany', { ids: [String(record.id)] }], [record]);
      seed([resource, 'getOne', { id: String(record.id) }], record);
    }
  };

  // The rows are drawn with the issues and sections they name, in one render.
  list('entries', ENTRY_LIST, (rows) => Promise.all(LIST_REFERENCES.map(([resource, field]) => references(resource, referencedIds(rows, field)))));
  list('issues', ISSUE_CHOICES);
  list('sections', SECTION_CHOICES);
}
