import { Box, Typography } from '@mui/material';
import { RichTextField, useRecordContext, useTranslate } from 'react-admin';
import type { Entry } from '@dsyb/contracts';
import { entryBodySx as bodySx } from './entryBodyStyle';

/** The entry's body: its HTML (sanitised) when it has one, otherwise its plain-text paragraphs. */
export const EntryBodyField = (_props: { label?: string }) => {
  const record = useRecordContext<Entry>();
  const translate = useTranslate();
  if (!record) return null;
  if (record.bodyHtml) {
    return (
      <Box sx={bodySx} data-testid="entry-body">
        <RichTextField source="bodyHtml" variant="inherit" component="div" />
      </Box>
    );
  }
  const paragraphs = (record.bodyText ?? '')
    .split(/\n+/)
    .map(paragraph => paragraph.trim())
    .filter(paragraph => paragraph !== '');
  if (paragraphs.length === 0) {
    return <Typography color="text.secondary">{translate('app.entries.body_empty')}</Typography>;
  }
  return (
    <Box sx={bodySx} data-testid="entry-body">
      {paragraphs.map((paragraph, index) => (
        <Typography key={index} component="p" sx={{ font: 'inherit' }}>
          {paragraph}
        </Typography>
      ))}
    </Box>
  );
};
