import { describe, expect, it } from '@jest/globals';
import { eventDay, exclusionOf, mergeOrder, monthsOfYear } from './volumeEntries';

describe('the events of an annual volume, as the 条目 tab shows them', () => {
  it('puts each event under its month, 1月 to 12月, keeping the order the API gave', () => {
    const months = monthsOfYear([
      { id: 'a', month: 1 },
      { id: 'b', month: 9 },
      { id: 'c', month: 9 },
      { id: 'd', month: 12 },
    ]);
    expect(months.map(month => month.month)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
    expect(months[8].entries.map(entry => entry.id)).toEqual(['b', 'c']);
    expect(months[11].entries.map(entry => entry.id)).toEqual(['d']);
    expect(months[1].entries).toEqual([]);
  });

  it('dates an event to its day (9月17日), or to no day when only its month is known (本月)', () => {
    expect(eventDay({ eventDate: '2020-09-17', eventDatePrecision: 'day' })).toEqual({ month: 9, day: 17 });
    expect(eventDay({ eventDate: '2020-10-01', eventDatePrecision: 'day' })).toEqual({ month: 10, day: 1 });
    expect(eventDay({ eventDate: '2020-09-01', eventDatePrecision: 'month' })).toBeUndefined();
  });

  it('merges into the event chosen to stay, the others following in chronicle order', () => {
    const entries = [{ id: 'a' }, { id: 'b' }, { id: 'c' }, { id: 'd' }];
    expect(mergeOrder(['d', 'b', 'a'], 'b', entries)).toEqual(['b', 'a', 'd']);
    expect(mergeOrder(['c', 'a'], 'a', entries)).toEqual(['a', 'c']);
  });

  it('says why an event is not printed: dropped, or merged into a named one', () => {
    const entries = [{ id: 'a', title: '区政府召开常务会议' }];
    expect(exclusionOf({ excluded: false, mergedIntoId: null }, entries)).toBeUndefined();
    expect(exclusionOf({ excluded: true, mergedIntoId: null }, entries)).toEqual({ kind: 'dropped' });
    expect(exclusionOf({ excluded: true, mergedIntoId: 'a' }, entries)).toEqual({ kind: 'merged', title: '区政府召开常务会议' });
  });
});
