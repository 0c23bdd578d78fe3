import { Alert, Box, LinearProgress, Paper, Typography } from '@mui/material';
import { Link, useCreatePath, useGetOne, useTranslate } from 'react-admin';
import type { Source } from '@dsyb/contracts';
import { useByline, useSourceOrigin } from './sourceFields';
import { SourceText } from './SourceText';

/**
 * The source article an entry was condensed from (GET /api/sources/:id), shown beside the
 * entry's body so the two can be read side by side.
 */
export const SourcePanel = ({ sourceId }: { sourceId: string }) => {
  const translate = useTranslate();
  const createPath = useCreatePath();
  const origin = useSourceOrigin();
  const byline = useByline();
  const { data: source, isPending, error } = useGetOne<Source>('sources', { id: sourceId });

  return (
    <Paper variant="outlined" component="aside" sx={{ p: 2, position: { md: 'sticky' }, top: { md: 72 } }} data-testid="source-panel">
      <Typography variant="overline" color="text.secondary">
        {translate('app.sources.panel_title')}
      </Typography>
      {isPending ? (
        <LinearProgress sx={{ my: 2 }} />
      ) : error || !source ? (
        <Alert severity="warning">{translate('app.sources.not_found')}</Alert>
      ) : (
        <Box>
          <Typography variant="h6" component="h3" sx={{ lineHeight: 1.4 }}>
            <Link to={createPath({ resource: 'sources', type: 'show', id: source.id })}>{source.headline}</Link>
          </Typography>
          <Typography variant="body2" color="text.secondary">
            {origin(source)}
          </Typography>
          {source.contributors.length > 0 && (
            <Typography variant="body2" color="text.secondary">
              {byline(source.contributors)}
            </Typography>
          )}
          <Box sx={{ mt: 1.5 }}>
            <SourceText text={source.text} maxHeight="60vh" />
          </Box>
        </Box>
      )}
    </Paper>
  );
};
