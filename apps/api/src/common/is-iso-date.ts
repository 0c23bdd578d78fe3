import { ValidationOptions, registerDecorator } from 'class-validator';

/**
 * Years a date may have: four digits, as the admin's date pickers, the PDF's "2020年" and
 * PostgreSQL's DATE and TIMESTAMPTZ (which end long before JavaScript's year -271821) all hold.
 */
export const DATE_YEARS = { min: 1000, max: 9999 } as const;

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
/** A date, optionally with a time of day and its zone (what the admin's date filters send: 2020-10-14T16:00:00.000Z). */
const TIMESTAMP = /^(\d{4}-\d{2}-\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,6})?)?(?:Z|[+-](\d{2}):(\d{2})))?$/;

/** A calendar date written "YYYY-MM-DD" that exists (no 2020-02-30, no time of day), in the years DATE_YEARS. */
export function isIsoDate(value: unknown): boolean {
  if (typeof value !== 'string') return false;
  const match = DATE.exec(value);
  if (!match || Number(match[1]) < DATE_YEARS.min) return false;
  const date = new Date(`${value}T00:00:00.000Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
}

/** An existing date (isIsoDate), or one with a valid time of day and zone: 2020-10-14T16:00:00.000Z, 2020-10-15T00:00+08:00. */
export function isIsoTimestamp(value: unknown): boolean {
  if (typeof value !== 'string') return false;
  const match = TIMESTAMP.exec(value);
  if (!match || !isIsoDate(match[1])) return false;
  const [hour, minute, second, zoneHour, zoneMinute] = match.slice(2).map((part) => Number(part ?? 0));
  return hour! <= 23 && minute! <= 59 && second! <= 59 && zoneHour! <= 14 && zoneMinute! <= 59 && !Number.isNaN(new Date(value).getTime());
}

/** What an impossible date is told, after the field's name. */
export const NOT_A_DATE = `必须是存在的日期，格式为 YYYY-MM-DD，年份在 ${DATE_YEARS.min} 至 ${DATE_YEARS.max} 之间`;

export function IsIsoDate(options?: ValidationOptions): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({ name: 'isoDate', target: target.constructor, propertyName: String(propertyName), options, validator: { validate: isIsoDate } });
}
