import { describe, expect, it } from '@jest/globals';
import type { IssueContentsEntry, IssueDetail, Section } from '@dsyb/contracts';
import { addEntry, arrangementOf, arrangementPayload, moveEntry, removeEntry, type Arrangement, type AssemblyEntry } from './arrangement';

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
});
