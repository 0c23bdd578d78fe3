import SearchIcon from '@mui/icons-material/Search';
import { alpha, Box, CircularProgress, InputBase, List, ListItemButton, ListSubheader, Paper, Popper, Typography } from '@mui/material';
import { useEffect, useId, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useLocaleState, useTranslate } from 'react-admin';
import { useNavigate } from 'react-router-dom';
import { MarkedText } from './MarkedText';
import { groupResults, MAX_QUERY_LENGTH, moveHighlight, resultDetails, resultPath, searchPagePath, shownOrder, wantsSearchFocus } from './searchResults';
import type { SearchResult } from './searchTypes';
import { useSearchResults } from './useSearchResults';
import { useDebounced } from '../fields/useDebounced';

const DEBOUNCE_MS = 250;

/** One result in the popup: the highlighted title, then date, issue and section, then the snippet. */
export const SearchResultText = ({ result }: { result: SearchResult }) => {
  const translate = useTranslate();
  const [locale = 'zh-CN'] = useLocaleState();
  const details = resultDetails(result, locale, serialNumber => translate('app.issues.serial_number', { serialNumber }));
  return (
    <Box sx={{ minWidth: 0, width: '100%' }}>
      <MarkedText html={result.titleHtml} component="div" sx={{ fontWeight: 500, overflow: 'hidden', textOverflow: 'ellipsis' }} />
      {details.length > 0 ? (
        <Typography variant="caption" color="text.secondary" component="div" data-testid="search-result-details">
          {details.join(' · ')}
        </Typography>
      ) : null}
      {result.snippet ? (
        <MarkedText html={result.snippet} component="div" sx={{ fontSize: '0.8125rem', color: 'text.secondary', display: '-webkit-box', WebkitLineClamp: 2, WebkitBoxOrient: 'vertical', overflow: 'hidden' }} />
      ) : null}
    </Box>
  );
};

/**
 * 搜索 in the app bar: `/` anywhere but in a text field focuses it; typing asks the API (after a
 * pause) and shows the best results grouped 条目 / 来稿 / 期刊 in a list under the box. The arrow
 * keys move through the results (the focus stays in the box: aria-activedescendant names the
 * highlighted row), Enter opens the highlighted one, or the full search page when none is,
 * Escape closes the list. The last row, 查看全部 N 条结果, opens the full search page.
 */
