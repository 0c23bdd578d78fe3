import { Button, Stack } from '@mui/material';
import { BooleanInput, Form, required, useTranslate } from 'react-admin';
import { CalendarDateInput } from '../fields/CalendarDateInput';
import { yearRange, type StatisticsQuery } from './statisticsQuery';

interface RangeValues {
  from: string;
  to: string;
  includeUnpublished: boolean;
}

/**
 * The range to count: two dates typed year first (起始日期, 截止日期, both included) applied with
 * 统计, or a whole year at one click (本年, 上年); and whether entries of issues not yet published
 * count too. The form starts again from the address whenever the query there changes.
 */
export const StatisticsRangeForm = ({ query, onChange }: { query: StatisticsQuery; onChange: (query: StatisticsQuery) => void }) => {
  const translate = useTranslate();
  const thisYear = new Date().getFullYear();
  const record: RangeValues = { from: query.from, to: query.to, includeUnpublished: query.status === 'all' };
  const apply = (values: Partial<RangeValues>) =>
    onChange({ from: values.from ?? query.from, to: values.to ?? query.to, status: values.includeUnpublished ? 'all' : 'published' });
  const year = (value: number) => () => onChange({ ...query, ...yearRange(value) });
  return (
    <Form key={JSON.stringify(query)} record={record} onSubmit={apply}>
      <Stack direction="row" spacing={2} useFlexGap sx={{ flexWrap: 'wrap', alignItems: 'center' }} data-testid="statistics-range">
        <CalendarDateInput source="from" label="app.statistics.from" validate={required()} helperText={false} sx={{ width: '13rem' }} />
        <CalendarDateInput source="to" label="app.statistics.to" validate={required()} helperText={false} sx={{ width: '13rem' }} />
        <Button type="submit" variant="contained">
          {translate('app.statistics.apply')}
        </Button>
        <Button variant="outlined" onClick={year(thisYear)}>
          {translate('app.statistics.this_year')}
        </Button>
        <Button variant="outlined" onClick={year(thisYear - 1)}>
          {translate('app.statistics.last_year')}
        </Button>
        <BooleanInput source="includeUnpublished" label="app.statistics.include_unpublished" helperText={false} sx={{ mt: 1 }} />
      </Stack>
    </Form>
  );
};
