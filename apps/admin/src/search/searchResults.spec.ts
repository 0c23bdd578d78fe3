import { describe, expect, it } from '@jest/globals';
import {
  cleanFilter,
  groupResults,
  isTypingTarget,
  moveHighlight,
  resultDetails,
  resultPath,
  searchPagePath,
  searchRequestPath,
  shownOrder,
  totalFromContentRange,
  wantsSearchFocus,
} from './searchResults';
import type { SearchResult } from './searchTypes';

const result = (kind: SearchResult['kind'], id: string, extra: Partial<SearchResult> = {}): SearchResult => ({
  kind,
  id,
  title: id,
  titleHtml: id,
  snippet: '',
  rank: 1,
  date: null,
  eventDatePrecision: null,
  status: null,
  issue: null,
  section: null,
  newspaper: null,
  page: null,
  ...extra,
});

describe('the search request', () => {
  it('asks for the query, the filter without empty values, and the range of one page', () => {
    const path = searchRequestPath(' 双创 ', { kind: 'entry', sectionId: '', status: [], from: '2020-10' }, 20);
    const params = new URLSearchParams(path.split('?')[1]);
    expect(path.startsWith('search?')).toBe(true);
    expect(params.get('q')).toBe('双创');
    expect(JSON.parse(params.get('filter')!)).toEqual({ kind: 'entry', from: '2020-10' });
    expect(params.get('range')).toBe('[20,39]');
  });

  it('sends no filter when none is set', () => {
    expect(new URLSearchParams(searchRequestPath('双创').split('?')[1]).has('filter')).toBe(false);
    expect(cleanFilter({ kind: undefined, contributorId: '' })).toEqual({});
  });

  it('reads the total from Content-Range, or counts the results when it is missing', () => {
    expect(totalFromContentRange('search 0-19/57', 20)).toBe(57);
    expect(totalFromContentRange('search */0', 0)).toBe(0);
    expect(totalFromContentRange(null, 3)).toBe(3);
    expect(totalFromContentRange('garbage', 4)).toBe(4);
  });
});

describe('results in the popup', () => {
  const mixed = [result('source', 's1'), result('entry', 'e1'), result('issue', 'i1'), result('entry', 'e2'), result('source', 's2')];

  it('groups them 条目, 来稿, 期刊, keeping the order within each group, numbered across groups', () => {
    const groups = groupResults(mixed);
    expect(groups.map(group => group.kind)).toEqual(['entry', 'source', 'issue']);
    expect(groups.map(group => group.items.map(item => `${item.result.id}@${item.index}`))).toEqual([['e1@0', 'e2@1'], ['s1@2', 's2@3'], ['i1@4']]);
    expect(shownOrder(mixed).map(item => item.id)).toEqual(['e1', 'e2', 's1', 's2', 'i1']);
  });

  it('leaves out kinds without results', () => {
    expect(groupResults([result('issue', 'i1')]).map(group => group.kind)).toEqual(['issue']);
    expect(groupResults([])).toEqual([]);
  });

  it('moves the highlight down and up through every row, wrapping at both ends', () => {
    expect(moveHighlight(-1, 'ArrowDown', 3)).toBe(0);
    expect(moveHighlight(0, 'ArrowDown', 3)).toBe(1);
    expect(moveHighlight(2, 'ArrowDown', 3)).toBe(0);
    expect(moveHighlight(-1, 'ArrowUp', 3)).toBe(2);
    expect(moveHighlight(2, 'ArrowUp', 3)).toBe(1);
    expect(moveHighlight(0, 'ArrowUp', 3)).toBe(2);
    expect(moveHighlight(1, 'Home', 3)).toBe(0);
    expect(moveHighlight(1, 'End', 3)).toBe(2);
    // Fewer rows than before (new results): the highlight comes back into range.
    expect(moveHighlight(7, 'ArrowDown', 3)).toBe(0);
    expect(moveHighlight(0, 'ArrowDown', 0)).toBe(-1);
  });

  it("opens an entry's, a source's and an issue's own page", () => {
    expect(resultPath({ kind: 'entry', id: 'e 1' })).toBe('/entries/e%201/show');
    expect(resultPath({ kind: 'source', id: 's1' })).toBe('/sources/s1/show');
    expect(resultPath({ kind: 'issue', id: 'i1' })).toBe('/issues/i1/show');
  });

  it('describes an entry by its date, issue and section, a source by its newspaper and page', () => {
    const entry = result('entry', 'e1', {
      date: '2020-10-15',
      eventDatePrecision: 'day',
      issue: { id: 'i', serialNumber: 97, year: 2020, month: 10, title: '', status: 'published' },
      section: { id: 's', name: '经济发展' },
    });
    expect(resultDetails(entry)).toEqual(['2020年10月15日', '总第97期', '经济发展']);
    expect(resultDetails({ ...entry, date: '2020-10-01', eventDatePrecision: 'month', issue: null })).toEqual(['2020年10月', '经济发展']);
    expect(resultDetails(result('source', 's1', { date: '2020-09-07', newspaper: '郑州日报', page: '第3版' }))).toEqual(['2020年9月7日', '郑州日报 第3版']);
    expect(resultDetails(result('source', 's1', { newspaper: '郑州日报', page: null }))).toEqual(['郑州日报']);
    // An issue is dated by its month, not the month's first day.
    expect(resultDetails(result('issue', 'i1', { date: '2020-10-01' }))).toEqual(['2020年10月']);
  });

  it('links the full search page with the query and filter in the address', () => {
    expect(searchPagePath(' 双创 ')).toBe(`/search?q=${encodeURIComponent('双创')}`);
    expect(searchPagePath('')).toBe('/search');
    expect(new URLSearchParams(searchPagePath('园', { kind: ['entry', 'source'], sectionId: '' }).split('?')[1]).get('kind')).toBe('entry,source');
  });
});

describe('the / key', () => {
  const element = (tagName: string, options: { editable?: boolean; inEditor?: boolean } = {}) => ({
    tagName,
    isContentEditable: options.editable ?? false,
    closest: (selector: string) => (options.inEditor && selector.includes('contenteditable') ? {} : null),
  });
  const press = (target: unknown, extra: Partial<KeyboardEvent> = {}) =>
    wantsSearchFocus({ key: '/', ctrlKey: false, metaKey: false, altKey: false, defaultPrevented: false, target: target as EventTarget, ...extra });

  it('focuses the search box from the page, a button or a link', () => {
    expect(press(element('BODY'))).toBe(true);
    expect(press(element('BUTTON'))).toBe(true);
    expect(press(element('A'))).toBe(true);
  });

  it('is typed as a character in inputs, text areas and editable text such as the TipTap editor', () => {
    expect(press(element('INPUT'))).toBe(false);
    expect(press(element('TEXTAREA'))).toBe(false);
    expect(press(element('DIV', { editable: true }))).toBe(false);
    expect(press(element('P', { inEditor: true }))).toBe(false);
    expect(isTypingTarget(element('select') as unknown as EventTarget)).toBe(true);
  });

  it('ignores other keys and / with a modifier', () => {
    expect(press(element('BODY'), { key: '?' })).toBe(false);
    expect(press(element('BODY'), { ctrlKey: true })).toBe(false);
    expect(press(element('BODY'), { defaultPrevented: true })).toBe(false);
  });
});
