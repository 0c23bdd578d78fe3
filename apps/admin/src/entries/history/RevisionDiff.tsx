import { Box, Paper, Stack, Typography } from '@mui/material';
import { useMemo, type ReactNode } from 'react';
import { useGetList, useLocaleState, useTranslate } from 'react-admin';
import { formatDateTime, formatEventDate } from '../../formatDate';
import type { EntryRevision, Section } from '@dsyb/contracts';
import { bodyPlainText, paragraphLines } from '../body/bodyText';
import { FigureDiff } from './FigureDiff';
import { bodyFigures, figureChanges, withoutFigures, type BodyFigure } from './figureChanges';
import { DiffLegend, TextDiff } from './TextDiff';

/** A version's photos, read once per version (a body with photos is megabytes of HTML). */
const figuresRead = new WeakMap<EntryRevision, BodyFigure[]>();
function figuresOf(revision: EntryRevision): BodyFigure[] {
  let figures = figuresRead.get(revision);
  if (!figures) {
    figures = bodyFigures(revision.bodyHtml ?? '');
    figuresRead.set(revision, figures);
  }
  return figures;
}

/** The body's text without the photos' captions, which the photos' part of the comparison shows. */
const bodyTextOf = (revision: EntryRevision) => (revision.bodyHtml ? bodyPlainText(withoutFigures(revision.bodyHtml)) : paragraphLines(revision.bodyText));

/**
 * Whether two versions say or show different things (a workflow step saves a version with the
 * same wording): the text, date, section, or a photo added, removed, replaced or re-captioned.
 */
export function wordingDiffers(a: EntryRevision, b: EntryRevision): boolean {
  return (
    a.title !== b.title ||
    a.bodyText !== b.bodyText ||
    a.eventDate !== b.eventDate ||
    a.eventDatePrecision !== b.eventDatePrecision ||
    a.sectionId !== b.sectionId ||
    figureChanges(figuresOf(a), figuresOf(b)).length > 0
  );
}

/**
 * Two versions side by side in one text: title and body compared character by character, then
 * date and section, then the photos (added, removed, replaced, captions changed).
 */
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
  const figures = useMemo(() => figureChanges(figuresOf(older), figuresOf(newer)), [older, newer]);

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
          <TextDiff before={bodyTextOf(older)} after={bodyTextOf(newer)} serif testId="diff-body" />
        </Part>
        {figures.length > 0 ? (
          <Part label={translate('app.history.figures.title')}>
            <FigureDiff changes={figures} />
          </Part>
        ) : null}
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
