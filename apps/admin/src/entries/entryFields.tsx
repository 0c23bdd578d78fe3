import { Typography, type ChipProps } from '@mui/material';
import { useLocaleState, useRecordContext, useTranslate } from 'react-admin';
import { StatusChip } from '../fields/StatusChip';
import { formatEventDate } from '../formatDate';
import { useByline } from '../sources/sourceFields';
import type { Entry, EntryStatus, IssueContentsEntry, SourceCredit } from '@dsyb/contracts';

/** An entry as `GET /api/entries/:id` returns it: with its credits, each with the contributor's name. */
export type CreditedEntry = Entry & { contributors?: SourceCredit[] };

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

/** Who is credited on the entry, as a byline: "记者 韩娟　通讯员 王云翔 李云凯". */
export const EntryBylineField = (_props: { source?: string; label?: string }) => {
  const record = useRecordContext<CreditedEntry>();
  const byline = useByline();
  const translate = useTranslate();
  if (!record) return null;
  const text = byline(record.contributors);
  return (
    <Typography component="span" variant="body2" color={text ? undefined : 'text.secondary'} data-testid="entry-byline">
      {text || translate('app.entries.no_contributors')}
    </Typography>
  );
};
