import { Chip, type ChipProps } from '@mui/material';
import { useRecordContext, useTranslate } from 'react-admin';
import type { AnnualVolume, IssueStatus } from '@dsyb/contracts';
import { StatusChip } from '../fields/StatusChip';

const VOLUME_STATUS_COLORS: Record<IssueStatus, ChipProps['color']> = {
  drafting: 'default',
  in_review: 'warning',
  approved: 'info',
  published: 'success',
};

/** 编辑中 / 送审 / 已签发 / 已发布, as for issues. */
export const VolumeStatusField = (_props: { source?: string; label?: string }) => <StatusChip resource="annual-volumes" colors={VOLUME_STATUS_COLORS} />;

/** Corrections of monthly issues waiting to be taken or kept: a warning while there are any. */
export const PendingCountField = (_props: { source?: string; label?: string }) => {
  const record = useRecordContext<AnnualVolume>();
  if (!record) return null;
  return <Chip size="small" variant={record.pendingCount > 0 ? 'filled' : 'outlined'} color={record.pendingCount > 0 ? 'warning' : 'default'} label={record.pendingCount} />;
};

/** How a volume is named where its kind is already said (年度大事记：2020年): its year. */
export const volumeRepresentation = (record: Pick<AnnualVolume, 'year'>): string => `${record.year}年`;

/** The same, in the user's language. */
export function useVolumeLabel(): (volume: Pick<AnnualVolume, 'year'>) => string {
  const translate = useTranslate();
  return volume => translate('app.annual_volumes.label', { year: volume.year });
}
