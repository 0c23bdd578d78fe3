import { isCalendarDay } from '@dsyb/workflow';

export type DatePrecision = 'day' | 'month';

const pad = (value: number) => String(value).padStart(2, '0');

const DAY_FORMS = [
  /^(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日?$/,
  /^(\d{4})\s*[-/.．]\s*(\d{1,2})\s*[-/.．]\s*(\d{1,2})$/,
  /^(\d{4})(\d{2})(\d{2})$/,
];
const MONTH_FORMS = [/^(\d{4})\s*年\s*(\d{1,2})\s*月?$/, /^(\d{4})\s*[-/.．]\s*(\d{1,2})$/];

/**
 * What a person typed as a date, year first, → "YYYY-MM-DD" (a month → its first day), or
 * undefined when it is not a date of the calendar: 2021年10月14日, 2021-10-14, 2021/10/14,
 * 2021.10.14, 20211014; 2021年10月, 2021-10 for a month. Full-width digits are read too.
 */
export function readCalendarDate(text: string, precision: DatePrecision = 'day'): string | undefined {
  const value = text.trim().replace(/[０-９]/g, (digit) => String.fromCharCode(digit.charCodeAt(0) - 0xfee0));
  if (precision === 'month') {
    for (const form of MONTH_FORMS) {
      const match = form.exec(value);
      if (match && Number(match[2]) >= 1 && Number(match[2]) <= 12) return `${match[1]}-${pad(Number(match[2]))}-01`;
    }
    // A whole day typed into a month field names its month.
    const day = readCalendarDate(value, 'day');
    return day ? `${day.slice(0, 7)}-01` : undefined;
  }
  for (const form of DAY_FORMS) {
    const match = form.exec(value);
    if (!match) continue;
    const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
    if (year >= 1000 && isCalendarDay(year, month, day)) return `${year}-${pad(month)}-${pad(day)}`;
  }
  return undefined;
}
