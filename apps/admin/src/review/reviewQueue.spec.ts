import { describe, expect, it } from '@jest/globals';
import type { EntryStatus, IssueContentsEntry, IssueContentsSection } from '@dsyb/contracts';
import { nextSubmittedInIssue } from './reviewQueue';

const entry = (id: string, status: EntryStatus): IssueContentsEntry => ({ id, title: id, status, eventDate: null, eventDatePrecision: 'day', position: 0, version: 1 });
const sections: IssueContentsSection[] = [
  { id: 's1', key: 'focus', name: '本期焦点', entries: [entry('a', 'submitted'), entry('b', 'approved')] },
  { id: 's2', key: 'politics', name: '时政要点', entries: [entry('c', 'submitted'), entry('d', 'draft'), entry('e', 'submitted')] },
];

describe('the entry a reviewer reads next in the issue', () => {
  it('is the next submitted one in print order, across sections', () => {
    expect(nextSubmittedInIssue(sections, 'b')).toEqual({ entry: entry('c', 'submitted'), sectionName: '时政要点' });
    expect(nextSubmittedInIssue(sections, 'c')?.entry.id).toBe('e');
  });

  it('goes back to the start of the issue after the last one', () => {
    expect(nextSubmittedInIssue(sections, 'e')).toEqual({ entry: entry('a', 'submitted'), sectionName: '本期焦点' });
  });

  it('never offers the entry just reviewed, even when the contents still say it is submitted', () => {
    const one = [{ ...sections[0], entries: [entry('a', 'submitted')] }];
    expect(nextSubmittedInIssue(one, 'a')).toBeUndefined();
  });
});
