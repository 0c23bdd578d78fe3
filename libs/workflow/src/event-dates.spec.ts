import { entryDateWarnings, issueDateProblems, issueDefaultDates, outOfPeriodEntries, outOfPeriodMessage } from './event-dates';

const october = { coverageStart: '2021-10-01', coverageEnd: '2021-10-31' };

describe('event dates against the issue', () => {
  it('lists the entries dated outside the coverage, dates as people read them', () => {
    const entries = [
      { id: 'a', title: '九月的会', eventDate: '2021-09-14', eventDatePrecision: 'day' as const },
      { id: 'b', title: '十月的会', eventDate: '2021-10-14', eventDatePrecision: 'day' as const },
      { id: 'c', title: '九月某日', eventDate: '2021-09-01', eventDatePrecision: 'month' as const },
      { id: 'd', title: '十月某日', eventDate: '2021-10-01', eventDatePrecision: 'month' as const },
    ];
    const outside = outOfPeriodEntries(entries, october);
    expect(outside.map((entry) => [entry.title, entry.eventDateLabel])).toEqual([['九月的会', '2021年9月14日'], ['九月某日', '2021年9月']]);
    expect(outOfPeriodMessage(outside, october)).toContain('《九月的会》（2021年9月14日）');
    expect(outOfPeriodMessage(outside, october)).toContain('2021年10月1日至2021年10月31日');
  });

  it('warns when the event is outside the period, and when the body names another day', () => {
    expect(entryDateWarnings({ eventDate: '2021-10-14', eventDatePrecision: 'day', bodyText: '10月14日，区里开会。' }, october)).toEqual([]);
    const warnings = entryDateWarnings({ eventDate: '2021-09-14', eventDatePrecision: 'day', bodyText: '10月14日上午，区里开会。9月14日筹备。' }, october);
    expect(warnings.map((warning) => warning.code)).toEqual(['event-date-out-of-period', 'body-date-mismatch']);
    expect(warnings[1]!.message).toBe('正文首句写的是2021年10月14日，与事件日期（2021年9月14日）不一致。');
    // Across the turn of the year the body means the nearest year.
    expect(entryDateWarnings({ eventDate: '2021-12-31', eventDatePrecision: 'day', bodyText: '1月14日，区里开会。' }, null)[0]!.message).toBe(
      '正文首句写的是2022年1月14日，与事件日期（2021年12月31日）不一致。',
    );
    expect(entryDateWarnings({ eventDate: '2022-01-02', eventDatePrecision: 'day', bodyText: '12月30日，区里开会。' }, null)[0]!.message).toContain('2021年12月30日');
    // Only the first sentence counts, and vague dates say nothing checkable.
    expect(entryDateWarnings({ eventDate: '2021-10-03', eventDatePrecision: 'day', bodyText: '近日，区里开会。10月14日再议。' }, october)).toEqual([]);
    expect(entryDateWarnings({ eventDate: '2021-10-01', eventDatePrecision: 'month', bodyText: '10月14日，区里开会。' }, null)).toEqual([]);
  });
});

describe('issue dates against year and month', () => {
  it('defaults to the month before and mid-month publication, like the reference issue', () => {
    expect(issueDefaultDates(2020, 10)).toEqual({ publicationDate: '2020-10-15', coverageStart: '2020-09-01', coverageEnd: '2020-09-30' });
    expect(issueDefaultDates(2021, 1)).toEqual({ publicationDate: '2021-01-15', coverageStart: '2020-12-01', coverageEnd: '2020-12-31' });
    expect(issueDateProblems({ year: 2020, month: 10, ...issueDefaultDates(2020, 10) })).toEqual([]);
  });

  it('accepts the month itself as coverage and late publication, refuses contradictions', () => {
    expect(issueDateProblems({ year: 2021, month: 10, publicationDate: '2021-11-20', coverageStart: '2021-10-01', coverageEnd: '2021-10-31' })).toEqual([]);
    expect(issueDateProblems({ year: 2021, month: 10, publicationDate: '2020-10-15', coverageStart: '2021-09-01', coverageEnd: '2021-09-30' })[0]).toContain('出版日期（2020年10月15日）早于收录起始日期');
    expect(issueDateProblems({ year: 2021, month: 10, publicationDate: '2021-10-15', coverageStart: '2020-09-01', coverageEnd: '2020-09-30' })[0]).toContain('与2021年10月不符');
    expect(issueDateProblems({ year: 2021, month: 10, publicationDate: '2022-10-15', coverageStart: '2021-09-01', coverageEnd: '2021-09-30' })[0]).toContain('出版日期（2022年10月15日）与2021年10月不符');
    expect(issueDateProblems({ year: 2021, month: 10, publicationDate: '2021-10-15', coverageStart: '2021-09-30', coverageEnd: '2021-09-01' })[0]).toContain('晚于截止日期');
  });
});
