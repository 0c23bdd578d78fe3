import { Box, Divider, Stack } from '@mui/material';
import { Labeled, ReferenceField, Show, TextField } from 'react-admin';
import { TimestampField } from '../fields/TimestampField';
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
      <Labeled label="resources.entries.fields.bodyText">
        <EntryBodyField />
      </Labeled>
    </Box>
  </Show>
);

export default EntryShow;
