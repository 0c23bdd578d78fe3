import { describe, expect, it } from '@jest/globals';
import { ENTRY_LIST } from '../entries/entryListQueries';
import { listUrl, manyUrl, requestKey } from './preloadCache';

const ORIGIN = 'http://localhost:3000';
const key = (url: string) => requestKey(url, ORIGIN);

describe('a preloaded answer is found for the request react-admin makes', () => {
  it('whatever the order of the query parameters', () => {
    const preloaded = listUrl('entries', ENTRY_LIST);
    // ra-data-simple-rest's getList: sort, range, filter.
    const asked = `/api/entries?sort=${encodeURIComponent('["updatedAt","DESC"]')}&range=${encodeURIComponent('[0,9]')}&filter=${encodeURIComponent('{}')}`;
    expect(key(asked)).toBe(key(preloaded));
  });

  it('whatever the order of the ids react-admin asks for at once', () => {
    expect(key(`/api/issues?filter=${encodeURIComponent('{"id":["b","a"]}')}`)).toBe(key(manyUrl('issues', ['a', 'b'])));
  });

  it('and not for a different page or filter', () => {
    expect(key(listUrl('entries', { ...ENTRY_LIST, perPage: 25 }))).not.toBe(key(listUrl('entries', ENTRY_LIST)));
    expect(key(listUrl('entries', { ...ENTRY_LIST, filter: { status: 'draft' } }))).not.toBe(key(listUrl('entries', ENTRY_LIST)));
    expect(key(manyUrl('issues', ['a', 'b', 'c']))).not.toBe(key(manyUrl('issues', ['a', 'b'])));
  });
});
