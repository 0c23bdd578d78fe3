import { Alert, Autocomplete, Box, Card, CardContent, LinearProgress, List, ListItemButton, MenuItem, Pagination, Stack, TextField, Typography } from '@mui/material';
import { useEffect, useMemo, useState } from 'react';
import { Title, useGetList, useLocaleState, useTranslate } from 'react-admin';
import { Link, useSearchParams } from 'react-router-dom';
import { ENTRY_STATUSES, ISSUE_STATUSES, type Contributor, type Section } from '@dsyb/contracts';
import { readCalendarDate } from '../fields/calendarDate';
import { formatYearMonth } from '../formatDate';
import { SearchResultText } from './SearchBox';
import { groupResults, MAX_QUERY_LENGTH, resultPath, SEARCH_PAGE_SIZE } from './searchResults';
import { SEARCH_KINDS, type SearchFilter, type SearchKind } from './searchTypes';
import { useSearchResults } from './useSearchResults';
import { useDebounced } from '../fields/useDebounced';

/** The filter as the address holds it: `#/search?q=双创&kind=entry&from=2020-10&page=2`. */
function filterFromParams(params: URLSearchParams): SearchFilter {
  const list = (key: string) => params.get(key)?.split(',').filter(Boolean) ?? [];
  const kinds = list('kind').filter((kind): kind is SearchKind => (SEARCH_KINDS as readonly string[]).includes(kind));
  const statuses = list('status');
  return {
    kind: kinds.length === 1 ? kinds[0] : kinds.length > 1 ? kinds : undefined,
    sectionId: params.get('sectionId') ?? undefined,
    contributorId: params.get('contributorId') ?? undefined,
    issueId: params.get('issueId') ?? undefined,
    status: statuses.length === 1 ? statuses[0] : statuses.length > 1 ? statuses : undefined,
    from: params.get('from') ?? undefined,
    to: params.get('to') ?? undefined,
  };
}

/** 'YYYY-MM' → 2020年10月 (for the month fields when they lose the focus). */
function shownMonth(value: string | undefined, locale: string): string {
  const match = value ? /^(\d{4})-(\d{2})/.exec(value) : null;
  return match ? formatYearMonth(Number(match[1]), Number(match[2]), locale) : (value ?? '');
}

/** A month typed year first (2020年10月, 2020-10), applied when complete or cleared. */
const MonthFilter = ({ label, value, onChange }: { label: string; value: string | undefined; onChange: (month: string | undefined) => void }) => {
  const translate = useTranslate();
  const [locale = 'zh-CN'] = useLocaleState();
  const [text, setText] = useState(shownMonth(value, locale));
  const [focused, setFocused] = useState(false);
  useEffect(() => {
    if (!focused) setText(shownMonth(value, locale));
  }, [value, locale, focused]);
  const typed = text.trim();
  const month = typed === '' ? undefined : readCalendarDate(typed, 'month')?.slice(0, 7);
  const invalid = typed !== '' && month === undefined;
  return (
    <TextField
      size="small"
      label={label}
      value={text}
      placeholder={translate('app.dates.month_placeholder')}
      error={invalid && !focused}
      helperText={invalid && !focused ? translate('app.dates.invalid_month') : undefined}
      onChange={event => setText(event.target.value)}
      onFocus={() => setFocused(true)}
      onBlur={() => {
        setFocused(false);
        if (!invalid) onChange(month);
      }}
      onKeyDown={event => {
        if (event.key === 'Enter' && !invalid) onChange(month);
      }}
      sx={{ width: '10rem' }}
    />
  );
};

/** 作者: picked from the contributors whose name matches what is typed. */
const ContributorFilter = ({ value, onChange }: { value: string | undefined; onChange: (id: string | undefined) => void }) => {
  const translate = useTranslate();
  const [input, setInput] = useState('');
  const q = useDebounced(input, 250);
  const { data: options = [] } = useGetList<Contributor>('contributors', { filter: q ? { q } : {}, pagination: { page: 1, perPage: 20 }, sort: { field: 'name', order: 'ASC' } });
  const { data: chosenList = [] } = useGetList<Contributor>('contributors', { filter: { id: value ? [value] : [] }, pagination: { page: 1, perPage: 1 } }, { enabled: Boolean(value) });
  const chosen = options.find(option => option.id === value) ?? chosenList.find(option => option.id === value) ?? null;
  return (
    <Autocomplete
      size="small"
      options={options}
      value={chosen}
      getOptionLabel={option => option.name}
      isOptionEqualToValue={(option, selected) => option.id === selected.id}
      filterOptions={all => all}
      onInputChange={(_event, next) => setInput(next)}
      onChange={(_event, next) => onChange(next?.id)}
      noOptionsText={translate('app.inputs.no_options')}
      renderInput={params => <TextField {...params} label={translate('app.search.filters.contributor')} />}
      sx={{ width: '12rem' }}
    />
  );
};

/**
 * 搜索: every entry, source and issue matching the query, best first, 20 to a page, narrowed by
 * kind, section, month range, status and contributor; all of it kept in the address, so the
 * browser's back button and a shared link show the same results.
 */
