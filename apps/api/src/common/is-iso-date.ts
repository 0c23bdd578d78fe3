import { ValidationOptions, registerDecorator } from 'class-validator';

const PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A calendar date written "YYYY-MM-DD" that exists (no 2020-02-30, no time of day). */
export function isIsoDate(value: unknown): boolean {
  if (typeof value !== 'string') return false;
  const match = PATTERN.exec(value);
  if (!match) return false;
  const date = new Date(`${value}T00:00:00.000Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
}

export function IsIsoDate(options?: ValidationOptions): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({ name: 'isoDate', target: target.constructor, propertyName: String(propertyName), options, validator: { validate: isIsoDate } });
}
