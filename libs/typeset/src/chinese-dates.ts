import { formatOfficeTime } from '@dsyb/domain';
/**
 * Dates as printed in the issue: "2020年10月15日", never with spaces between digits and Chinese.
 * Kept local rather than taken from @dsyb/domain: these validate untrusted snapshot strings and
 * work on calendar parts, where the domain's helpers work on database Dates. (The library does
 * import @dsyb/domain at runtime for the image checks it shares with the snapshot loader.)
 */
export interface CalendarDate {
  year: number;
  month: number;
  day: number;
}

export function formatChineseDate({ year, month, day }: CalendarDate): string {
  return `${year}年${month}月${day}日`;
}

/** What a chronicle prints for an event known to its month only, at the month's end: 是月 ("this month"). */
export const MONTH_PRECISION_DATE = '是月';

/** An event's date in a chronicle: "9月17日", or 是月 when only the month is known (printed under its month). */
export function formatEventDate({ month, day }: CalendarDate, precision: 'day' | 'month'): string {
  return precision === 'month' ? MONTH_PRECISION_DATE : `${month}月${day}日`;
}

/** "2020-10-15" → its parts; null for anything that is not a real calendar date. */
export function parseIsoDate(isoDate: string): CalendarDate | null {
  // A full timestamp ("2020-10-15T00:00:00.000Z", as a database date serialises) is accepted too.
  const match = /^(\d{4})-(\d{2})-(\d{2})(?:$|T)/.exec(isoDate);
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const check = new Date(Date.UTC(year, month - 1, day));
  // Rejects 2020-02-30 and the like, which Date would silently roll over.
  if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) return null;
  return { year, month, day };
}

/** China has one time zone and no daylight saving time: UTC+8 all year. */
const BEIJING_OFFSET_MS = 8 * 60 * 60 * 1000;

/**
 * The instant moved by eight hours, so that its UTC fields (getUTCHours…) are the wall clock in
 * Beijing, whatever the machine's own zone; null for anything that is not a timestamp. Also what
 * a spreadsheet cell gets: Excel dates have no zone, and exceljs writes a Date's UTC fields.
 */
export function beijingWallClock(isoTimestamp: string): Date | null {
  const ms = Date.parse(isoTimestamp);
  return Number.isNaN(ms) ? null : new Date(ms + BEIJING_OFFSET_MS);
}

const pad = (n: number): string => String(n).padStart(2, '0');

function beijingParts(isoTimestamp: string): { date: string; hours: string; minutes: string } | null {
  const t = beijingWallClock(isoTimestamp);
  if (!t) return null;
  const date = formatChineseDate({ year: t.getUTCFullYear(), month: t.getUTCMonth() + 1, day: t.getUTCDate() });
  return { date, hours: pad(t.getUTCHours()), minutes: pad(t.getUTCMinutes()) };
}

/** "2020年10月14日16时05分" in Beijing time, for the proof mark. */
export function formatBeijingTimestamp(isoTimestamp: string): string | null {
  const t = beijingParts(isoTimestamp);
  return t && `${t.date}${t.hours}时${t.minutes}分`;
}

/** "2020年10月14日 16:05" in Beijing time, as registers and tables show a time (libs/domain formatOfficeTime). */
export function formatBeijingDateTime(isoTimestamp: string): string | null {
  const ms = Date.parse(isoTimestamp);
  return Number.isNaN(ms) ? null : formatOfficeTime(new Date(ms));
}

