import { describe, expect, it } from '@jest/globals';
import type { IssueContentsEntry, IssueDetail, Section } from '@dsyb/contracts';
import {
  addEntry,
  arrangementOf,
  arrangementPayload,
  chronicleDay,
  dropEntry,
  moveEntry,
  positionOf,
  removeEntry,
  sameArrangement,
  sortSectionByDate,
  type Arrangement,
  type AssemblyEntry,
} from './arrangement';

const section = (id: string, name: string, position: number): Section => ({ id, key: id, name, position, active: true });
const contents = (id: string, position: number): IssueContentsEntry => ({ id, title: `条目${id}`, status: 'draft', eventDate: '2020-09-01', eventDatePrecision: 'day', position, version: 1 });

const focus = section('focus', '本期焦点', 1);
const politics = section('politics', '时政要点', 2);
const economy = section('economy', '经济热点', 3);

const issue = {
  id: 'i1',
  version: 7,
  sections: [
    { id: 'politics', key: 'politics', name: '时政要点', entries: [contents('a', 1), contents('b', 2), contents('c', 3)] },
    // A section retired since, still holding one of this issue's entries.
    { id: 'old', key: 'old', name: '旧栏目', entries: [contents('d', 1)] },
  ],
  recipients: [],
} as unknown as IssueDetail;

const ids = (arrangement: Arrangement, sectionId: string) => arrangement.entries[sectionId].map(entry => entry.id);

describe('the assembly of an issue', () => {
  const arrangement = arrangementOf(issue, [focus, politics, economy]);

  it('shows every active section in order, and a retired one only while it holds entries', () => {
    expect(arrangement.sections.map(({ id, retired }) => [id, retired])).toEqual([['focus', false], ['politics', false], ['economy', false], ['old', true]]);
    expect(ids(arrangement, 'politics')).toEqual(['a', 'b', 'c']);
    expect(ids(arrangement, 'focus')).toEqual([]);
  });

  it('reorders an entry within its section', () => {
    expect(ids(moveEntry(arrangement, 'c', 'politics', 0), 'politics')).toEqual(['c', 'a', 'b']);
  });

  it('moves an entry to another section, at the end when no place is given', () => {
    const moved = moveEntry(moveEntry(arrangement, 'a', 'economy'), 'd', 'economy', 0);
    expect(ids(moved, 'economy')).toEqual(['d', 'a']);
    expect(ids(moved, 'politics')).toEqual(['b', 'c']);
    expect(ids(moved, 'old')).toEqual([]);
  });

  it('leaves the arrangement as it is for an unknown entry or section', () => {
    expect(moveEntry(arrangement, 'zzz', 'economy')).toBe(arrangement);
    expect(moveEntry(arrangement, 'a', 'nowhere')).toBe(arrangement);
  });

  it('adds an unplaced entry to its own section, or to the first one when the issue lacks it, and never twice', () => {
    const own: AssemblyEntry = { id: 'e', title: '新条目', status: 'draft', eventDate: null, eventDatePrecision: 'day', sectionId: 'economy' };
    const elsewhere: AssemblyEntry = { ...own, id: 'f', sectionId: 'culture' };
    const added = addEntry(addEntry(arrangement, own), elsewhere);
    expect(ids(added, 'economy')).toEqual(['e']);
    expect(ids(added, 'focus')).toEqual(['f']);
    expect(addEntry(added, own)).toBe(added);
  });

  it('saves every active section and leaves out a retired one emptied', () => {
    const emptied = removeEntry(arrangement, 'd');
    expect(arrangementPayload(emptied, issue.version)).toEqual({
      version: 7,
      sections: [
        { sectionId: 'focus', entryIds: [] },
        { sectionId: 'politics', entryIds: ['a', 'b', 'c'] },
        { sectionId: 'economy', entryIds: [] },
      ],
    });
    expect(arrangementPayload(arrangement, 7).sections.at(-1)).toEqual({ sectionId: 'old', entryIds: ['d'] });
  });

  it('drops an entry in the place of the one it is over, and changes nothing dropped on itself or its section', () => {
    const dropped = dropEntry(arrangement, 'a', 'b');
    expect(ids(dropped, 'politics')).toEqual(['b', 'a', 'c']);
    expect(positionOf(dropped, 'a')).toEqual({ sectionId: 'politics', position: 2 });
    expect(ids(dropEntry(arrangement, 'c', 'a'), 'politics')).toEqual(['c', 'a', 'b']);
    expect(dropEntry(arrangement, 'a', 'a')).toBe(arrangement);
    expect(dropEntry(arrangement, 'a', 'politics')).toBe(arrangement);
  });

  it('knows an arrangement that places everything as another does, whatever objects hold it', () => {
    expect(sameArrangement(moveEntry(moveEntry(arrangement, 'a', 'economy'), 'a', 'politics', 0), arrangement)).toBe(true);
    expect(sameArrangement(dropEntry(arrangement, 'a', 'b'), arrangement)).toBe(false);
  });

  describe('按日期排序', () => {
    const entry = (id: string, eventDate: string | null, eventDatePrecision: 'day' | 'month' = 'day'): AssemblyEntry => ({
      id,
      title: id,
      status: 'draft',
      eventDate,
      eventDatePrecision,
      sectionId: 'politics',
    });

    it('files a month-precision event under the month’s last day, as a chronicle does', () => {
      expect(chronicleDay(entry('x', '2021-10-01', 'month'))).toBe('2021-10-31');
      expect(chronicleDay(entry('x', '2024-02-01', 'month'))).toBe('2024-02-29');
      expect(chronicleDay(entry('x', '2021-10-14'))).toBe('2021-10-14');
      expect(chronicleDay(entry('x', null))).toBeUndefined();
    });

    it('orders one section by date, month-only events after the dated ones of the month, ties and undated as they were', () => {
      const unsorted: Arrangement = {
        ...arrangement,
        entries: {
          ...arrangement.entries,
          politics: [
            entry('twentieth', '2021-10-20'),
            entry('undated', null),
            entry('month', '2021-10-01', 'month'),
            entry('fifth', '2021-10-05'),
            entry('twentieth-again', '2021-10-20'),
            entry('september', '2021-09-30'),
          ],
        },
      };
      const sorted = sortSectionByDate(unsorted, 'politics');
      expect(ids(sorted, 'politics')).toEqual(['september', 'fifth', 'twentieth', 'twentieth-again', 'month', 'undated']);
      expect(sorted.entries.old).toBe(unsorted.entries.old);
      expect(sameArrangement(sortSectionByDate(sorted, 'politics'), sorted)).toBe(true);
    });
  });
});
