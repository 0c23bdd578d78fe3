import { Typography, type ChipProps } from '@mui/material';
import { useLocaleState, useRecordContext, useTranslate } from 'react-admin';
import { StatusChip } from '../fields/StatusChip';
import { formatDate, formatYearMonth } from '../formatDate';
import type { Issue, IssueStatus } from '@dsyb/contracts';

const ISSUE_STATUS_COLORS: Record<IssueStatus, ChipProps['color']> = {
  drafting: 'default',
  in_review: 'warning',
  approved: 'info',
  published: 'success',
};

/** 编辑中 / 送审 / 已签发 / 已发布 */
export const IssueStatusField = (_props: { source?: string; label?: string }) => (
  <StatusChip resource="issues" colors={ISSUE_STATUS_COLORS} />
);

/** The cumulative serial number as printed on the cover: 总第97期. */
export const SerialNumberField = (_props: { source?: string; label?: string }) => {
  const record = useRecordContext<Issue>();
  const translate = useTranslate();
  if (!record) return null;
  return (
    <Typography component="span" variant="body2" sx={{ whiteSpace: 'nowrap' }}>
      {translate('app.issues.serial_number', { serialNumber: record.serialNumber })}
    </Typography>
  );
};

/** The issue's month: 2020年10月. */
export const YearMonthField = (_props: { source?: string; label?: string }) => {
  const record = useRecordContext<Issue>();
  const [locale] = useLocaleState();
  if (!record) return null;
  return (
    <Typography component="span" variant="body2" sx={{ whiteSpace: 'nowrap' }}>
      {formatYearMonth(record.year, record.month, locale)}
    </Typography>
  );
};

/** The period whose events the issue reports: 2020年9月1日至2020年9月30日. */
export const CoverageField = (_props: { source?: string; label?: string }) => {
  const record = useRecordContext<Issue>();
  const [locale] = useLocaleState();
  const translate = useTranslate();
  if (!record?.coverageStart || !record.coverageEnd) return null;
  return (
    <Typography component="span" variant="body2">
      {translate('app.issues.coverage_range', {
        start: formatDate(record.coverageStart, locale),
        end: formatDate(record.coverageEnd, locale),
      })}
    </Typography>
  );
};

/**
 * How an issue is named wherever it is referred to (titles, references, pickers). It is the
 * publication's own designation, as printed on its cover, so it stays in Chinese.
 */
export const issueRepresentation = (record: Pick<Issue, 'serialNumber' | 'year' | 'month'>): string =>
  `总第${record.serialNumber}期 · ${record.year}年${record.month}月`;
