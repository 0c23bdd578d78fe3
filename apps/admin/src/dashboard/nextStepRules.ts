import { useTranslate } from 'react-admin';
import { ISSUE_STATUSES, type EntryStatus, type IssueDetail, type IssueStatus, type IssueTransition, type Role } from '@dsyb/contracts';
import { useRoles } from '../review/useRoles';

/**
 * What comes next for an issue, for the signed-in user: which situation it is in (state, whose
 * move, how far its entries are), the sentence that says what to do, which workflow buttons are
 * not the next step yet, and which link is.
 */

export const STEPS: readonly IssueStatus[] = ISSUE_STATUSES;

/** The step under way: a signed-off issue has the sign-off behind it and publication ahead. */
export const ACTIVE_STEP: Record<IssueStatus, number> = { drafting: 0, in_review: 1, approved: 3, published: 4 };

/** Whose move it is: editors assemble, reviewers review and release. An admin is both. */
function whose(status: IssueStatus, roles: readonly Role[]): 'editor' | 'reviewer' | 'all' {
  if (status === 'published') return 'all';
  const edits = roles.includes('editor') || roles.includes('admin');
  const reviews = roles.includes('reviewer') || roles.includes('admin');
  if (status === 'drafting') return edits ? 'editor' : 'reviewer';
  return reviews ? 'reviewer' : 'editor';
}

/** The link that is the next step itself, where no workflow button is. */
export const PRIMARY: Record<string, string> = {
  'drafting.editor_empty': 'create',
  'in_review.reviewer': 'review',
  'in_review.editor': 'createIssue',
  'approved.editor': 'createIssue',
  'approved.reviewer': 'renditions',
  'published.all': 'createIssue',
};

/** Workflow buttons that are not the next step yet (the server would refuse them and say why). */
export const NOT_YET: Record<string, readonly IssueTransition[]> = {
  'drafting.editor_empty': ['submit_review'],
  'drafting.editor_drafts': ['submit_review'],
  'in_review.reviewer': ['sign_off'],
  'in_review.reviewer_returned': ['sign_off'],
  // Published from beside the final PDF, once it has been made and checked.
  'approved.reviewer': ['publish'],
};

type Counts = Record<EntryStatus, number> & { total: number };

function countEntries(issue: IssueDetail): Counts {
  const counts: Counts = { draft: 0, changes_requested: 0, submitted: 0, approved: 0, total: 0 };
  for (const entry of issue.sections.flatMap(section => section.entries)) {
    counts[entry.status] += 1;
    counts.total += 1;
  }
  return counts;
}

/**
 * What to say, by state, role and how far the entries are: an editor facing an empty issue is
 * told how to write the first entry, one with drafts how to submit them, one with everything
 * submitted to send it to review; a reviewer is told how many entries still wait, or to sign off.
 */
function situation(status: IssueStatus, who: 'editor' | 'reviewer' | 'all', counts: Counts): string {
  if (status === 'drafting' && who === 'editor') {
    if (counts.total === 0) return 'drafting.editor_empty';
    if (counts.draft + counts.changes_requested > 0) return 'drafting.editor_drafts';
    return 'drafting.editor_ready';
  }
  if (status === 'in_review' && who === 'reviewer') {
    if (counts.submitted > 0) return 'in_review.reviewer';
    if (counts.approved === counts.total) return 'in_review.reviewer_ready';
    return 'in_review.reviewer_returned';
  }
  return `${status}.${who}`;
}

/** The situation of the issue for this user, and the sentence that says what to do next. */
export function useNextStep(issue: IssueDetail): { key: string; message: string } {
  const translate = useTranslate();
  const roles = useRoles();
  const counts = countEntries(issue);
  const key = situation(issue.status, whose(issue.status, roles), counts);
  const message = translate(`app.dashboard.next.${key}`, {
    smart_count: key === 'in_review.reviewer' ? counts.submitted : counts.draft + counts.changes_requested,
    total: counts.total,
    returned: counts.changes_requested + counts.draft,
    drafts: counts.draft,
    changes_requested: counts.changes_requested,
  });
  return { key, message };
}
