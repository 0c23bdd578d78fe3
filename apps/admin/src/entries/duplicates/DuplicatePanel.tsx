import OpenInNew from '@mui/icons-material/OpenInNew';
import { Box, Chip, Link as MuiLink, Paper, Stack, Typography } from '@mui/material';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { Link, RecordContextProvider, useLocaleState, useTranslate } from 'react-admin';
import { formatEventDate } from '../../formatDate';
import { API_URL, httpClient } from '../../providers/httpClient';
import { entryPath } from '../../routes/paths';
import { EntryStatusField } from '../entryFields';
import { duplicateLikelihood, scorePercent, type DuplicateCandidate, type DuplicateRequest } from './duplicates';

const LIKELIHOOD_COLORS = { likely: 'error', possible: 'warning', similar: 'default' } as const;

/**
 * The entries that may already record this event (POST /api/search/duplicates), best first. A
 * failed request is no news: the list stays empty, and no error is shown to someone typing.
 */
export function useDuplicateCandidates(request: DuplicateRequest | undefined): DuplicateCandidate[] {
  const { data } = useQuery({
    queryKey: ['search', 'duplicates', request],
    queryFn: async ({ signal }) => {
      const { json } = await httpClient(`${API_URL}/search/duplicates`, { method: 'POST', body: JSON.stringify(request), signal });
      return (json as { candidates?: DuplicateCandidate[] }).candidates ?? [];
    },
    enabled: request !== undefined,
    // While the next answer is on its way the last one stays: the list does not blink at each pause.
    placeholderData: keepPreviousData,
    retry: false,
    staleTime: 60_000,
    refetchOnWindowFocus: false,
  });
  return request === undefined ? [] : (data ?? []);
}

/**
 * 「可能重复的条目」: the candidates for one question, or nothing at all (not even the heading)
 * when there are none. Used below the entry form's fields, on a source's page and for each
 * article a page import saved.
 */
export const DuplicatePanel = ({ request, heading, newTab = false }: { request: DuplicateRequest | undefined; heading?: ReactNode; newTab?: boolean }) => {
  const candidates = useDuplicateCandidates(request);
  if (candidates.length === 0) return null;
  return <DuplicateCandidates candidates={candidates} heading={heading} newTab={newTab} />;
};

export const DuplicateCandidates = ({ candidates, heading, newTab }: { candidates: DuplicateCandidate[]; heading?: ReactNode; newTab: boolean }) => {
  const translate = useTranslate();
  return (
    <Paper variant="outlined" component="section" sx={{ p: 2, mt: 2, width: '100%', boxSizing: 'border-box' }} data-testid="duplicate-candidates" aria-label={translate('app.duplicates.title')}>
      <Typography variant="overline" color="text.secondary" component="h3">
        {translate('app.duplicates.title')}
      </Typography>
      {heading ? (
        <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
          {heading}
        </Typography>
      ) : null}
      <Stack component="ol" spacing={1.5} sx={{ listStyle: 'none', m: 0, p: 0 }}>
        {candidates.map((candidate) => (
          <CandidateItem key={candidate.id} candidate={candidate} title={candidate.title} newTab={newTab} />
        ))}
      </Stack>
    </Paper>
  );
};

const CandidateItem = ({ candidate, title, newTab }: { candidate: DuplicateCandidate; title: string; newTab: boolean }) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const likelihood = duplicateLikelihood(candidate.score);
  const where = [
    candidate.date ? formatEventDate(candidate.date, candidate.eventDatePrecision, locale) : '',
    [candidate.issue ? translate('app.issues.serial_number', { serialNumber: candidate.issue.serialNumber }) : translate('app.duplicates.no_issue'), candidate.section?.name]
      .filter(Boolean)
      .join(' · '),
  ].filter(Boolean);
  return (
    <Box component="li" data-testid="duplicate-candidate" data-entry-id={candidate.id} data-likelihood={likelihood}>
      <Stack direction="row" spacing={1} sx={{ alignItems: 'baseline', flexWrap: 'wrap', rowGap: 0.5 }}>
        <Chip
          size="small"
          color={LIKELIHOOD_COLORS[likelihood]}
          label={`${scorePercent(candidate.score)} ${translate(`app.duplicates.${likelihood}`)}`}
          data-testid="duplicate-score"
          title={translate('app.duplicates.score_help')}
        />
        <MuiLink
          component={Link}
          to={entryPath(candidate.id)}
          {...(newTab ? { target: '_blank', rel: 'noopener', title: translate('app.duplicates.opens_in_new_tab') } : {})}
          sx={{ fontWeight: 600 }}
          data-testid="duplicate-title"
        >
          {title || translate('app.duplicates.untitled')}
          {newTab ? <OpenInNew sx={{ fontSize: '0.9em', ml: 0.5, verticalAlign: 'middle' }} aria-hidden /> : null}
        </MuiLink>
      </Stack>
      <Stack direction="row" spacing={1} sx={{ alignItems: 'center', flexWrap: 'wrap', rowGap: 0.5, mt: 0.5 }}>
        <Typography variant="body2" color="text.secondary" data-testid="duplicate-where">
          {where.join(' · ')}
        </Typography>
        <RecordContextProvider value={candidate}>
          <EntryStatusField />
        </RecordContextProvider>
      </Stack>
      {candidate.shared.length > 0 ? (
        <Stack direction="row" spacing={0.5} sx={{ alignItems: 'center', flexWrap: 'wrap', rowGap: 0.5, mt: 0.5 }} data-testid="duplicate-shared">
          <Typography variant="caption" color="text.secondary">
            {translate('app.duplicates.shared')}
          </Typography>
          {candidate.shared.map((word) => (
            <Chip key={word} label={word} size="small" variant="outlined" sx={{ height: 20, fontSize: '0.75rem' }} />
          ))}
        </Stack>
      ) : null}
    </Box>
  );
};
