/** Dates as users read them: 2020年10月15日. */
export function formatChineseDate(isoDate: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(isoDate);
  if (!match) throw new RangeError(`不是有效的日期：${isoDate}`);
  return `${Number(match[1])}年${Number(match[2])}月${Number(match[3])}日`;
}

export function formatChineseMonth(year: number, month: number): string {
  return `${year}年${month}月`;
}

/** A calendar date (PostgreSQL DATE, read as UTC midnight) as "YYYY-MM-DD". */
export function isoDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** "YYYY-MM-DD" to the Date Prisma stores in a DATE column. */
export function parseIsoDate(value: string): Date {
  return new Date(`${value}T00:00:00.000Z`);
}

/** The office's clock: times are shown as the office reads them, whatever the server's zone. */
export const OFFICE_TIME_ZONE = 'Asia/Shanghai';

const officeClock = new Intl.DateTimeFormat('en-CA', {
  timeZone: OFFICE_TIME_ZONE,
  year: 'numeric',
  month: 'numeric',
  day: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/** An instant as the office reads it: 2020年10月15日 14:05, or 2020年10月15日 without the time. */
export function formatOfficeTime(instant: Date, options: { time?: boolean } = {}): string {
  const parts = Object.fromEntries(officeClock.formatToParts(instant).map((part) => [part.type, part.value]));
  const date = `${Number(parts.year)}年${Number(parts.month)}月${Number(parts.day)}日`;
  return options.time === false ? date : `${date} ${parts.hour}:${parts.minute}`;
}

/** The calendar date the office is on at `instant`, as "YYYY-MM-DD" (a correction signed off at 01:00 in Beijing is dated that day). */
export function officeIsoDate(instant: Date): string {
  const parts = Object.fromEntries(officeClock.formatToParts(instant).map((part) => [part.type, part.value]));
  return `${parts.year}-${parts.month.padStart(2, '0')}-${parts.day.padStart(2, '0')}`;
}