const SearchPage = () => {
  const translate = useTranslate();
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const page = Math.max(1, Number(params.get('page')) || 1);
  const filter = useMemo(() => filterFromParams(params), [params]);
  const [text, setText] = useState(q);
  useEffect(() => setText(q), [q]);

  const { data: sections = [] } = useGetList<Section>('sections', { pagination: { page: 1, perPage: 100 }, sort: { field: 'position', order: 'ASC' } });
  const { data, isFetching, error } = useSearchResults(q, filter, (page - 1) * SEARCH_PAGE_SIZE);
  const total = data?.total ?? 0;
  const pages = Math.ceil(total / SEARCH_PAGE_SIZE);
  const groups = groupResults(data?.data ?? []);
  const tooLong = q.trim().length > MAX_QUERY_LENGTH;

  /** Changes a part of the address; a new query or filter starts again at page 1. */
  const update = (changes: Record<string, string | undefined>) => {
    const next = new URLSearchParams(params);
    for (const [key, value] of Object.entries(changes)) {
      if (value === undefined || value === '') next.delete(key);
      else next.set(key, value);
    }
    if (!('page' in changes)) next.delete('page');
    setParams(next);
  };

  const statusChoices = [
    ...ENTRY_STATUSES.map(status => ({ id: status, name: `${translate('app.search.kinds.entry')}：${translate(`resources.entries.status.${status}`)}` })),
    ...ISSUE_STATUSES.filter(status => !(ENTRY_STATUSES as readonly string[]).includes(status)).map(status => ({
      id: status,
      name: `${translate('app.search.kinds.issue')}：${translate(`resources.issues.status.${status}`)}`,
    })),
  ];

  return (
    <Box sx={{ mt: 1 }} data-testid="search-page">
      <Title title={translate('app.search.page_title')} />
      <Card>
        <CardContent>
          <Box
            component="form"
            role="search"
            onSubmit={event => {
              event.preventDefault();
              update({ q: text.trim() });
            }}
          >
            <TextField
              fullWidth
              type="search"
              label={translate('app.search.label')}
              value={text}
              onChange={event => setText(event.target.value)}
              onBlur={() => {
                if (text.trim() !== q) update({ q: text.trim() });
              }}
              helperText={translate('app.search.help')}
              slotProps={{ htmlInput: { 'data-testid': 'search-page-input', maxLength: MAX_QUERY_LENGTH + 1 } }}
            />
          </Box>
          <Stack direction="row" spacing={2} useFlexGap sx={{ flexWrap: 'wrap', mt: 2 }}>
            <TextField
              select
              size="small"
              label={translate('app.search.filters.kind')}
              value={typeof filter.kind === 'string' ? filter.kind : ''}
              onChange={event => update({ kind: event.target.value })}
              sx={{ width: '8rem' }}
            >
              <MenuItem value="">{translate('app.search.filters.any')}</MenuItem>
              {SEARCH_KINDS.map(kind => (
                <MenuItem key={kind} value={kind}>
                  {translate(`app.search.kinds.${kind}`)}
                </MenuItem>
              ))}
            </TextField>
            <TextField
              select
              size="small"
              label={translate('app.search.filters.section')}
              value={filter.sectionId ?? ''}
              onChange={event => update({ sectionId: event.target.value })}
              sx={{ width: '10rem' }}
            >
              <MenuItem value="">{translate('app.search.filters.any')}</MenuItem>
              {sections.map(section => (
                <MenuItem key={section.id} value={section.id}>
                  {section.name}
                </MenuItem>
              ))}
            </TextField>
            <MonthFilter label={translate('app.search.filters.from')} value={filter.from} onChange={from => update({ from })} />
            <MonthFilter label={translate('app.search.filters.to')} value={filter.to} onChange={to => update({ to })} />
            <TextField
              select
              size="small"
              label={translate('app.search.filters.status')}
              value={typeof filter.status === 'string' ? filter.status : ''}
              onChange={event => update({ status: event.target.value })}
              sx={{ width: '11rem' }}
            >
              <MenuItem value="">{translate('app.search.filters.any')}</MenuItem>
              {statusChoices.map(choice => (
                <MenuItem key={choice.id} value={choice.id}>
                  {choice.name}
                </MenuItem>
              ))}
            </TextField>
            <ContributorFilter value={filter.contributorId} onChange={contributorId => update({ contributorId })} />
          </Stack>
        </CardContent>
        {isFetching ? <LinearProgress /> : <Box sx={{ height: 4 }} />}
        <CardContent>
          {q.trim() === '' ? (
            <Alert severity="info" data-testid="search-help">
              {translate('app.search.empty_help')}
              <br />
              {translate('app.search.help')}
            </Alert>
          ) : tooLong ? (
            <Alert severity="error">{translate('app.search.too_long', { max: MAX_QUERY_LENGTH })}</Alert>
          ) : error ? (
            <Alert severity="error">{translate('app.search.failed', { message: error instanceof Error ? error.message : String(error) })}</Alert>
          ) : data && total === 0 ? (
            <Typography color="text.secondary" data-testid="search-nothing">
              {translate('app.search.no_results', { q: q.trim() })}
            </Typography>
          ) : data ? (
            <>
              <Typography variant="body2" color="text.secondary" data-testid="search-total">
                {translate('app.search.total', { smart_count: total })}
              </Typography>
              {groups.map(group => (
                <Box key={group.kind} component="section" sx={{ mt: 2 }} data-testid={`search-group-${group.kind}`}>
                  <Typography variant="subtitle1" component="h3" sx={{ fontWeight: 600 }}>
                    {translate(`app.search.kinds.${group.kind}`)}
                  </Typography>
                  <List dense disablePadding>
                    {group.items.map(({ result }) => (
                      <ListItemButton key={`${result.kind}-${result.id}`} component={Link} to={resultPath(result)} sx={{ alignItems: 'flex-start', px: 1 }}>
                        <SearchResultText result={result} />
                      </ListItemButton>
                    ))}
                  </List>
                </Box>
              ))}
              {pages > 1 ? (
                <Pagination
                  sx={{ mt: 2 }}
                  count={pages}
                  page={Math.min(page, pages)}
                  onChange={(_event, next) => update({ page: next > 1 ? String(next) : undefined })}
                />
              ) : null}
            </>
          ) : null}
        </CardContent>
      </Card>
    </Box>
  );
};

export default SearchPage;
