import { Box, Typography, type ChipProps } from '@mui/material';
import { RichTextField, useLocaleState, useRecordContext, useTranslate } from 'react-admin';
import { StatusChip } from '../fields/StatusChip';
import { formatEventDate } from '../formatDate';
import type { Entry, EntryStatus, IssueContentsEntry } from '../types';

const ENTRY_STATUS_COLORS: Record<EntryStatus, ChipProps['color']> = {
  draft: 'default',
  submitted: 'info',
  approved: 'success',
  changes_requested: 'warning',
};

/** Choices for filters, labelled through the catalogue: 草稿 / 待审 / 已通过 / 退回修改. */
export const entryStatusChoices = (Object.keys(ENTRY_STATUS_COLORS) as EntryStatus[]).map(status => ({
  id: status,
  name: `resources.entries.status.${status}`,
}));

/** 草稿 / 待审 / 已通过 / 退回修改 */
export const EntryStatusField = (_props: { source?: string; label?: string }) => (
  <StatusChip resource="entries" colors={ENTRY_STATUS_COLORS} />
);

/** The event date at the entry's precision: 2020年9月17日, or 2020年9月 for a whole month. */
export const EventDateField = (_props: { source?: string; label?: string }) => {
  const record = useRecordContext<Pick<IssueContentsEntry, 'eventDate' | 'eventDatePrecision'>>();
  const [locale] = useLocaleState();
  if (!record?.eventDate) return null;
  return (
    <Typography component="span" variant="body2" sx={{ whiteSpace: 'nowrap' }}>
      {formatEventDate(record.eventDate, record.eventDatePrecision, locale)}
    </Typography>
  );
};

/** Chinese body text: paragraphs with a two-character first-line indent, as printed. */
const bodySx = {
  fontFamily: '"Noto Serif CJK SC", "Noto Serif SC", "Source Han Serif SC", "Songti SC", SimSun, serif',
  fontSize: '1.05rem',
  lineHeight: 1.9,
  maxWidth: '46em',
  textAlign: 'justify',
  '& p': { textIndent: '2em', my: 0.75 },
} as const;

/** The entry's body: its HTML (sanitised) when it has one, otherwise its plain-text paragraphs. */
export const EntryBodyField = (_props: { label?: string }) => {
  const record = useRecordContext<Entry>();
  const translate = useTranslate();
  if (!record) return null;
  if (record.bodyHtml) {
    return (
      <Box sx={bodySx} data-testid="entry-body">
        <RichTextField source="bodyHtml" />
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
