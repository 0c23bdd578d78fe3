import { Alert } from '@mui/material';
import { useGetOne } from 'react-admin';
import { useWatch } from 'react-hook-form';
import type { EventDatePrecision, Issue } from '@dsyb/contracts';
import { entryDateWarnings } from '@dsyb/workflow';

/** The body's text, paragraph by paragraph, from the editor's HTML. */
function bodyText(html: unknown): string {
  if (typeof html !== 'string' || html === '') return '';
  const body = new DOMParser().parseFromString(html, 'text/html').body;
  return Array.from(body.children, (block) => block.textContent ?? '').join('\n') || (body.textContent ?? '');
}

/**
 * As the editor types: the event date lies outside the period the entry's issue covers, or the
 * body's first sentence names another day (“10月14日，…”). The same check the server makes on
 * save (libs/workflow entryDateWarnings); a warning, not a refusal: late events are carried.
 */
export const EntryDateWarning = () => {
  const [eventDate, eventDatePrecision, issueId, bodyHtml] = useWatch({ name: ['eventDate', 'eventDatePrecision', 'issueId', 'bodyHtml'] }) as [
    unknown,
    EventDatePrecision | undefined,
    string | null | undefined,
    unknown,
  ];
  const { data: issue } = useGetOne<Issue>('issues', { id: issueId ?? '' }, { enabled: Boolean(issueId) });
  if (typeof eventDate !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(eventDate)) return null;
  const coverage = issue && issue.id === issueId ? { coverageStart: issue.coverageStart, coverageEnd: issue.coverageEnd } : null;
  const warnings = entryDateWarnings({ eventDate, eventDatePrecision: eventDatePrecision ?? 'day', bodyText: bodyText(bodyHtml) }, coverage);
  if (warnings.length === 0) return null;
  return (
    <Alert severity="warning" sx={{ mb: 1 }} data-testid="entry-date-warning" role="status">
      {warnings.map((warning) => (
        <div key={warning.code} data-code={warning.code}>
          {warning.message}
        </div>
      ))}
    </Alert>
  );
};
