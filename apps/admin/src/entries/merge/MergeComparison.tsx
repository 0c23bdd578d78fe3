import ContentCopy from '@mui/icons-material/ContentCopy';
import { Box, Button, Paper, Stack, Typography } from '@mui/material';
import { useLocaleState, useNotify, useTranslate } from 'react-admin';
import { formatEventDate } from '../../formatDate';
import type { EventDatePrecision } from '@dsyb/contracts';
import { bodyPlainText } from '../body/bodyText';
import { DiffLegend, TextDiff } from '../history/TextDiff';

/** What the two sides of a conflict show: the printed wording of an entry. */
export interface MergeSide {
  title: string;
  bodyHtml: string;
  eventDate: string | null;
  eventDatePrecision: EventDatePrecision;
}

export const asSide = (data: Record<string, unknown>): MergeSide => ({
  title: typeof data.title === 'string' ? data.title : '',
  bodyHtml: typeof data.bodyHtml === 'string' ? data.bodyHtml : '',
  eventDate: typeof data.eventDate === 'string' ? data.eventDate : null,
  eventDatePrecision: data.eventDatePrecision === 'month' ? 'month' : 'day',
});

/**
 * The user's text and the server's, each readable and copyable in full, then what saving
 * `result` would change in the server's version, character by character.
 */
export const MergeComparison = ({
  mine,
  server,
  result,
  serverLabel,
}: {
  mine: MergeSide;
  server: MergeSide;
  /** What would be saved: the user's changes laid over the server's version. */
  result: MergeSide;
  serverLabel: string;
}) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const date = (side: MergeSide) => (side.eventDate ? formatEventDate(side.eventDate, side.eventDatePrecision, locale) : '');
  return (
    <Stack spacing={2}>
      <Box sx={{ display: 'grid', gap: 2, gridTemplateColumns: { xs: '1fr', md: '1fr 1fr' } }}>
        <Side heading={translate('app.merge.mine')} side={mine} date={date(mine)} testId="merge-mine" />
        <Side heading={serverLabel} side={server} date={date(server)} testId="merge-server" />
      </Box>
      <Paper variant="outlined" sx={{ p: 2 }} data-testid="merge-diff">
        <Typography variant="subtitle2" component="h3">
          {translate('app.merge.diff_title')}
        </Typography>
        <DiffLegend />
        <Typography variant="caption" color="text.secondary" component="div" sx={{ mt: 1 }}>
          {translate('resources.entries.fields.title')}
        </Typography>
        <TextDiff before={server.title} after={result.title} />
        {date(result) !== date(server) ? (
          <>
            <Typography variant="caption" color="text.secondary" component="div" sx={{ mt: 1 }}>
              {translate('resources.entries.fields.eventDate')}
            </Typography>
            <TextDiff before={date(server)} after={date(result)} />
          </>
        ) : null}
        <Typography variant="caption" color="text.secondary" component="div" sx={{ mt: 1 }}>
          {translate('resources.entries.fields.bodyText')}
        </Typography>
        <TextDiff before={bodyPlainText(server.bodyHtml)} after={bodyPlainText(result.bodyHtml)} serif />
      </Paper>
    </Stack>
  );
};

const Side = ({ heading, side, date, testId }: { heading: string; side: MergeSide; date: string; testId: string }) => {
  const translate = useTranslate();
  const notify = useNotify();
  const text = bodyPlainText(side.bodyHtml);
  const copy = (value: string) =>
    navigator.clipboard.writeText(value).then(
      () => notify('app.merge.copied', { type: 'info' }),
      () => notify('app.merge.copy_failed', { type: 'warning' }),
    );
  return (
    <Paper variant="outlined" sx={{ p: 2, minWidth: 0 }} data-testid={testId}>
      <Typography variant="subtitle2" component="h3" gutterBottom>
        {heading}
      </Typography>
      <Stack direction="row" spacing={1} sx={{ alignItems: 'baseline' }}>
        <Typography sx={{ fontWeight: 700, flex: 1 }} data-testid={`${testId}-title`}>
          {side.title}
        </Typography>
        <Button size="small" startIcon={<ContentCopy />} onClick={() => void copy(side.title)} sx={{ whiteSpace: 'nowrap' }}>
          {translate('app.merge.copy_title')}
        </Button>
      </Stack>
      {date ? (
        <Typography variant="body2" color="text.secondary">
          {date}
        </Typography>
      ) : null}
      <Box
        sx={{ whiteSpace: 'pre-wrap', lineHeight: 1.9, maxHeight: '30vh', overflowY: 'auto', my: 1, userSelect: 'text' }}
        data-testid={`${testId}-body`}
      >
        {text}
      </Box>
      <Button size="small" startIcon={<ContentCopy />} onClick={() => void copy(text)}>
        {translate('app.merge.copy_body')}
      </Button>
    </Paper>
  );
};
