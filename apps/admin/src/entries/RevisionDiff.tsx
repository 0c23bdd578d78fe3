import { Box, Paper, Stack, Typography } from '@mui/material';
import type { ReactNode } from 'react';
import { useGetList, useLocaleState, useTranslate } from 'react-admin';
import { formatDateTime, formatEventDate } from '../formatDate';
import type { EntryRevision, Section } from '../types';
import { paragraphLines } from './bodyText';
import { DiffLegend, TextDiff } from './TextDiff';

/** Whether two versions say different things (a workflow step saves a version with the same wording). */
export function wordingDiffers(a: EntryRevision, b: EntryRevision): boolean {
  return (
    a.title !== b.title ||
    a.bodyText !== b.bodyText ||
    a.eventDate !== b.eventDate ||
    a.eventDatePrecision !== b.eventDatePrecision ||
    a.sectionId !== b.sectionId
  );
}

/** Two versions side by side in one text: title and body compared character by character, then date and section. */
export const RevisionDiff = ({ older, newer }: { older: EntryRevision; newer: EntryRevision }) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const { data: sections } = useGetList<Section>('sections', { pagination: { page: 1, perPage: 100 }, sort: { field: 'position', order: 'ASC' } });
  const sectionName = (id: string) => sections?.find(section => section.id === id)?.name ?? '';
  const who = (revision: EntryRevision) =>
    translate('app.history.version_by', {
      version: revision.version,
      author: revision.authorName ?? translate('app.history.unknown_author'),
      time: formatDateTime(revision.createdAt, locale),
    });
  const date = (revision: EntryRevision) => formatEventDate(revision.eventDate, revision.eventDatePrecision, locale);

  return (
    <Paper variant="outlined" sx={{ p: 2 }} data-testid="revision-diff">
      <Typography variant="subtitle1" component="h3" sx={{ fontWeight: 700 }}>
        {translate('app.history.comparing', { older: who(older), newer: who(newer) })}
      </Typography>
      <DiffLegend />
      {!wordingDiffers(older, newer) ? (
        <Typography color="text.secondary" sx={{ mt: 1 }}>
          {translate('app.history.same_wording')}
        </Typography>
      ) : null}
      <Stack spacing={2} sx={{ mt: 2 }}>
        <Part label={translate('resources.entries.fields.title')}>
          <TextDiff before={older.title} after={newer.title} testId="diff-title" />
        </Part>
        {date(older) !== date(newer) ? (
          <Part label={translate('resources.entries.fields.eventDate')}>
            <TextDiff before={date(older)} after={date(newer)} />
          </Part>
        ) : null}
        {older.sectionId !== newer.sectionId ? (
          <Part label={translate('resources.entries.fields.sectionId')}>
            <TextDiff before={sectionName(older.sectionId)} after={sectionName(newer.sectionId)} />
          </Part>
        ) : null}
        <Part label={translate('resources.entries.fields.bodyText')}>
          <TextDiff before={paragraphLines(older.bodyText)} after={paragraphLines(newer.bodyText)} serif testId="diff-body" />
        </Part>
      </Stack>
    </Paper>
  );
};

const Part = ({ label, children }: { label: string; children: ReactNode }) => (
  <Box>
    <Typography variant="caption" color="text.secondary" component="div">
      {label}
    </Typography>
    {children}
  </Box>
);
