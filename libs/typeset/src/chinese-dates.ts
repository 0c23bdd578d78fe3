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

/** "2020年10月14日16时05分" in Beijing time, for the proof mark. */
export function formatBeijingTimestamp(isoTimestamp: string): string | null {
  const ms = Date.parse(isoTimestamp);
  if (Number.isNaN(ms)) return null;
  const t = new Date(ms + BEIJING_OFFSET_MS);
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `${t.getUTCFullYear()}年${t.getUTCMonth() + 1}月${t.getUTCDate()}日${pad(t.getUTCHours())}时${pad(t.getUTCMinutes())}分`;
}
