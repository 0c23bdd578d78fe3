import { Box, Divider, Stack } from '@mui/material';
import { Labeled, ReferenceField, Show, TextField, useRecordContext } from 'react-admin';
import { TimestampField } from '../fields/TimestampField';
import { SourcePanel } from '../sources/SourcePanel';
import type { Entry } from '../types';
import { EntryBodyField } from './EntryBodyField';
import { EntryStatusField, EventDateField } from './entryFields';

const EntryShow = () => (
  <Show>
    <Box sx={{ p: { xs: 2, md: 3 } }}>
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
        <Labeled>
          <TimestampField source="updatedAt" />
        </Labeled>
      </Stack>
      <Divider sx={{ mb: 2 }} />
      <BodyBesideSource />
    </Box>
  </Show>
);

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