export const SearchBox = () => {
  const translate = useTranslate();
  const navigate = useNavigate();
  const inputRef = useRef<HTMLInputElement>(null);
  const anchorRef = useRef<HTMLDivElement>(null);
  const listId = useId();
  const [text, setText] = useState('');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const query = useDebounced(text.trim(), DEBOUNCE_MS);
  const tooLong = text.trim().length > MAX_QUERY_LENGTH;
  const { data, isFetching, isPlaceholderData, error } = useSearchResults(query);

  // What is shown belongs to what was asked: an answer to an earlier query is not offered for a newer one.
  const answer = query !== '' && query === text.trim() && !isPlaceholderData ? data : undefined;
  const results = useMemo(() => shownOrder(answer?.data ?? []), [answer]);
  const groups = useMemo(() => groupResults(results), [results]);
  const total = answer?.total ?? 0;
  const rowCount = results.length + (total > 0 ? 1 : 0);

  useEffect(() => setActive(-1), [answer]);

  useEffect(() => {
    const onKeyDown = (event: globalThis.KeyboardEvent) => {
      if (!wantsSearchFocus(event)) return;
      event.preventDefault();
      inputRef.current?.focus();
      inputRef.current?.select();
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, []);

  const optionId = (index: number) => `${listId}-option-${index}`;

  const close = () => {
    setOpen(false);
    setActive(-1);
  };

  const go = (path: string) => {
    close();
    inputRef.current?.blur();
    navigate(path);
  };

  const choose = (index: number) => {
    if (index < 0) {
      if (text.trim() !== '' && !tooLong) go(searchPagePath(text));
      return;
    }
    const result = results[index];
    go(result ? resultPath(result) : searchPagePath(text));
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    switch (event.key) {
      case 'ArrowDown':
      case 'ArrowUp':
        event.preventDefault();
        setOpen(true);
        setActive(current => moveHighlight(current, event.key as 'ArrowDown' | 'ArrowUp', rowCount));
        break;
      case 'Enter':
        event.preventDefault();
        choose(open ? active : -1);
        break;
      case 'Escape':
        if (open) {
          event.preventDefault();
          close();
        } else if (text !== '') {
          event.preventDefault();
          setText('');
        }
        break;
    }
  };

  const showPopup = open && text.trim() !== '';
  const waiting = !tooLong && (query !== text.trim() || (isFetching && !answer));

  return (
    <Box
      ref={anchorRef}
      role="search"
      sx={theme => ({
        position: 'relative',
        display: 'flex',
        alignItems: 'center',
        borderRadius: 1,
        bgcolor: alpha(theme.palette.common.white, 0.15),
        '&:hover, &:focus-within': { bgcolor: alpha(theme.palette.common.white, 0.25) },
        width: { xs: '12rem', md: '24rem' },
        mx: 1,
      })}
    >
      <SearchIcon sx={{ mx: 1, opacity: 0.8 }} fontSize="small" />
      <InputBase
        inputRef={inputRef}
        value={text}
        placeholder={translate('app.search.placeholder')}
        onChange={event => {
          setText(event.target.value);
          setOpen(true);
        }}
        onFocus={() => setOpen(true)}
        onBlur={close}
        onKeyDown={onKeyDown}
        sx={{ color: 'inherit', flex: 1, py: 0.5, '& input::placeholder': { opacity: 0.8 } }}
        inputProps={{
          role: 'combobox',
          type: 'search',
          'aria-label': translate('app.search.label'),
          'aria-autocomplete': 'list',
          'aria-expanded': showPopup,
          'aria-controls': listId,
          'aria-activedescendant': showPopup && active >= 0 ? optionId(active) : undefined,
          'data-testid': 'search-box',
          enterKeyHint: 'search',
        }}
      />
      {waiting && showPopup ? <CircularProgress size={16} color="inherit" sx={{ mr: 1 }} /> : null}
      <Popper open={showPopup} anchorEl={anchorRef.current} placement="bottom-start" sx={{ zIndex: theme => theme.zIndex.modal }}>
        <Paper elevation={8} sx={{ width: { xs: '90vw', sm: '34rem' }, maxHeight: '70vh', overflowY: 'auto', mt: 0.5 }} data-testid="search-popup">
          {tooLong ? (
            <Typography sx={{ p: 2 }} color="error">
              {translate('app.search.too_long', { max: MAX_QUERY_LENGTH })}
            </Typography>
          ) : error && !answer ? (
            <Typography sx={{ p: 2 }} color="error">
              {translate('app.search.failed', { message: error instanceof Error ? error.message : String(error) })}
            </Typography>
          ) : !answer ? (
            <Typography sx={{ p: 2 }} color="text.secondary">
              {translate('app.search.searching')}
            </Typography>
          ) : results.length === 0 ? (
            <Typography sx={{ p: 2 }} color="text.secondary">
              {translate('app.search.no_results', { q: query })}
            </Typography>
          ) : null}
          <List
            id={listId}
            role="listbox"
            aria-label={translate('app.search.results')}
            dense
            disablePadding
            // Clicking a row must not take the focus from the box (which would close the list first).
            onMouseDown={event => event.preventDefault()}
          >
            {groups.map(group => (
              <li key={group.kind} role="presentation">
                <Box component="ul" role="group" aria-labelledby={`${listId}-${group.kind}`} sx={{ p: 0, m: 0 }} data-testid={`search-group-${group.kind}`}>
                  <ListSubheader id={`${listId}-${group.kind}`} role="presentation" sx={{ lineHeight: 2.25, fontWeight: 600 }}>
                    {translate(`app.search.kinds.${group.kind}`)}
                  </ListSubheader>
                  {group.items.map(({ result, index }) => (
                    <ListItemButton
                      key={`${result.kind}-${result.id}`}
                      id={optionId(index)}
                      role="option"
                      aria-selected={index === active}
                      selected={index === active}
                      onMouseMove={() => setActive(index)}
                      onClick={() => choose(index)}
                      sx={{ alignItems: 'flex-start' }}
                    >
                      <SearchResultText result={result} />
                    </ListItemButton>
                  ))}
                </Box>
              </li>
            ))}
            {total > 0 ? (
              <ListItemButton
                id={optionId(results.length)}
                role="option"
                aria-selected={active === results.length}
                selected={active === results.length}
                onMouseMove={() => setActive(results.length)}
                onClick={() => choose(results.length)}
                sx={{ borderTop: 1, borderColor: 'divider', color: 'primary.main' }}
                data-testid="search-see-all"
              >
                {translate('app.search.see_all', { smart_count: total })}
              </ListItemButton>
            ) : null}
          </List>
        </Paper>
      </Popper>
    </Box>
  );
};
