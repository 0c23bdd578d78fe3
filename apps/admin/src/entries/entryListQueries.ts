/**
 * How the entries list first asks for its rows and filter choices. Shared by the list and its
 * filters (EntryList, entryFilters) and by the start-up preload (boot/preload.ts), which asks
 * the same questions before the list is drawn.
 */
import type { ListQuery } from '../providers/preloadCache';

/** Latest changed first, react-admin's 10 a page. */
export const ENTRY_LIST = { sort: { field: 'updatedAt', order: 'DESC' }, perPage: 10 } as const satisfies ListQuery;
/** The issue filter's choices: newest issue first, react-admin's 25. */
export const ISSUE_CHOICES = { sort: { field: 'serialNumber', order: 'DESC' }, perPage: 25 } as const satisfies ListQuery;
/** The section filter's choices: all of them, in the issue's order. */
export const SECTION_CHOICES = { sort: { field: 'position', order: 'ASC' }, perPage: 100 } as const satisfies ListQuery;
