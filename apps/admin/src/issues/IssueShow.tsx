import { Box, Divider, LinearProgress, Typography } from '@mui/material';
import { lazy, Suspense, type ReactNode } from 'react';
import { Labeled, Show, TabbedShowLayout, TextField, useRecordContext, useTranslate } from 'react-admin';
import { CalendarDateField } from '../fields/CalendarDateField';
import { TimestampField } from '../fields/TimestampField';
import { IssueCorrections } from '../corrections/IssueCorrections';
import { PublishedNotice } from '../corrections/PublishedNotice';
import { RenditionPanel } from '../renditions/RenditionPanel';
import type { IssueDetail } from '@dsyb/contracts';
import { IssueContents } from './IssueContents';
import { IssueNextStep } from './IssueNextStep';
import { IssueReviewHistory } from './IssueReviewHistory';
import { IssueShowActions } from './IssueShowActions';
import { CoverageField, IssueStatusField, SerialNumberField, YearMonthField } from './issueFields';

/** Drag and drop is fetched only when the assembly tab is opened. */
const IssueAssembly = lazy(() => import('./assembly/IssueAssembly'));
/** The delivery board, once the issue is published: fetched when its tab is opened. */
const DistributionPanel = lazy(() => import('../distribution/DistributionPanel'));

/**
 * Three tabs: what the issue says (cover, contents with the review buttons, distribution list,
 * review history), its assembly (entries placed and ordered, distribution list edited), and its
 * typesetting (proofs and finals with their files); once published a fourth, 发放情况 (dispatch
 * to the units and their receipts). The others have URLs of their own:
 * /issues/:id/show/assembly, /issues/:id/show/renditions and /issues/:id/show/distribution.
 */
const IssueShow = () => (
  <Show actions={<IssueShowActions />}>
    <IssueTabs />
  </Show>
);

const IssueTabs = () => {
  const record = useRecordContext<IssueDetail>();
  return (
    <TabbedShowLayout>
      <TabbedShowLayout.Tab label="app.issues.tab_overview">
        <IssueOverview label={false} />
      </TabbedShowLayout.Tab>
      <TabbedShowLayout.Tab label="app.assembly.tab" path="assembly">
        <Suspense fallback={<LinearProgress sx={{ my: 2 }} />}>
          <IssueAssembly label={false} />
        </Suspense>
      </TabbedShowLayout.Tab>
      <TabbedShowLayout.Tab label="app.renditions.title" path="renditions">
        <RenditionPanel label={false} />
      </TabbedShowLayout.Tab>
      {record?.status === 'published' ? (
        <TabbedShowLayout.Tab label="app.distribution.tab" path="distribution">
          <Suspense fallback={<LinearProgress sx={{ my: 2 }} />}>
            <DistributionPanel label={false} />
          </Suspense>
        </TabbedShowLayout.Tab>
      ) : null}
    </TabbedShowLayout>
  );
};

const IssueOverview = (_props: { label?: false }) => (
  <Box sx={{ p: { xs: 0, md: 1 } }}>
    <IssuePublishedNotice />
    <IssueNextStep />
    <Block title="app.issues.cover">
      <IssueCover />
    </Block>
    <Divider sx={{ my: 3 }} />
    <Block title="app.issues.contents">
      <IssueContents />
    </Block>
    <Divider sx={{ my: 3 }} />
    <Block title="app.issues.distribution">
      <IssueDistribution />
    </Block>
    <IssueCorrections />
    <IssueReviewHistory />
  </Box>
);

const IssuePublishedNotice = () => {
  const record = useRecordContext<IssueDetail>();
  return record ? <PublishedNotice issueId={record.id} issueState={record.status} /> : null;
};

const Block = ({ title, children }: { title: string; children: ReactNode }) => {
  const translate = useTranslate();
  return (
    <Box component="section">
      <Typography variant="h6" component="h2" gutterBottom>
        {translate(title)}
      </Typography>
      {children}
    </Box>
  );
};

/** What the printed cover says, plus the issue's place in the workflow. */
const IssueCover = () => (
  <Box sx={{ display: 'grid', gap: 2, gridTemplateColumns: 'repeat(auto-fill, minmax(12rem, 1fr))' }}>
    <Box sx={{ gridColumn: '1 / -1' }}>
      <Labeled>
        <TextField source="title" variant="body1" />
      </Labeled>
    </Box>
    <Labeled source="serialNumber">
      <SerialNumberField />
    </Labeled>
    <Labeled label="resources.issues.fields.yearMonth">
      <YearMonthField />
    </Labeled>
    <Labeled>
      <TextField source="compiler" />
    </Labeled>
    <Labeled>
      <CalendarDateField source="publicationDate" />
    </Labeled>
    <Labeled label="resources.issues.fields.coverage">
      <CoverageField />
    </Labeled>
    <IssueDeadline />
    <Labeled source="status" sx={{ alignItems: 'flex-start' }}>
      <IssueStatusField />
    </Labeled>
    <Labeled>
      <TextField source="revision" />
    </Labeled>
    <Labeled>
      <TextField source="entryCount" />
    </Labeled>
    <Labeled>
      <TimestampField source="updatedAt" />
    </Labeled>
  </Box>
);

/** The copy deadline, when one was set. */
const IssueDeadline = () => {
  const record = useRecordContext<IssueDetail>();
  if (!record?.deadline) return null;
  return (
    <Labeled>
      <CalendarDateField source="deadline" />
    </Labeled>
  );
};

/**
 * 发放范围, as printed: the recipient units in their set order, separated by ， (a unit's own
 * name may hold 、, as in 区人大常委会主任、副主任).
 */
const IssueDistribution = () => {
  const record = useRecordContext<IssueDetail>();
  const translate = useTranslate();
  if (!record?.recipients) return null;
  if (record.recipients.length === 0) {
    return <Typography color="text.secondary">{translate('app.issues.distribution_empty')}</Typography>;
  }
  return (
    <Typography data-testid="issue-recipients" sx={{ lineHeight: 1.9 }}>
      {record.recipients.map(recipient => recipient.name).join('，')}
    </Typography>
  );
};

export default IssueShow;
