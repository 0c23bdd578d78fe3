import * as fs from 'node:fs';
import * as path from 'node:path';
import type { IssueSnapshot, RenditionKind } from '@dsyb/domain';

/** Shape of seeds/reference-issue-097.json (written from the printed 2020年10月 issue, 总第97期). */
interface ReferenceSeed {
  issue: { year: number; month: number; serialNumber: number; title: string; compiler: string; publicationDate: string };
  masthead: IssueSnapshot['masthead'];
  sections: Array<{ key: string; name: string }>;
  entries: Array<{ section: string; title: string; paragraphs: string[] }>;
  recipients: Array<{ name: string; category: string }>;
}

export const REFERENCE_SEED_PATH = path.resolve(__dirname, '../../../seeds/reference-issue-097.json');

export function loadReferenceSeed(): ReferenceSeed {
  return JSON.parse(fs.readFileSync(REFERENCE_SEED_PATH, 'utf8')) as ReferenceSeed;
}

/** The reference issue as the API would hand it to the typesetter. */
export function referenceSnapshot(kind: RenditionKind, renderedAt = '2020-10-14T08:30:00Z'): IssueSnapshot {
  const seed = loadReferenceSeed();
  let n = 0;
  return {
    issueId: 'issue-2020-10',
    year: seed.issue.year,
    month: seed.issue.month,
    serialNumber: seed.issue.serialNumber,
    compiler: seed.issue.compiler,
    publicationDate: seed.issue.publicationDate,
    masthead: { ...seed.masthead, publicationTitle: seed.masthead.publicationTitle ?? seed.issue.title },
    sections: seed.sections.map((section) => ({
      key: section.key,
      name: section.name,
      entries: seed.entries
        .filter((entry) => entry.section === section.key)
        .map((entry) => ({ id: `ref097-${String(++n).padStart(2, '0')}`, title: entry.title, paragraphs: entry.paragraphs })),
    })),
    recipients: seed.recipients.map((r) => r.name),
    kind,
    renderedAt,
  };
}
