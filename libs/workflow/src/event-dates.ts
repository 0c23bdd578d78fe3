/**
 * Dates of events and of issues, checked against each other: an entry dated outside the period
 * its issue covers, a body whose first sentence names another day than the event date, an
 * issue whose publication date or coverage contradicts its year and month. Pure and shared by
 * the API (which warns on save, asks for confirmation at 送审 and 签发, refuses contradicting
 * issue dates) and the admin (which warns in the entry form and in 编排). Dates are ISO strings
 * "YYYY-MM-DD" throughout.
 */
import type { EventDatePrecision, EventDateWarning, OutOfPeriodEntry } from '@dsyb/contracts';

const VAGUE = /近日|日前|连日来|近期|前不久|近段时间|日来/;

function pad(value: number): string {
  return String(value).padStart(2, '0');
}

/** Whether year-month-day is a day of the calendar (no 2月30日). */
export function isCalendarDay(year: number, month: number, day: number): boolean {
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** The event date a lead states: “10月16日上午” → that day in the paper's year; 近日/日前 → the paper's month. */
export function findEventDate(lead: string, issueDate?: string | null): { eventDate: string | null; eventDatePrecision: EventDatePrecision | null } {
  const paper = issueDate && /^\d{4}-\d{2}-\d{2}$/.test(issueDate) ? issueDate.split('-').map(Number) as [number, number, number] : null;
  const head = lead.slice(0, 160);
  const explicit = EXPLICIT_DAY.exec(head);
  if (explicit) {
    const month = Number(explicit[2]);
    const day = Number(explicit[3]);
    let year = explicit[1] ? Number(explicit[1]) : paper ? paper[0] : null;
    // A January paper reporting 12月30日 means last year.
    if (!explicit[1] && paper && year !== null && month > paper[1] + 1) year -= 1;
    if (year !== null && isCalendarDay(year, month, day)) return { eventDate: `${year}-${pad(month)}-${pad(day)}`, eventDatePrecision: 'day' };
  }
  if (paper && !explicit) {
    // "16日上午，…": a day of the paper's month (of the month before, when later than the paper).
    const dayOnly = /(?<![月\d])(\d{1,2})\s*日(?=上午|下午|晚|早|中午|凌晨|傍晚|[，,至到-])/.exec(head.slice(0, 60));
    if (dayOnly) {
      const day = Number(dayOnly[1]);
      const back = day > paper[2] ? 1 : 0;
      const first = new Date(Date.UTC(paper[0], paper[1] - 1 - back, 1));
      if (isCalendarDay(first.getUTCFullYear(), first.getUTCMonth() + 1, day)) {
        return { eventDate: `${first.getUTCFullYear()}-${pad(first.getUTCMonth() + 1)}-${pad(day)}`, eventDatePrecision: 'day' };
      }
    }
  }
  if (paper) {
    const relative = /(?:^|[，,。\s])(昨天|昨日|今天|今日|当天)/.exec(head.slice(0, 40));
    if (relative && !explicit) {
      const date = new Date(Date.UTC(paper[0], paper[1] - 1, paper[2] - (relative[1]!.startsWith('昨') ? 1 : 0)));
      return { eventDate: date.toISOString().slice(0, 10), eventDatePrecision: 'day' };
    }
    if (VAGUE.test(head.slice(0, 60))) return { eventDate: `${paper[0]}-${pad(paper[1])}-01`, eventDatePrecision: 'month' };
  }
  return { eventDate: null, eventDatePrecision: null };
}

const EXPLICIT_DAY = /(?:(\d{4})\s*年\s*)?(\d{1,2})\s*月\s*(\d{1,2})\s*日/;

/** 2021年9月14日, or 2021年9月 for a date known only to the month. */
export function chineseDate(iso: string, precision: EventDatePrecision = 'day'): string {
  const [year, month, day] = iso.slice(0, 10).split('-').map(Number) as [number, number, number];
  return precision === 'month' ? `${year}年${month}月` : `${year}年${month}月${day}日`;
}

function lastDayOfMonth(year: number, month: number): string {
  return `${year}-${pad(month)}-${pad(new Date(Date.UTC(year, month, 0)).getUTCDate())}`;
}

/** The first day of the month `offset` months from year-month. */
function monthStart(year: number, month: number, offset = 0): { year: number; month: number; iso: string } {
  const date = new Date(Date.UTC(year, month - 1 + offset, 1));
  const y = date.getUTCFullYear();
  const m = date.getUTCMonth() + 1;
  return { year: y, month: m, iso: `${y}-${pad(m)}-01` };
}

export interface Coverage {
  coverageStart: string;
  coverageEnd: string;
}

/**
 * The dates an issue of year-month has unless the editor says otherwise: it reports the events
 * of the month before and is published mid-month, like the reference issue (2020年10月, 总第97期,
 * 9月 events, published 2020年10月15日).
 */
export function issueDefaultDates(year: number, month: number): Coverage & { publicationDate: string } {
  const previous = monthStart(year, month, -1);
  return {
    publicationDate: `${year}-${pad(month)}-15`,
    coverageStart: previous.iso,
    coverageEnd: lastDayOfMonth(previous.year, previous.month),
  };
}

/** How many months after its own month an issue may still come out (a late, or combined, issue). */
export const LATEST_PUBLICATION_MONTHS = 6;

/**
 * What in an issue's dates contradicts its year and month, as sentences for the editor (empty
 * when nothing does). The rule is as loose as offices are: the coverage may be the month before
 * (the custom) or the month itself, or any stretch that touches them; the publication date may
 * not come before the coverage starts nor more than half a year after the issue's month.
 */
export function issueDateProblems(issue: { year: number; month: number; publicationDate: string } & Coverage): string[] {
  const label = `${issue.year}年${issue.month}月`;
  const problems: string[] = [];
  const { coverageStart, coverageEnd, publicationDate } = issue;
  if (coverageStart > coverageEnd) {
    problems.push(`收录起始日期（${chineseDate(coverageStart)}）晚于截止日期（${chineseDate(coverageEnd)}）。`);
  } else {
    const windowStart = monthStart(issue.year, issue.month, -1).iso;
    const windowEnd = lastDayOfMonth(issue.year, issue.month);
    if (coverageEnd < windowStart || coverageStart > windowEnd) {
      const previous = monthStart(issue.year, issue.month, -1);
      problems.push(
        `收录时段（${chineseDate(coverageStart)}至${chineseDate(coverageEnd)}）与${label}不符：应包含${previous.year}年${previous.month}月或${label}的日子。`,
      );
    }
  }
  if (publicationDate < coverageStart) {
    problems.push(`出版日期（${chineseDate(publicationDate)}）早于收录起始日期（${chineseDate(coverageStart)}）。`);
  }
  const earliest = monthStart(issue.year, issue.month, -1);
  const latest = monthStart(issue.year, issue.month, LATEST_PUBLICATION_MONTHS);
  const latestEnd = lastDayOfMonth(latest.year, latest.month);
  if (publicationDate < earliest.iso || publicationDate > latestEnd) {
    problems.push(
      `出版日期（${chineseDate(publicationDate)}）与${label}不符：应在${earliest.year}年${earliest.month}月1日至${chineseDate(latestEnd)}之间。`,
    );
  }
  return problems;
}

export interface DatedEntry {
  title: string;
  eventDate: string;
  eventDatePrecision: EventDatePrecision;
}

/** Whether the event lies outside the coverage; an event known to the month counts if the month touches it. */
export function isOutsideCoverage(entry: Pick<DatedEntry, 'eventDate' | 'eventDatePrecision'>, coverage: Coverage): boolean {
  const start = entry.eventDate.slice(0, 10);
  const [year, month] = start.split('-').map(Number) as [number, number];
  const end = entry.eventDatePrecision === 'month' ? lastDayOfMonth(year, month) : start;
  return end < coverage.coverageStart.slice(0, 10) || start > coverage.coverageEnd.slice(0, 10);
}

/** The coverage as people read it: 2021年10月1日至2021年10月31日. */
export function coverageLabel(coverage: Coverage): string {
  return `${chineseDate(coverage.coverageStart)}至${chineseDate(coverage.coverageEnd)}`;
}

/** The entries of an issue dated outside its coverage, in the order given. */
export function outOfPeriodEntries<T extends DatedEntry & { id?: string }>(entries: readonly T[], coverage: Coverage): OutOfPeriodEntry[] {
  return entries
    .filter((entry) => isOutsideCoverage(entry, coverage))
    .map((entry) => ({
      ...(entry.id ? { id: entry.id } : {}),
      title: entry.title,
      eventDate: entry.eventDate.slice(0, 10),
      eventDateLabel: chineseDate(entry.eventDate, entry.eventDatePrecision),
    }));
}

/** The message of a 送审/签发 held back for confirmation: which entries, which dates. */
export function outOfPeriodMessage(entries: readonly OutOfPeriodEntry[], coverage: Coverage): string {
  const list = entries.map((entry) => `《${entry.title}》（${entry.eventDateLabel}）`).join('，');
  return `以下条目的事件日期不在本期收录时段（${coverageLabel(coverage)}）内：${list}。如确需刊载，请确认后再提交。`;
}

/** The month and day of `date` in the year (before, same, after) that brings it nearest to `reference`. */
function nearestYear(date: string, reference: string): string {
  const year = Number(reference.slice(0, 4));
  const [month, day] = [Number(date.slice(5, 7)), Number(date.slice(8, 10))];
  const time = (iso: string) => Date.parse(`${iso}T00:00:00Z`);
  const candidates = [year - 1, year, year + 1].filter((candidate) => isCalendarDay(candidate, month, day)).map((candidate) => `${candidate}${date.slice(4)}`);
  const distance = (candidate: string) => Math.abs(time(candidate) - time(reference));
  return candidates.reduce((best, candidate) => (distance(candidate) < distance(best) ? candidate : best), candidates[0] ?? date);
}

/** The first sentence of a body (up to the first 。！？ or line break). */
function firstSentence(bodyText: string): string {
  const text = bodyText.trim();
  const end = text.search(/[。！？!?\n]/);
  return end === -1 ? text : text.slice(0, end);
}

/**
 * What is odd about an entry's event date: outside its issue's coverage (when it is in an
 * issue), or another day than the one its body's first sentence names (“10月14日，…”).
 * Warnings, not refusals: offices do carry late events.
 */
export function entryDateWarnings(
  entry: Pick<DatedEntry, 'eventDate' | 'eventDatePrecision'> & { bodyText: string },
  coverage?: Coverage | null,
): EventDateWarning[] {
  const warnings: EventDateWarning[] = [];
  const eventDate = entry.eventDate.slice(0, 10);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(eventDate)) return warnings;
  const label = chineseDate(eventDate, entry.eventDatePrecision);
  if (coverage && isOutsideCoverage(entry, coverage)) {
    warnings.push({ code: 'event-date-out-of-period', message: `事件日期（${label}）不在本期收录时段（${coverageLabel(coverage)}）内。` });
  }
  const sentence = firstSentence(entry.bodyText);
  // Only a day the body names itself (10月14日); 近日、昨天 say nothing checkable.
  const explicit = EXPLICIT_DAY.exec(sentence);
  if (explicit) {
    const found = findEventDate(sentence, eventDate);
    if (found.eventDate && found.eventDatePrecision === 'day') {
      // Without a year the body means the one nearest the event date (“1月2日” for 2021年12月31日: 2022).
      const bodyDate = explicit[1] ? found.eventDate : nearestYear(found.eventDate, eventDate);
      const differs = entry.eventDatePrecision === 'month' ? bodyDate.slice(0, 7) !== eventDate.slice(0, 7) : bodyDate !== eventDate;
      if (differs) {
        warnings.push({
          code: 'body-date-mismatch',
          bodyDate,
          message: `正文首句写的是${chineseDate(bodyDate)}，与事件日期（${label}）不一致。`,
        });
      }
    }
  }
  return warnings;
}
