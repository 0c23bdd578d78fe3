import { Box, Divider, Stack, Typography } from '@mui/material';
import { Show, useRecordContext } from 'react-admin';
import type { Source } from '@dsyb/contracts';
import { useByline, useSourceOrigin } from './sourceFields';
import { SourceText } from './SourceText';
import { DraftEntryButton } from './DraftEntryButton';
import { DuplicatePanel } from '../entries/duplicates/DuplicatePanel';
import { sourceDuplicateRequest } from '../entries/duplicates/duplicates';

/** A source article as an editor or reviewer reads it before condensing it into an entry. */
const SourceShow = () => (
  <Show>
    <SourceDetail />
  </Show>
);

const SourceDetail = () => {
  const source = useRecordContext<Source>();
  const origin = useSourceOrigin();
  const byline = useByline();
  if (!source) return null;
  return (
    <Box sx={{ p: { xs: 2, md: 3 }, maxWidth: '52em' }}>
      <Stack direction="row" spacing={2} sx={{ alignItems: 'flex-start', justifyContent: 'space-between' }}>
        <Typography variant="h5" component="h2">
          {source.headline}
        </Typography>
        <DraftEntryButton sourceId={String(source.id)} />
      </Stack>
      <Typography color="text.secondary">{origin(source)}</Typography>
      {source.contributors.length > 0 ? <Typography color="text.secondary">{byline(source.contributors)}</Typography> : null}
      {/* Before an entry is drafted from it: entries that may already record its event. */}
      <DuplicatePanel request={sourceDuplicateRequest(source)} />
      <Divider sx={{ my: 2 }} />
      <SourceText text={source.text} />
    </Box>
  );
};

export default SourceShow;
