import { Alert, Box, LinearProgress, Stack, Typography } from '@mui/material';
import { useEffect } from 'react';
import { useGetOne, useTranslate } from 'react-admin';
import type { Rendition } from '@dsyb/contracts';
import { formatBytes, isFinished } from './renditionFormat';

const POLL_MS = 500;

/**
 * The typesetting under way: GET /api/renditions/:id every half second until it is done or
 * failed, as a progress bar. The bar stays, at 100 % or with the error, until the next request;
 * a finished PDF with figures printed as placeholders lists them.
 */
export const RenditionProgress = ({
  requested,
  onFinished,
}: {
  /** The rendition as the request answered it; polling takes over from there. */
  requested: Rendition;
  onFinished: (rendition: Rendition) => void;
}) => {
  const translate = useTranslate();
  const { data } = useGetOne<Rendition>(
    'renditions',
    { id: requested.id },
    { refetchInterval: query => (isFinished(query.state.data) ? false : POLL_MS) },
  );
  const rendition = data ?? requested;
  const finished = isFinished(rendition);

  useEffect(() => {
    if (finished) onFinished(rendition);
    // Once per rendition reaching its end, not on every poll.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [finished, rendition.id]);

  const kind = translate(`app.renditions.kind.${rendition.kind}`);
  const label =
    rendition.status === 'done'
      ? translate('app.renditions.progress_done', {
          kind,
          pages: rendition.pages ?? '?',
          size: rendition.bytes != null ? formatBytes(rendition.bytes) : '?',
        })
      : rendition.status === 'failed'
        ? translate('app.renditions.progress_failed', { kind })
        : translate(rendition.status === 'queued' ? 'app.renditions.progress_queued' : 'app.renditions.progress_running', {
            kind,
            progress: rendition.progress,
          });

  return (
    <Box sx={{ my: 2 }} data-testid="rendition-progress" data-status={rendition.status}>
      <Stack direction="row" sx={{ justifyContent: 'space-between', mb: 0.5 }}>
        <Typography variant="body2" role="status">
          {label}
        </Typography>
        {!finished ? (
          <Typography variant="body2" color="text.secondary">
            {rendition.progress}%
          </Typography>
        ) : null}
      </Stack>
      <LinearProgress
        variant={rendition.status === 'queued' ? 'indeterminate' : 'determinate'}
        value={rendition.status === 'done' ? 100 : rendition.progress}
        color={rendition.status === 'done' ? 'success' : rendition.status === 'failed' ? 'error' : 'primary'}
        aria-label={label}
        sx={{ height: 8, borderRadius: 1 }}
      />
      {rendition.status === 'done' && rendition.warnings?.length ? (
        <Alert severity="warning" sx={{ mt: 1 }} data-testid="rendition-warnings">
          {translate('app.renditions.warnings')}
          {rendition.warnings.map((warning) => (
            <Typography key={warning} variant="body2">
              {warning}
            </Typography>
          ))}
        </Alert>
      ) : null}
      {rendition.status === 'failed' ? (
        <Alert severity="error" sx={{ mt: 1 }} data-testid="rendition-error">
          {rendition.error ?? translate('app.renditions.error_unknown')}
        </Alert>
      ) : null}
    </Box>
  );
};
