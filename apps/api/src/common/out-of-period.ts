import { isoDate } from '@dsyb/domain';
import { outOfPeriodEntries, outOfPeriodMessage } from '@dsyb/workflow';
import { conflict } from './domain-errors';

/**
 * 409 listing the entries dated outside the coverage, unless the request confirms them
 * (`confirmOutOfPeriod: true`): a check, not a ban.
 */
export function assertInPeriod(
  coverage: { coverageStart: Date; coverageEnd: Date },
  entries: readonly { id: string; title: string; eventDate: Date; eventDatePrecision: 'day' | 'month' }[],
) {
  const period = { coverageStart: isoDate(coverage.coverageStart), coverageEnd: isoDate(coverage.coverageEnd) };
  const outside = outOfPeriodEntries(entries.map((entry) => ({ ...entry, eventDate: isoDate(entry.eventDate) })), period);
  if (outside.length > 0) {
    throw conflict(outOfPeriodMessage(outside, period), { code: 'out_of_period', outOfPeriod: outside, ...period });
  }
}
