import { useGetList } from 'react-admin';
import type { Issue } from '@dsyb/contracts';
import { issueDefaultDates } from '@dsyb/workflow';

export interface NextIssueDefaults {
  serialNumber: number;
  year: number;
  month: number;
  publicationDate: string;
  coverageStart: string;
  coverageEnd: string;
}

/** The issue after `latest`: next serial number, next month, published mid-month and reporting the month before, like the others. */
export function nextIssueDefaults(latest: Pick<Issue, 'serialNumber' | 'year' | 'month'> | undefined, today = new Date()): NextIssueDefaults {
  const year = latest ? (latest.month === 12 ? latest.year + 1 : latest.year) : today.getFullYear();
  const month = latest ? (latest.month % 12) + 1 : today.getMonth() + 1;
  return { serialNumber: (latest?.serialNumber ?? 0) + 1, year, month, ...issueDefaultDates(year, month) };
}

/** Defaults for a new issue, from the issue with the highest serial number; undefined while loading. */
export function useNextIssueDefaults(): NextIssueDefaults | undefined {
  const { data, isPending } = useGetList<Issue>('issues', {
    sort: { field: 'serialNumber', order: 'DESC' },
    pagination: { page: 1, perPage: 1 },
  });
  if (isPending) return undefined;
  return nextIssueDefaults(data?.[0]);
}
