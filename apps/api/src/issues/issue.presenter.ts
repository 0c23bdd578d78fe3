import { isoDate } from '@dsyb/domain';
import type { Issue } from '@dsyb/db';

/** The JSON shape of an issue: calendar dates as "YYYY-MM-DD". */
export function presentIssue(issue: Issue, entryCount?: number) {
  return {
    ...issue,
    publicationDate: isoDate(issue.publicationDate),
    coverageStart: isoDate(issue.coverageStart),
    coverageEnd: isoDate(issue.coverageEnd),
    deadline: issue.deadline ? isoDate(issue.deadline) : null,
    ...(entryCount === undefined ? {} : { entryCount }),
  };
}
