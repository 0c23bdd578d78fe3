import ManageSearch from '@mui/icons-material/ManageSearch';
import { Alert, Box, Button, LinearProgress, Stack, Typography } from '@mui/material';
import { useState } from 'react';
import { useGetList, useNotify, useRecordContext, useRefresh, useTranslate } from 'react-admin';
import type { AnnualIndexTerm, AnnualVolume } from '@dsyb/contracts';
import { annualVolumes } from '../../providers/annualVolumes';
import { canEditIssue } from '../../review/allowedTransitions';
import { errorMessage } from '../../review/useTransitions';
import { useRoles } from '../../review/useRoles';
import { termsByStatus } from '../indexTerms';
import { AddTermForm } from './AddTermForm';
import { IndexTermTable } from './IndexTermTable';

/**
 * 索引: 提取索引词 finds the people, places and organisations the events name; the editor accepts
 * or leaves out each, merges other names of the same one into an accepted term, and adds what
 * the segmenter missed. Terms are grouped by that decision, those still to decide first.
 */
const VolumeIndex = (_props: { label?: false }) => {
  const volume = useRecordContext<AnnualVolume>();
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const roles = useRoles();
  const [proposing, setProposing] = useState(false);
  const { data: terms, isPending } = useGetList<AnnualIndexTerm>(
    'annual-index-terms',
    { filter: { volumeId: volume?.id }, pagination: { page: 1, perPage: 1000 }, sort: { field: 'occurrences', order: 'DESC' } },
    { enabled: Boolean(volume?.id) },
  );
  if (!volume) return null;
  const editable = canEditIssue(volume.status, roles);
  const propose = async () => {
    setProposing(true);
    try {
      const result = await annualVolumes.proposeIndexTerms(volume.id);
      notify('app.annual_volumes.index.proposed', { type: 'success', messageArgs: { ...result } });
    } catch (error) {
      notify(errorMessage(error), { type: 'error', multiLine: true });
    } finally {
      setProposing(false);
      refresh();
    }
  };
  return (
    <Box sx={{ p: { xs: 0, md: 1 } }} data-testid="volume-index">
      <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
        {translate('app.annual_volumes.index.help')}
      </Typography>
      {editable ? (
        <Stack direction={{ xs: 'column', md: 'row' }} spacing={2} useFlexGap sx={{ alignItems: { md: 'center' }, mb: 2, flexWrap: 'wrap' }}>
          <Button variant="contained" size="small" startIcon={<ManageSearch />} disabled={proposing} onClick={() => void propose()} data-testid="index-propose">
            {translate('app.annual_volumes.index.propose')}
          </Button>
          <AddTermForm volumeId={volume.id} />
        </Stack>
      ) : null}
      {proposing ? <LinearProgress sx={{ mb: 2 }} /> : null}
      {isPending || !terms ? (
        <LinearProgress sx={{ my: 2 }} />
      ) : terms.length === 0 ? (
        <Alert severity="info">{translate('app.annual_volumes.index.none')}</Alert>
      ) : (
        <Stack spacing={3}>
          {termsByStatus(terms).map(group => (
            <Box component="section" key={group.status} data-testid="index-group" data-status={group.status}>
              <Stack direction="row" spacing={1} sx={{ alignItems: 'baseline', borderBottom: 1, borderColor: 'divider', pb: 0.5 }}>
                <Typography variant="subtitle1" component="h3" sx={{ fontWeight: 700 }}>
                  {translate(`app.annual_volumes.index.statuses.${group.status}`)}
                </Typography>
                <Typography variant="caption" color="text.secondary">
                  {group.terms.length}
                </Typography>
              </Stack>
              {group.terms.length === 0 ? (
                <Typography variant="body2" color="text.secondary" sx={{ py: 1, pl: 1 }}>
                  {translate('app.annual_volumes.index.group_empty')}
                </Typography>
              ) : (
                <IndexTermTable terms={group.terms} allTerms={terms} editable={editable} />
              )}
            </Box>
          ))}
        </Stack>
      )}
    </Box>
  );
};

export default VolumeIndex;
