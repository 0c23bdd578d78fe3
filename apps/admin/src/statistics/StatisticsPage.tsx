import FileDownload from '@mui/icons-material/FileDownload';
import { Alert, Box, Button, Card, CardContent, LinearProgress, Stack, Typography } from '@mui/material';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { Title, useLocaleState, useNotify, useTranslate } from 'react-admin';
import { useSearchParams } from 'react-router-dom';
import { formatDate } from '../formatDate';
import { statistics as statisticsApi } from '../providers/statistics';
import { errorMessage } from '../review/useTransitions';
import { saveFile } from '../saveFile';
import { StatisticsRangeForm } from './StatisticsRangeForm';
import { StatisticsTabs } from './StatisticsTabs';
import { queryFromParams, queryString, type StatisticsQuery } from './statisticsQuery';

/** 导出 Excel: the tables of the range shown, as the API's workbook. */
const ExportButton = ({ query }: { query: StatisticsQuery }) => {
  const translate = useTranslate();
  const notify = useNotify();
  const [busy, setBusy] = useState(false);
  const download = () => {
    setBusy(true);
    statisticsApi
      .workbook(query)
      .then(({ blob, filename }) => saveFile(blob, filename ?? `${translate('app.statistics.title')}-${query.from}-${query.to}.xlsx`))
      .catch((error: unknown) => notify(errorMessage(error), { type: 'error', multiLine: true }))
      .finally(() => setBusy(false));
  };
  return (
    <Button variant="outlined" startIcon={<FileDownload />} onClick={download} disabled={busy} sx={{ textTransform: 'none' }} data-testid="statistics-export">
      {translate('app.statistics.export')}
    </Button>
  );
};

/**
 * 统计: the entries published in a range of dates (this year unless the address says otherwise),
 * by section and month, by contributor, by unit and by source newspaper, as tables and charts,
 * and the same as an Excel workbook. The range lives in the address, so a link shows the same.
 */
const StatisticsPage = () => {
  const translate = useTranslate();
  const [locale = 'zh-CN'] = useLocaleState();
  const [params, setParams] = useSearchParams();
  const query = useMemo(() => queryFromParams(params, new Date()), [params]);
  const { data, error, isFetching } = useQuery({
    queryKey: ['statistics', query],
    queryFn: () => statisticsApi.count(query),
    placeholderData: keepPreviousData,
    retry: false,
  });
  // The answer shown (the previous one while the next is on its way) names its own range.
  const range = data ? translate('app.statistics.range', { from: formatDate(data.from, locale), to: formatDate(data.to, locale) }) : '';
  return (
    <Box sx={{ mt: 1 }} data-testid="statistics-page">
      <Title title="app.statistics.title" />
      <Card>
        <CardContent>
          <StatisticsRangeForm query={query} onChange={(next) => setParams(new URLSearchParams(queryString(next)))} />
        </CardContent>
        {isFetching ? <LinearProgress /> : <Box sx={{ height: 4 }} />}
        <CardContent>
          {error ? (
            <Alert severity="error" data-testid="statistics-error">
              {errorMessage(error)}
            </Alert>
          ) : data && data.total === 0 ? (
            <Alert severity="info" data-testid="statistics-empty">
              {range}：{translate('app.statistics.empty')}
            </Alert>
          ) : data ? (
            <>
              <Stack direction="row" spacing={2} useFlexGap sx={{ alignItems: 'center', flexWrap: 'wrap', mb: 1 }}>
                <Typography data-testid="statistics-total" sx={{ flexGrow: 1 }}>
                  {translate(data.status === 'all' ? 'app.statistics.total_all' : 'app.statistics.total', { range, smart_count: data.total })}
                </Typography>
                <ExportButton query={{ from: data.from, to: data.to, status: data.status }} />
              </Stack>
              <StatisticsTabs statistics={data} />
            </>
          ) : null}
        </CardContent>
      </Card>
    </Box>
  );
};

export default StatisticsPage;
