import { Alert, Box, Button, LinearProgress } from '@mui/material';
import { lazy, Suspense, type ReactNode } from 'react';
import { Labeled, Link, Show, TabbedShowLayout, TextField, useRecordContext, useTranslate } from 'react-admin';
import type { AnnualVolume } from '@dsyb/contracts';
import { CalendarDateField } from '../fields/CalendarDateField';
import { TimestampField } from '../fields/TimestampField';
import { ReviewHistory } from '../issues/IssueReviewHistory';
import { annualVolumes } from '../providers/annualVolumes';
import { canEditIssue } from '../review/allowedTransitions';
import { useRoles } from '../review/useRoles';
import { annualVolumePath } from '../routes/paths';
import { CompilationReportAlert, CompilationReportProvider } from './compilationReport';
import { VolumeRenditions } from './VolumeRenditions';
import { VolumeShowActions } from './VolumeShowActions';
import { PendingCountField, VolumeStatusField } from './volumeFields';

/** The tabs that edit are chunks of their own (the events' editor brings TipTap). */
const VolumeEntries = lazy(() => import('./entries/VolumeEntries'));
const VolumeCorrections = lazy(() => import('./corrections/VolumeCorrections'));
const VolumeIndex = lazy(() => import('./index-terms/VolumeIndex'));

const REVIEW_STEPS = new Set(['annual_volume.submit_review', 'annual_volume.sign_off', 'annual_volume.return', 'annual_volume.publish']);

/**
 * A volume: its cover data and state (概况), its events month by month (条目), the corrections
 * of monthly issues waiting for the editor (月报更正), its index (索引) and its typesetting. The
 * tabs have addresses of their own: /annual-volumes/:id/show/entries, …/corrections, …/index,
 * …/renditions.
 */
const VolumeShow = () => (
  <CompilationReportProvider>
    <Show actions={<VolumeShowActions />}>
      <VolumeTabs />
    </Show>
  </CompilationReportProvider>
);

const VolumeTabs = () => {
  const volume = useRecordContext<AnnualVolume>();
  const translate = useTranslate();
  const pending = volume?.pendingCount ?? 0;
  return (
    <>
      <Box sx={{ px: 2, pt: 2 }}>
        <CompilationReportAlert />
        <VolumeNotice />
      </Box>
      <TabbedShowLayout>
        <TabbedShowLayout.Tab label="app.annual_volumes.tab_overview">
          <VolumeOverview label={false} />
        </TabbedShowLayout.Tab>
        <TabbedShowLayout.Tab label="app.annual_volumes.tab_entries" path="entries">
          <Lazy>
            <VolumeEntries label={false} />
          </Lazy>
        </TabbedShowLayout.Tab>
        <TabbedShowLayout.Tab
          label={
            <span data-testid="corrections-tab-label">
              {pending > 0 ? translate('app.annual_volumes.tab_corrections_count', { smart_count: pending }) : translate('app.annual_volumes.tab_corrections')}
            </span>
          }
          path="corrections"
        >
          <Lazy>
            <VolumeCorrections label={false} />
          </Lazy>
        </TabbedShowLayout.Tab>
        <TabbedShowLayout.Tab label="app.annual_volumes.tab_index" path="index">
          <Lazy>
            <VolumeIndex label={false} />
          </Lazy>
        </TabbedShowLayout.Tab>
        <TabbedShowLayout.Tab label="app.renditions.title" path="renditions">
          <VolumeRenditions label={false} />
        </TabbedShowLayout.Tab>
      </TabbedShowLayout>
    </>
  );
};

const Lazy = ({ children }: { children: ReactNode }) => <Suspense fallback={<LinearProgress sx={{ my: 2 }} />}>{children}</Suspense>;

/** Why nothing can be changed (signed off, published), or what must be done before review. */
const VolumeNotice = () => {
  const volume = useRecordContext<AnnualVolume>();
  const translate = useTranslate();
  const roles = useRoles();
  if (!volume) return null;
  if (volume.status === 'published') {
    return (
      <Alert severity="info" sx={{ mb: 2 }} data-testid="volume-notice">
        {translate('app.annual_volumes.published_notice')}
      </Alert>
    );
  }
  if (volume.status === 'approved') {
    return (
      <Alert severity="info" sx={{ mb: 2 }} data-testid="volume-notice">
        {translate('app.annual_volumes.locked_notice')}
      </Alert>
    );
  }
  if (volume.pendingCount > 0 && canEditIssue(volume.status, roles)) {
    return (
      <Alert
        severity="warning"
        sx={{ mb: 2, alignItems: 'center' }}
        data-testid="volume-notice"
        action={
          <Button component={Link} to={annualVolumePath(volume.id, 'corrections')} color="inherit" size="small">
            {translate('app.annual_volumes.open_corrections')}
          </Button>
        }
      >
        {translate('app.annual_volumes.pending_notice', { smart_count: volume.pendingCount })}
      </Alert>
    );
  }
  return null;
};

const grid = { display: 'grid', gap: 2, gridTemplateColumns: 'repeat(auto-fill, minmax(12rem, 1fr))' } as const;

/** What the volume's cover says, its counts and its way through review. */
const VolumeOverview = (_props: { label?: false }) => {
  const volume = useRecordContext<AnnualVolume>();
  if (!volume) return null;
  return (
    <Box sx={{ p: { xs: 0, md: 1 } }} data-testid="volume-overview">
      <Box sx={grid}>
        <Box sx={{ gridColumn: '1 / -1' }}>
          <Labeled>
            <TextField source="title" variant="body1" />
          </Labeled>
        </Box>
        <Labeled>
          <TextField source="year" />
        </Labeled>
        <Labeled>
          <TextField source="compiler" />
        </Labeled>
        <Labeled>
          <CalendarDateField source="publicationDate" />
        </Labeled>
        <Labeled source="status" sx={{ alignItems: 'flex-start' }}>
          <VolumeStatusField />
        </Labeled>
        <Labeled>
          <TextField source="entryCount" />
        </Labeled>
        <Labeled>
          <TextField source="excludedCount" />
        </Labeled>
        <Labeled source="pendingCount" sx={{ alignItems: 'flex-start' }}>
          <PendingCountField />
        </Labeled>
        <Labeled>
          <TimestampField source="compiledAt" />
        </Labeled>
        {volume.signedOffAt ? (
          <Labeled>
            <TimestampField source="signedOffAt" />
          </Labeled>
        ) : null}
        {volume.publishedAt ? (
          <Labeled>
            <TimestampField source="publishedAt" />
          </Labeled>
        ) : null}
        <Labeled>
          <TimestampField source="updatedAt" />
        </Labeled>
      </Box>
      <ReviewHistory
        queryKey={['annual-volumes', 'history', volume.id]}
        load={() => annualVolumes.history(volume.id)}
        steps={REVIEW_STEPS}
        testId="volume-review-history"
      />
    </Box>
  );
};

export default VolumeShow;
