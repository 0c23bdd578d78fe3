import type { IssueContentsEntry, IssueContentsSection } from '@dsyb/contracts';

export interface NextInIssue {
  entry: IssueContentsEntry;
  sectionName: string;
}

/**
 * The submitted entry a reviewer reads next in the same issue: the first one after `currentId`
 * in print order (sections in order, entries by position), else the first one before it. The
 * entry just reviewed is never offered, whatever status the (possibly older) contents say.
 */
export function nextSubmittedInIssue(sections: readonly IssueContentsSection[], currentId: string): NextInIssue | undefined {
  const flat = sections.flatMap(section => section.entries.map(entry => ({ entry, sectionName: section.name })));
  const index = flat.findIndex(item => item.entry.id === currentId);
  const inOrder = index < 0 ? flat : [...flat.slice(index + 1), ...flat.slice(0, index)];
  return inOrder.find(item => item.entry.status === 'submitted' && item.entry.id !== currentId);
}
