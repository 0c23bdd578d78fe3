/**
 * Dates as readers of the chronicle expect them: 2020年10月15日, 2020年9月, with no leading
 * zeros. Intl's zh-CN numeric format gives "2020/10/15", so Chinese dates are composed by
 * hand; other locales use Intl with month names.
 *
 * Calendar dates ("YYYY-MM-DD") are formatted as they are written, never through the
 * browser's time zone, so 2020-10-15 stays the 15th everywhere.
 */
import type { EventDatePrecision } from '@dsyb/contracts';

const CALENDAR_DATE = /^(\d{4})-(\d{2})-(\d{2})/;

function isChinese(locale: string): boolean {
  return locale.toLowerCase().startsWith('zh');
}

function parseCalendarDate(value: string): { year: number; month: number; day: number } | undefined {
  const match = CALENDAR_DATE.exec(value);
  if (!match) return undefined;
  return { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) };
}

/** "2020-10-15" → "2020年10月15日" (zh) or "October 15, 2020" (en). Unparseable input is returned as is. */
export function formatDate(value: string, locale = 'zh-CN'): string {
  const date = parseCalendarDate(value);
  if (!date) return value;
  if (isChinese(locale)) return `${date.year}年${date.month}月${date.day}日`;
  return new Intl.DateTimeFormat(locale, { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' }).format(
    Date.UTC(date.year, date.month - 1, date.day),
  );
}

/** (2020, 10) → "2020年10月" (zh) or "October 2020" (en). */
export function formatYearMonth(year: number, month: number, locale = 'zh-CN'): string {
  if (isChinese(locale)) return `${year}年${month}月`;
  return new Intl.DateTimeFormat(locale, { year: 'numeric', month: 'long', timeZone: 'UTC' }).format(
    Date.UTC(year, month - 1, 1),
  );
}

/** An entry's event date at its precision: "2020年9月17日" for a day, "2020年9月" for a month. */
export function formatEventDate(value: string, precision: EventDatePrecision, locale = 'zh-CN'): string {
  if (precision === 'month') {
    const date = parseCalendarDate(value);
    return date ? formatYearMonth(date.year, date.month, locale) : value;
  }
  return formatDate(value, locale);
}

/** An ISO timestamp in the reader's time zone: "2020年10月15日 09:05". */
export function formatDateTime(value: string, locale = 'zh-CN'): string {
  const instant = new Date(value);
  if (Number.isNaN(instant.getTime())) return value;
  if (isChinese(locale)) {
    const time = `${String(instant.getHours()).padStart(2, '0')}:${String(instant.getMinutes()).padStart(2, '0')}`;
    return `${instant.getFullYear()}年${instant.getMonth() + 1}月${instant.getDate()}日 ${time}`;
  }
  return new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeStyle: 'short' }).format(instant);
}
