import ArrowForward from '@mui/icons-material/ArrowForward';
import Home from '@mui/icons-material/Home';
import { Alert, Button } from '@mui/material';
import { Link, useGetList, useGetOne, useLocaleState, useTranslate } from 'react-admin';
import { entryPath } from '../routes/paths';
import { nestedTitle, type Entry, type IssueDetail } from '@dsyb/contracts';
import { nextSubmittedInIssue } from './reviewQueue';
import { useReviewOutcome } from './ReviewOutcome';

/**
 * After 通过 or 退回修改 on an entry's page: the way on to the next entry awaiting review — the
 * next submitted one in the same issue (print order), else the one waiting longest anywhere —
 * or, when none is left, 没有待审条目了 and the way back to the dashboard.
 */
export const NextReviewOffer = ({ entry }: { entry: Pick<Entry, 'id' | 'issueId' | 'title'> }) => {
  const { outcome } = useReviewOutcome();
  if (!outcome || outcome.entryId !== entry.id) return null;
  return <NextReview entry={entry} action={outcome.action} />;
};

const NextReview = ({ entry, action }: { entry: Pick<Entry, 'id' | 'issueId' | 'title'>; action: 'approve' | 'return' }) => {
  const translate = useTranslate();
  // Chinese sentences follow 。 without a space; English ones after a space.
  const [locale] = useLocaleState();
  const between = locale.startsWith('zh') ? '' : ' ';
  const issueId = entry.issueId ?? undefined;
  const { data: issue, isPending: issuePending } = useGetOne<IssueDetail>('issues', { id: issueId ?? '' }, { enabled: issueId !== undefined });
  // Two, since the entry just reviewed may still be listed as submitted until the list reloads.
  const { data: oldest, isPending: listPending } = useGetList<Entry>('entries', {
    filter: { status: 'submitted' },
    sort: { field: 'updatedAt', order: 'ASC' },
    pagination: { page: 1, perPage: 2 },
  });
  if ((issueId !== undefined && issuePending) || listPending) return null;

  const done = translate(`app.workflow.next_review.done_${action}`, { title: nestedTitle(entry.title) });
  const inIssue = issue?.sections ? nextSubmittedInIssue(issue.sections, entry.id) : undefined;
  const elsewhere = inIssue ? undefined : oldest?.find(candidate => candidate.id !== entry.id);
  const next = inIssue ? { id: inIssue.entry.id, title: inIssue.entry.title } : elsewhere;

  const where = !next
    ? translate('app.workflow.next_review.none')
    : inIssue
      ? translate('app.workflow.next_review.in_issue', { title: nestedTitle(next.title), section: inIssue.sectionName })
      : translate(issueId ? 'app.workflow.next_review.oldest_after_issue' : 'app.workflow.next_review.oldest', { title: nestedTitle(next.title) });
  // The way on: the next entry, or back to the dashboard when none is left.
  const onward = next ? (
    <Button component={Link} to={entryPath(next.id)} variant="contained" size="small" endIcon={<ArrowForward />} sx={{ whiteSpace: 'nowrap' }}>
      {translate('app.workflow.next_review.open')}
    </Button>
  ) : (
    <Button component={Link} to="/" size="small" startIcon={<Home />} sx={{ whiteSpace: 'nowrap' }}>
      {translate('app.workflow.next_review.dashboard')}
    </Button>
  );
  return (
    <Alert severity={next ? 'info' : 'success'} role="status" sx={{ mb: 2, alignItems: 'center' }} data-testid="next-review" action={onward}>
      {done}
      {between}
      {where}
    </Alert>
  );
};
