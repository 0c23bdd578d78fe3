import { Alert, Box, Button, Link as MuiLink, Paper, Stack, Typography } from '@mui/material';
import { useState } from 'react';
import { Link, useLocaleState, useNotify, useRefresh, useTranslate } from 'react-admin';
import type { AnnualVolumeEntry, EventDatePrecision } from '@dsyb/contracts';
import { DiffLegend, TextDiff } from '../../entries/history/TextDiff';
import { formatEventDate } from '../../formatDate';
import { annualVolumes, type UpstreamDecision } from '../../providers/annualVolumes';
import { errorMessage } from '../../review/useTransitions';
import { entryPath } from '../../routes/paths';

interface Wording {
  title: string;
  bodyText: string;
  eventDate: string | null;
  eventDatePrecision: EventDatePrecision;
}

/**
 * One event with a correction waiting: the volume's text and the corrected monthly one side by
 * side (one above the other on a narrow screen), then what taking the correction changes,
 * character by character; 采用更正 / 保留本稿. A monthly entry that is gone offers to drop the
 * event or keep it as the editor's own.
 */
export const CorrectionCard = ({ entry, editable }: { entry: AnnualVolumeEntry; editable: boolean }) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const notify = useNotify();
  const refresh = useRefresh();
  const [busy, setBusy] = useState(false);
  const decide = async (decision: UpstreamDecision) => {
    setBusy(true);
    try {
      await annualVolumes.decideUpstream(entry.id, entry.version, decision);
      notify(decision === 'take' ? 'app.annual_volumes.corrections.taken' : 'app.annual_volumes.corrections.kept', { type: 'success', messageArgs: { title: entry.title } });
    } catch (error) {
      notify(errorMessage(error), { type: 'error', multiLine: true });
    } finally {
      setBusy(false);
      refresh();
    }
  };
  const current: Wording = { title: entry.title, bodyText: entry.bodyText, eventDate: entry.eventDate, eventDatePrecision: entry.eventDatePrecision };
  const pending = entry.pending;
  const upstream: Wording | undefined =
    pending?.change === 'changed'
      ? { title: pending.title ?? '', bodyText: pending.bodyText ?? '', eventDate: pending.eventDate, eventDatePrecision: pending.eventDatePrecision ?? 'day' }
      : undefined;
  const date = (wording: Wording) => (wording.eventDate ? formatEventDate(wording.eventDate, wording.eventDatePrecision, locale) : '');

  return (
    <Paper variant="outlined" sx={{ p: 2 }} data-testid="volume-correction" data-entry-id={entry.id} data-change={entry.pendingChange ?? undefined}>
      <Stack direction="row" spacing={2} useFlexGap sx={{ alignItems: 'baseline', flexWrap: 'wrap', mb: 1 }}>
        <Typography variant="subtitle1" component="h3" sx={{ fontWeight: 700 }}>
          {entry.title}
        </Typography>
        {entry.sourceEntryId && entry.sourceIssue ? (
          <MuiLink component={Link} to={entryPath(entry.sourceEntryId)} variant="body2">
            {translate('app.annual_volumes.entries.from_issue', { serialNumber: entry.sourceIssue.serialNumber })}
          </MuiLink>
        ) : null}
      </Stack>
      {entry.excluded ? (
        <Alert severity="info" sx={{ mb: 1 }}>
          {translate('app.annual_volumes.corrections.excluded_notice')}
        </Alert>
      ) : null}
      {upstream ? (
        <>
          <Box sx={{ display: 'grid', gap: 2, gridTemplateColumns: { xs: '1fr', md: '1fr 1fr' } }}>
            <Side heading={translate('app.annual_volumes.corrections.current')} wording={current} date={date(current)} testId="correction-current" />
            <Side heading={translate('app.annual_volumes.corrections.upstream')} wording={upstream} date={date(upstream)} testId="correction-upstream" />
          </Box>
          <Box sx={{ mt: 2 }} data-testid="correction-diff">
            <Typography variant="subtitle2" component="h4">
              {translate('app.annual_volumes.corrections.diff_title')}
            </Typography>
            <DiffLegend />
            <Typography variant="caption" color="text.secondary" component="div">
              {translate('resources.annual-volume-entries.fields.title')}
            </Typography>
            <TextDiff before={current.title} after={upstream.title} />
            {date(current) !== date(upstream) ? (
              <>
                <Typography variant="caption" color="text.secondary" component="div" sx={{ mt: 1 }}>
                  {translate('app.annual_volumes.corrections.date')}
                </Typography>
                <TextDiff before={date(current)} after={date(upstream)} />
              </>
            ) : null}
            <Typography variant="caption" color="text.secondary" component="div" sx={{ mt: 1 }}>
              {translate('resources.annual-volume-entries.fields.bodyHtml')}
            </Typography>
            <TextDiff before={current.bodyText} after={upstream.bodyText} serif />
          </Box>
        </>
      ) : (
        <Alert severity="warning">{translate('app.annual_volumes.corrections.removed_notice')}</Alert>
      )}
      {editable ? (
        <Stack direction="row" spacing={1} sx={{ mt: 2 }}>
          <Button variant="contained" size="small" disabled={busy} onClick={() => void decide('take')} data-testid="correction-take">
            {translate(upstream ? 'app.annual_volumes.corrections.take' : 'app.annual_volumes.corrections.take_removed')}
          </Button>
          <Button variant="outlined" size="small" disabled={busy} onClick={() => void decide('keep')} data-testid="correction-keep">
            {translate(upstream ? 'app.annual_volumes.corrections.keep' : 'app.annual_volumes.corrections.keep_removed')}
          </Button>
        </Stack>
      ) : null}
    </Paper>
  );
};

const Side = ({ heading, wording, date, testId }: { heading: string; wording: Wording; date: string; testId: string }) => (
  <Paper variant="outlined" sx={{ p: 2, minWidth: 0, bgcolor: 'background.default' }} data-testid={testId}>
    <Typography variant="caption" color="text.secondary" component="h4" gutterBottom>
      {heading}
    </Typography>
    <Typography sx={{ fontWeight: 700 }} data-testid={`${testId}-title`}>
      {wording.title}
    </Typography>
    {date ? (
      <Typography variant="body2" color="text.secondary">
        {date}
      </Typography>
    ) : null}
    <Box sx={{ whiteSpace: 'pre-wrap', lineHeight: 1.9, maxHeight: '30vh', overflowY: 'auto', mt: 1 }} data-testid={`${testId}-body`}>
      {wording.bodyText}
    </Box>
  </Paper>
);
