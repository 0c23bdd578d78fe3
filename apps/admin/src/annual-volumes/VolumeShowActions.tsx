import Autorenew from '@mui/icons-material/Autorenew';
import { Button } from '@mui/material';
import { useState } from 'react';
import { EditButton, TopToolbar, useNotify, useRecordContext, useRefresh, useTranslate } from 'react-admin';
import type { AnnualVolume } from '@dsyb/contracts';
import { annualVolumes, volumeWordPath } from '../providers/annualVolumes';
import { ExportWordButton } from '../renditions/ExportWordButton';
import { canEditIssue } from '../review/allowedTransitions';
import { errorMessage } from '../review/useTransitions';
import { useRoles } from '../review/useRoles';
import { useCompilationReport } from './compilationReport';
import { VolumeTransitionButtons } from './VolumeTransitionButtons';

/**
 * What can be done with a volume: move it along the workflow (送审, 签发, 退回, 发布) as the
 * user's roles allow; while it may be changed, 重新编纂 (bring in what the year's issues carry
 * now) and edit its cover data; at any time, take it to Word.
 */
export const VolumeShowActions = () => {
  const volume = useRecordContext<AnnualVolume>();
  const roles = useRoles();
  if (!volume) return <TopToolbar />;
  const editable = canEditIssue(volume.status, roles);
  return (
    <TopToolbar sx={{ alignItems: 'center', flexWrap: 'wrap', gap: 1 }}>
      <VolumeTransitionButtons volume={volume} />
      {editable ? <RecompileButton volume={volume} /> : null}
      <ExportWordButton url={volumeWordPath(volume)} fallbackName={`${volume.title}.docx`} size="small" />
      {editable ? <EditButton /> : null}
    </TopToolbar>
  );
};

/** 重新编纂: the report (新增/变动/移除) is shown above the tabs, the changes wait in 月报更正. */
const RecompileButton = ({ volume }: { volume: AnnualVolume }) => {
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const { setOutcome } = useCompilationReport();
  const [busy, setBusy] = useState(false);
  const recompile = async () => {
    setBusy(true);
    try {
      const { compilation } = await annualVolumes.recompile(volume.id, volume.version);
      setOutcome({ kind: 'recompiled', report: compilation });
      notify('app.annual_volumes.recompiled', { type: 'success', messageArgs: compilation });
    } catch (error) {
      notify(errorMessage(error), { type: 'error', multiLine: true });
    } finally {
      setBusy(false);
      refresh();
    }
  };
  return (
    <Button size="small" variant="outlined" startIcon={<Autorenew />} disabled={busy} onClick={() => void recompile()} data-testid="volume-recompile">
      {translate('app.annual_volumes.recompile')}
    </Button>
  );
};
