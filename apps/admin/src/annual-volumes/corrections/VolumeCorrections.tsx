import { Alert, Box, LinearProgress, Stack, Typography } from '@mui/material';
import { useGetList, useRecordContext, useTranslate } from 'react-admin';
import type { AnnualVolume, AnnualVolumeEntry } from '@dsyb/contracts';
import { canEditIssue } from '../../review/allowedTransitions';
import { useRoles } from '../../review/useRoles';
import { CorrectionCard } from './CorrectionCard';

/**
 * 月报更正: the events whose monthly entry was corrected (勘误) or is gone since it was taken,
 * as a recompilation found them. Each shows the volume's text beside the corrected one and what
 * taking it would change; the editor takes the correction or keeps the text. Review and sign-off
 * wait until none is left.
 */
const VolumeCorrections = (_props: { label?: false }) => {
  const volume = useRecordContext<AnnualVolume>();
  const translate = useTranslate();
  const roles = useRoles();
  const { data: pending, isPending } = useGetList<AnnualVolumeEntry>(
    'annual-volume-entries',
    { filter: { volumeId: volume?.id, pending: true }, pagination: { page: 1, perPage: 1000 }, sort: { field: 'eventDate', order: 'ASC' } },
    { enabled: Boolean(volume?.id) },
  );
  if (!volume) return null;
  if (isPending || !pending) return <LinearProgress sx={{ my: 2 }} />;
  const editable = canEditIssue(volume.status, roles);
  return (
    <Box sx={{ p: { xs: 0, md: 1 } }} data-testid="volume-corrections">
      {pending.length === 0 ? (
        <Typography color="text.secondary" data-testid="volume-corrections-none">
          {translate('app.annual_volumes.corrections.none')}
        </Typography>
      ) : (
        <>
          <Alert severity="info" sx={{ mb: 2 }}>
            {translate('app.annual_volumes.corrections.help')}
          </Alert>
          <Stack spacing={3}>
            {pending.map(entry => (
              <CorrectionCard key={entry.id} entry={entry} editable={editable} />
            ))}
          </Stack>
        </>
      )}
    </Box>
  );
};

export default VolumeCorrections;
