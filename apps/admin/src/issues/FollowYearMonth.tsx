import { useEffect, useRef } from 'react';
import { useFormContext, useWatch } from 'react-hook-form';
import { issueDefaultDates } from '@dsyb/workflow';

const FOLLOWING = ['publicationDate', 'coverageStart', 'coverageEnd'] as const;

type YearMonth = { year: number; month: number };

const valid = (year: unknown, month: unknown): year is number =>
  Number.isInteger(year) && Number.isInteger(month) && (year as number) >= 1949 && (year as number) <= 2200 && (month as number) >= 1 && (month as number) <= 12;

/**
 * Keeps the publication date and the coverage in step with 年份/月份: when the month changes,
 * each of them that still holds what the old month gave it (or nothing) takes what the new month
 * gives (issueDefaultDates, the server's defaults too). One the editor set by hand stays as set.
 */
export const FollowYearMonth = () => {
  const [year, month] = useWatch({ name: ['year', 'month'] }) as [unknown, unknown];
  const { getValues, setValue } = useFormContext();
  // The last complete year and month: a year half typed (202…) is not a change of month yet.
  const previous = useRef<YearMonth | undefined>(undefined);
  useEffect(() => {
    if (!valid(year, month)) return;
    const before = previous.current;
    previous.current = { year, month: month as number };
    if (!before || (before.year === year && before.month === month)) return;
    const old = issueDefaultDates(before.year, before.month);
    const next = issueDefaultDates(year, month as number);
    for (const field of FOLLOWING) {
      const current: unknown = getValues(field);
      if (current === undefined || current === null || current === '' || current === old[field]) {
        setValue(field, next[field], { shouldDirty: true, shouldValidate: true });
      }
    }
  }, [year, month, getValues, setValue]);
  return null;
};
