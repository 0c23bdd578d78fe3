import EventBusy from '@mui/icons-material/EventBusy';
import { Alert, Chip, Tooltip } from '@mui/material';
import { createContext, useContext, type ReactNode } from 'react';
import { useTranslate } from 'react-admin';
import { coverageLabel, isOutsideCoverage, type Coverage } from '@dsyb/workflow';
import type { AssemblyEntry } from './arrangement';

const IssuePeriodContext = createContext<Coverage | undefined>(undefined);

/** The period the issue being assembled covers, for the rows of 编排 to judge their dates by. */
export const IssuePeriodProvider = ({ coverage, children }: { coverage: Coverage; children: ReactNode }) => (
  <IssuePeriodContext.Provider value={coverage}>{children}</IssuePeriodContext.Provider>
);

const outside = (entry: Pick<AssemblyEntry, 'eventDate' | 'eventDatePrecision'>, coverage: Coverage | undefined) =>
  coverage !== undefined && entry.eventDate !== null && isOutsideCoverage({ eventDate: entry.eventDate, eventDatePrecision: entry.eventDatePrecision }, coverage);

/** On an entry's row in 编排: its event date lies outside the issue's period (libs/workflow, as 送审 and 签发 check). */
export const OutOfPeriodChip = ({ entry }: { entry: AssemblyEntry }) => {
  const translate = useTranslate();
  const coverage = useContext(IssuePeriodContext);
  if (!coverage || !outside(entry, coverage)) return null;
  return (
    <Tooltip title={translate('app.dates.out_of_period_count', { smart_count: 1, coverage: coverageLabel(coverage) })}>
      <Chip size="small" color="warning" variant="outlined" icon={<EventBusy />} label={translate('app.dates.out_of_period_badge')} data-testid="out-of-period" />
    </Tooltip>
  );
};

/** Above the board: how many of the arranged entries are dated outside the period. */
export const OutOfPeriodSummary = ({ entries, coverage }: { entries: readonly AssemblyEntry[]; coverage: Coverage }) => {
  const translate = useTranslate();
  const count = entries.filter((entry) => outside(entry, coverage)).length;
  if (count === 0) return null;
  return (
    <Alert severity="warning" sx={{ mb: 2 }} data-testid="out-of-period-summary">
      {translate('app.dates.out_of_period_count', { smart_count: count, coverage: coverageLabel(coverage) })}
    </Alert>
  );
};
