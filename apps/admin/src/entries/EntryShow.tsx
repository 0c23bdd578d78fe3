import { EntryFigureWarning } from './EntryFigureWarning';
import { Box, Divider, LinearProgress, Stack } from '@mui/material';
import { lazy, Suspense } from 'react';
import { Labeled, ReferenceField, Show, TabbedShowLayout, TextField, useRecordContext } from 'react-admin';
import { TimestampField } from '../fields/TimestampField';
import { SourcePanel } from '../sources/SourcePanel';
import type { Entry } from '@dsyb/contracts';
import { EntryBodyField } from './body/EntryBodyField';
import { EntryComments } from './EntryComments';
import { NextReviewOffer } from '../review/NextReviewOffer';
import { ReviewOutcomeProvider } from '../review/ReviewOutcome';
import { EntryShowActions } from './EntryShowActions';
import { EntryStatusNotice } from './EntryStatusNotice';
import { EntryBylineField, EntryStatusField, EventDateField } from './entryFields';
import { useEntryIssueState } from './useEntryIssueState';

/** The history compares versions with jsdiff: fetched only when the tab is opened. */
const EntryHistory = lazy(() => import('./history/EntryHistory'));

/**
 * Two tabs: the entry as it reads now (with the review buttons above it and the review
 * comments below), and its history of versions, which has a URL of its own:
 * /entries/:id/show/history. After a review the page offers the next entry awaiting one.
 */
const EntryShow = () => (
  <ReviewOutcomeProvider>
    <EntryShowView />
  </ReviewOutcomeProvider>
);

const EntryShowView = () => (
  <Show actions={<EntryShowActions />}>
    <TabbedShowLayout>
      <TabbedShowLayout.Tab label="app.entries.tab_text">
        <EntryOverview label={false} />
      </TabbedShowLayout.Tab>
      <TabbedShowLayout.Tab label="app.history.tab" path="history">
        <Suspense fallback={<LinearProgress sx={{ my: 2 }} />}>
          <EntryHistory label={false} />
        </Suspense>
      </TabbedShowLayout.Tab>
    </TabbedShowLayout>
  </Show>
);

const EntryOverview = (_props: { label?: false }) => {
  const record = useRecordContext<Entry>();
  const issueState = useEntryIssueState(record);
  return (
    <Box sx={{ p: { xs: 0, md: 1 } }}>
      {record ? <NextReviewOffer entry={record} /> : null}
      <TextField source="title" variant="h5" component="h2" sx={{ display: 'block', mb: 2 }} />
      <Stack direction="row" spacing={4} useFlexGap sx={{ flexWrap: 'wrap', mb: 2 }}>
        <Labeled>
          <ReferenceField source="issueId" reference="issues" link="show" />
        </Labeled>
        <Labeled>
          <ReferenceField source="sectionId" reference="sections" link={false} />
        </Labeled>
        <Labeled source="eventDate">
          <EventDateField />
        </Labeled>
        <Labeled source="status" sx={{ alignItems: 'flex-start' }}>
          <EntryStatusField />
        </Labeled>
        <Labeled source="contributors">
          <EntryBylineField />
        </Labeled>
        <Labeled>
          <TextField source="version" />
        </Labeled>
        <Labeled>
          <TimestampField source="updatedAt" />
        </Labeled>
      </Stack>
      {record ? <EntryStatusNotice entry={record} issueState={issueState} /> : null}
      <EntryFigureWarning />
      <Divider sx={{ mb: 2 }} />
      <BodyBesideSource />
      <Divider sx={{ my: 3 }} />
      <EntryComments />
    </Box>
  );
};

/** The body, and beside it the source article it was condensed from, when there is one. */
const BodyBesideSource = () => {
  const record = useRecordContext<Entry>();
  const sourceId = record?.sourceId;
  return (
    <Box
      sx={{
        display: 'grid',
        gap: 3,
        alignItems: 'start',
        gridTemplateColumns: { xs: '1fr', md: sourceId ? 'minmax(0, 1fr) minmax(0, 1fr)' : '1fr' },
      }}
    >
      <Labeled label="resources.entries.fields.bodyText">
        <EntryBodyField />
      </Labeled>
      {sourceId ? <SourcePanel sourceId={sourceId} /> : null}
    </Box>
  );
};

export default EntryShow;
