import { Box, Tab, Tabs, Typography } from '@mui/material';
import { useState } from 'react';
import { useLocaleState, useTranslate } from 'react-admin';
import { CONTRIBUTOR_ROLES, type ContributorStatistics, type NewspaperStatistics, type Statistics, type UnitStatistics } from '@dsyb/contracts';
import { SectionMonthChart, TopContributorsChart } from './StatisticsCharts';
import { StatisticsTable, type StatisticsColumn } from './StatisticsTable';
import { monthHeading } from './statisticsQuery';

const TABS = ['section_month', 'contributors', 'units', 'newspapers'] as const;

const sum = (values: number[]) => values.reduce((total, value) => total + value, 0);

/** The four tables of 用稿统计, one tab each; the first two with a chart above the table. */
export const StatisticsTabs = ({ statistics }: { statistics: Statistics }) => {
  const translate = useTranslate();
  const [tab, setTab] = useState<(typeof TABS)[number]>('section_month');
  return (
    <Box>
      <Tabs value={tab} onChange={(_event, next) => setTab(next)} variant="scrollable" sx={{ mb: 2, borderBottom: 1, borderColor: 'divider' }}>
        {TABS.map((key) => (
          <Tab key={key} value={key} label={translate(`app.statistics.tabs.${key}`)} />
        ))}
      </Tabs>
      {tab === 'section_month' ? <SectionMonthTab statistics={statistics} /> : null}
      {tab === 'contributors' ? <ContributorsTab contributors={statistics.contributors} /> : null}
      {tab === 'units' ? <UnitsTab units={statistics.units} /> : null}
      {tab === 'newspapers' ? <NewspapersTab newspapers={statistics.newspapers} total={statistics.total} /> : null}
    </Box>
  );
};

const SectionMonthTab = ({ statistics }: { statistics: Statistics }) => {
  const translate = useTranslate();
  const [locale = 'zh-CN'] = useLocaleState();
  const table = statistics.sectionMonth;
  const oneYear = statistics.from.slice(0, 4) === statistics.to.slice(0, 4);
  const monthLabel = (month: string) => monthHeading(month, oneYear, locale);
  const columns: StatisticsColumn<{ name: string }>[] = [
    { key: 'section', label: translate('app.statistics.columns.section'), value: (section) => section.name },
    ...table.months.map((month, m) => ({ key: month, label: monthLabel(month), count: true, value: (_: unknown, s: number) => table.cells[s][m] })),
    { key: 'total', label: translate('app.statistics.columns.total'), count: true, value: (_, s) => table.rowTotals[s] },
  ];
  return (
    <>
      <SectionMonthChart table={table} monthLabel={monthLabel} />
      <StatisticsTable testId="section-month-table" columns={columns} rows={table.sections} totals={[translate('app.statistics.columns.total'), ...table.columnTotals, statistics.total]} />
    </>
  );
};

const ContributorsTab = ({ contributors }: { contributors: ContributorStatistics[] }) => {
  const translate = useTranslate();
  const columns: StatisticsColumn<ContributorStatistics>[] = [
    { key: 'index', label: translate('app.statistics.columns.index'), count: true, value: (_, i) => i + 1 },
    { key: 'name', label: translate('app.statistics.columns.name'), value: (c) => c.name },
    { key: 'unit', label: translate('app.statistics.columns.unit'), value: (c) => c.organisation ?? '' },
    ...CONTRIBUTOR_ROLES.map((role) => ({ key: role, label: translate(`resources.contributors.roles.${role}`), count: true, value: (c: ContributorStatistics) => c.roles[role] })),
    { key: 'total', label: translate('app.statistics.columns.entries'), count: true, value: (c) => c.total },
  ];
  if (contributors.length === 0) return <Typography color="text.secondary">{translate('app.statistics.no_contributors')}</Typography>;
  return (
    <>
      <TopContributorsChart contributors={contributors} />
      <StatisticsTable
        testId="contributors-table"
        columns={columns}
        rows={contributors}
        totals={['', translate('app.statistics.columns.total_credits'), '', ...CONTRIBUTOR_ROLES.map((role) => sum(contributors.map((c) => c.roles[role]))), sum(contributors.map((c) => c.total))]}
      />
      <Typography variant="caption" color="text.secondary">{translate('app.statistics.contributors_note')}</Typography>
    </>
  );
};

const UnitsTab = ({ units }: { units: UnitStatistics[] }) => {
  const translate = useTranslate();
  const columns: StatisticsColumn<UnitStatistics>[] = [
    { key: 'index', label: translate('app.statistics.columns.index'), count: true, value: (_, i) => i + 1 },
    { key: 'unit', label: translate('app.statistics.columns.unit'), value: (u) => u.unit ?? translate('app.statistics.no_unit') },
    { key: 'contributors', label: translate('app.statistics.columns.contributors'), count: true, value: (u) => u.contributors },
    { key: 'entries', label: translate('app.statistics.columns.entries'), count: true, value: (u) => u.entries },
  ];
  if (units.length === 0) return <Typography color="text.secondary">{translate('app.statistics.no_contributors')}</Typography>;
  return (
    <>
      <StatisticsTable testId="units-table" columns={columns} rows={units} totals={['', translate('app.statistics.columns.total'), sum(units.map((u) => u.contributors)), sum(units.map((u) => u.entries))]} />
      <Typography variant="caption" color="text.secondary">{translate('app.statistics.units_note')}</Typography>
    </>
  );
};

const NewspapersTab = ({ newspapers, total }: { newspapers: NewspaperStatistics[]; total: number }) => {
  const translate = useTranslate();
  const columns: StatisticsColumn<NewspaperStatistics>[] = [
    { key: 'index', label: translate('app.statistics.columns.index'), count: true, value: (_, i) => i + 1 },
    { key: 'newspaper', label: translate('app.statistics.columns.newspaper'), value: (n) => n.newspaper ?? translate('app.statistics.no_source') },
    { key: 'entries', label: translate('app.statistics.columns.entries'), count: true, value: (n) => n.entries },
  ];
  return <StatisticsTable testId="newspapers-table" columns={columns} rows={newspapers} totals={['', translate('app.statistics.columns.total'), total]} />;
};
