import { Box, Typography } from '@mui/material';
import { BarChart } from '@mui/x-charts/BarChart';
import type { ContributorStatistics, StatisticsSectionMonth } from '@dsyb/contracts';
import { useTranslate } from 'react-admin';

/**
 * The axis under the bars, taller than the charts' default (25 px): they measure a Chinese label
 * with the CJK font's full line height, and at 25 px shorten every label to nothing.
 */
const BOTTOM_AXIS_HEIGHT = 34;

/** Entries by month, a bar a month stacked by section (the sections without entries left out of the legend). */
export const SectionMonthChart = ({ table, monthLabel }: { table: StatisticsSectionMonth; monthLabel: (month: string) => string }) => {
  const series = table.sections
    .map((section, s) => ({ label: section.name, data: table.cells[s], stack: 'entries' }))
    .filter((_, s) => table.rowTotals[s] > 0);
  return (
    <Box data-testid="section-month-chart" sx={{ mb: 2 }}>
      <BarChart height={320} xAxis={[{ scaleType: 'band', data: table.months.map(monthLabel), height: BOTTOM_AXIS_HEIGHT }]} yAxis={[{ tickMinStep: 1 }]} series={series} />
    </Box>
  );
};

/** The contributors with most entries, longest bar first. */
export const TopContributorsChart = ({ contributors, limit = 10 }: { contributors: ContributorStatistics[]; limit?: number }) => {
  const translate = useTranslate();
  const top = contributors.slice(0, limit);
  return (
    <Box data-testid="contributors-chart" sx={{ mb: 2, maxWidth: 720 }}>
      <Typography variant="subtitle2" component="h3">
        {translate('app.statistics.top_contributors', { smart_count: top.length })}
      </Typography>
      <BarChart
        layout="horizontal"
        height={60 + 30 * top.length}
        yAxis={[{ scaleType: 'band', data: top.map((contributor) => contributor.name), width: 96 }]}
        xAxis={[{ tickMinStep: 1, height: BOTTOM_AXIS_HEIGHT }]}
        series={[{ label: translate('app.statistics.columns.entries'), data: top.map((contributor) => contributor.total) }]}
        hideLegend
      />
    </Box>
  );
};
