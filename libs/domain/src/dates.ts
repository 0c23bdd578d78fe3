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
