import { createHash } from 'node:crypto';
import { isoDate, type IssueSnapshot, type RenditionKind } from '@dsyb/domain';
import type { PrismaClient } from './generated/prisma/client';

/**
 * Reads everything the typesetter needs for one issue. Shared by the API (to hash the
 * content a rendition is requested for) and the worker (to render it).
 */
export async function loadIssueSnapshot(
  prisma: PrismaClient,
  issueId: string,
  kind: RenditionKind,
  renderedAt: Date,
): Promise<IssueSnapshot | null> {
  const issue = await prisma.issue.findUnique({
    where: { id: issueId },
    include: {
      masthead: true,
      entries: { include: { section: true }, orderBy: [{ section: { position: 'asc' } }, { position: 'asc' }, { createdAt: 'asc' }] },
      recipients: { include: { recipient: true }, orderBy: { position: 'asc' } },
    },
  });
  if (!issue) return null;
  const sections: IssueSnapshot['sections'] = [];
  for (const entry of issue.entries) {
    let section = sections.at(-1);
    if (!section || section.key !== entry.section.key) {
      section = { key: entry.section.key, name: entry.section.name, entries: [] };
      sections.push(section);
    }
    section.entries.push({ id: entry.id, title: entry.title, paragraphs: paragraphsOf(entry.bodyText) });
  }
  return {
    issueId: issue.id,
    year: issue.year,
    month: issue.month,
    serialNumber: issue.serialNumber,
    compiler: issue.compiler,
    publicationDate: isoDate(issue.publicationDate),
    masthead: {
      publicationTitle: issue.title,
      notice: issue.masthead.notice,
      sponsor: issue.masthead.sponsor,
      publisher: issue.masthead.publisher,
      phone: issue.masthead.phone,
      email: issue.masthead.email,
    },
    sections,
    recipients: issue.recipients.map((link) => link.recipient.name),
    kind,
    renderedAt: renderedAt.toISOString(),
  };
}

export function paragraphsOf(bodyText: string): string[] {
  return bodyText.split(/\n\s*\n|\r?\n/).map((paragraph) => paragraph.trim()).filter(Boolean);
}

/** Identifies what a rendition shows: the same content and kind is rendered once. */
export function snapshotContentHash(snapshot: IssueSnapshot): string {
  const { renderedAt: _renderedAt, ...content } = snapshot;
  return createHash('sha256').update(JSON.stringify(content)).digest('hex');
}
