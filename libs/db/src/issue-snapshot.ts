import { createHash } from 'node:crypto';
import { isoDate, type IssueSnapshot, type MastheadSnapshot, type RenditionKind } from '@dsyb/domain';
import { isOneOf, PAGE_NUMBERINGS } from '@dsyb/contracts';
import { entryBodyBlocks } from '@dsyb/rich-text';
import type { MastheadSettings, Prisma, PrismaClient } from './generated/prisma/client';
import type { StoredIssueSnapshot } from './issue-snapshot-store';

/**
 * Reads everything the typesetter needs for one issue from the live tables. The API reads it when
 * a rendition of an unpublished issue is requested, to hash and store it (issue-snapshot-store.ts),
 * and at publication, to store it as the issue's publication (issue-publication.ts), which a
 * published issue's renditions print instead; the worker reads it only for a rendition stored
 * without a snapshot, and renders it only if it still hashes the same.
 */
export async function loadIssueSnapshot(
  prisma: Pick<PrismaClient | Prisma.TransactionClient, 'issue' | 'issueCorrectionEntry'>,
  issueId: string,
  kind: RenditionKind,
  renderedAt: Date,
): Promise<IssueSnapshot | null> {
  const issue = await prisma.issue.findUnique({
    where: { id: issueId },
    include: {
      masthead: true,
      entries: {
        include: {
          section: true,
          // 摄影: credited under the entry's figures, in byline order.
          contributors: { where: { role: 'photographer' }, include: { contributor: true }, orderBy: [{ position: 'asc' }, { contributor: { name: 'asc' } }] },
        },
        orderBy: [{ section: { position: 'asc' } }, { position: 'asc' }, { createdAt: 'asc' }] },
      recipients: { include: { recipient: true }, orderBy: { position: 'asc' } },
    },
  });
  if (!issue) return null;
  // 勘误: the published entry rows stay as printed; a corrected issue prints the latest
  // corrected wording of each entry over them.
  const corrections = await prisma.issueCorrectionEntry.findMany({ where: { correction: { issueId } }, orderBy: { correction: { revision: 'asc' } } });
  const corrected = new Map(corrections.map((row) => [row.entryId, row]));
  const entries = issue.entries.map((entry) => {
    const correction = corrected.get(entry.id);
    return correction ? { ...entry, title: correction.title, bodyHtml: correction.bodyHtml, bodyText: correction.bodyText } : entry;
  });
  const sections: IssueSnapshot['sections'] = [];
  for (const entry of entries) {
    let section = sections.at(-1);
    if (!section || section.key !== entry.section.key) {
      section = { key: entry.section.key, name: entry.section.name, entries: [] };
      sections.push(section);
    }
    // The body as the editor formatted it (bold, lists, figures), read from its HTML; bodies
    // stored without HTML fall back to their plain text.
    const photographers = entry.contributors.map((link) => link.contributor.name);
    section.entries.push({ id: entry.id, title: entry.title, blocks: entryBodyBlocks(entry), ...(photographers.length > 0 ? { photographers } : {}) });
  }
  return {
    issueId: issue.id,
    year: issue.year,
    month: issue.month,
    serialNumber: issue.serialNumber,
    compiler: issue.compiler,
    publicationDate: isoDate(issue.publicationDate),
    masthead: mastheadSnapshot(issue.masthead, issue.title),
    sections,
    recipients: issue.recipients.map((link) => link.recipient.name),
    kind,
    renderedAt: renderedAt.toISOString(),
  };
}

/** The masthead as a snapshot prints it, under `publicationTitle` (the issue's own title, or the masthead's for a volume). */
export function mastheadSnapshot(masthead: MastheadSettings, publicationTitle: string): MastheadSnapshot {
  return {
    publicationTitle,
    notice: masthead.notice,
    sponsor: masthead.sponsor,
    publisher: masthead.publisher,
    phone: masthead.phone,
    email: masthead.email,
    pageNumbering: isOneOf(PAGE_NUMBERINGS, masthead.pageNumbering) ? masthead.pageNumbering : 'from-cover',
  };
}

/** Plain-text paragraphs of a body (blank lines or line breaks between them). */
export function paragraphsOf(bodyText: string): string[] {
  return bodyText.split(/\n\s*\n|\r?\n/).map((paragraph) => paragraph.trim()).filter(Boolean);
}

/**
 * Identifies what a rendition shows: the same content and kind is rendered once. A stored snapshot
 * (figures named by their sha256) hashes differently from the same content with its figures.
 */
export function snapshotContentHash(snapshot: IssueSnapshot | StoredIssueSnapshot): string {
  const { renderedAt: _renderedAt, ...content } = snapshot;
  return createHash('sha256').update(JSON.stringify(content)).digest('hex');
}
