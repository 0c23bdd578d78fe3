import { isDeepStrictEqual } from 'node:util';
import type { IssueSnapshot, RenditionKind } from '@dsyb/domain';
import { entryBodyBlocks } from '@dsyb/rich-text';
import type { IssuePublication as PublicationRow, Prisma, PrismaClient } from './generated/prisma/client';
import { loadIssueSnapshot, snapshotContentHash } from './issue-snapshot';
import { readStoredSnapshot, snapshotJson, storedSnapshotOf, storeIssueSnapshot, type StoredIssueSnapshot } from './issue-snapshot-store';

/**
 * A publication is a snapshot: what a published issue prints — masthead, sections with their names
 * and order, the recipient units' names, the entries' titles and bodies, the issue's own fields —
 * stored once per revision in `issue_publications`, at publication and at each correction (勘误),
 * and never changed (migration 20261208000000_publication_snapshot refuses it). Final PDFs of a
 * published issue are rendered from it alone, so renaming a section or a unit, or editing the
 * masthead, changes what later issues print and never what a published one printed.
 */
export interface Publication {
  issueId: string;
  revision: number;
  /** Stored with kind 'final'; figures refer to snapshot_images. */
  snapshot: StoredIssueSnapshot;
  /** snapshotContentHash of the snapshot as published: the contentHash of its final rendition. */
  contentHash: string;
  publishedAt: Date;
}

type Client = PrismaClient | Prisma.TransactionClient;

/** The corrected wording of one entry, as a correction records it (issue_correction_entries). */
export interface CorrectedEntry {
  entryId: string;
  title: string;
  bodyHtml: string;
  bodyText: string;
}

/**
 * Stores `snapshot` as the publication of the issue's current `revision`, its figures in
 * snapshot_images. Called in the transaction that publishes the issue or raises its revision: the
 * database accepts a publication only for a published issue's current revision, once.
 */
export function recordPublication(client: Client, revision: number, snapshot: IssueSnapshot, publishedAt: Date): Promise<Publication> {
  return writePublication(client, revision, snapshot, publishedAt, false);
}

async function writePublication(client: Client, revision: number, snapshot: IssueSnapshot, publishedAt: Date, skipDuplicates: boolean): Promise<Publication> {
  const published: IssueSnapshot = { ...snapshot, kind: 'final', renderedAt: publishedAt.toISOString() };
  const contentHash = snapshotContentHash(published);
  const stored = await storeIssueSnapshot(client, published);
  await client.issuePublication.createMany({ data: [{ issueId: snapshot.issueId, revision, snapshot: snapshotJson(stored), contentHash, publishedAt }], skipDuplicates });
  return { issueId: snapshot.issueId, revision, snapshot: stored, contentHash, publishedAt };
}

/** The publication of one revision, or undefined when none was stored. */
export async function findPublication(client: Client, issueId: string, revision: number): Promise<Publication | undefined> {
  const row = await client.issuePublication.findUnique({ where: { issueId_revision: { issueId, revision } } });
  return row ? publicationOf(row) : undefined;
}

/**
 * The publication of a published issue's current revision. Issues published before migration
 * 20261208000000_publication_snapshot whose revision had no final PDF stored with its snapshot got
 * none from the migration: theirs is stored here, at the first request that needs it, from the
 * tables as they are then (the published entries are frozen, corrections applied over them; the
 * names of sections and units and the masthead are the ones of that moment, the best record left).
 * From then on it is fixed like any other.
 */
export async function currentPublication(client: Client, issue: { id: string; revision: number }): Promise<Publication> {
  const found = await findPublication(client, issue.id, issue.revision);
  if (found) return found;
  const snapshot = await loadIssueSnapshot(client, issue.id, 'final', new Date());
  if (!snapshot) throw new Error(`期刊 ${issue.id} 不存在`);
  // Two first requests at once: the second one's row is skipped, and both read the first one's.
  await writePublication(client, issue.revision, snapshot, new Date(), true);
  const row = await client.issuePublication.findUniqueOrThrow({ where: { issueId_revision: { issueId: issue.id, revision: issue.revision } } });
  return publicationOf(row);
}

/** What the reissued PDF's 勘误 notice says of a correction besides the entries it changed. */
export interface CorrectionNotice {
  revision: number;
  /** ISO date of the sign-off in the office's zone. */
  date: string;
  reason: string;
}

/**
 * What a correction publishes: the previous revision's publication with the corrected entries'
 * titles and bodies, everything else (masthead, section and unit names, the other entries) as it
 * was published, and the 勘误 notice printed in the reissued PDF (the earlier corrections' and
 * this one's, naming the entries it really changed); undefined when the corrections change no
 * entry's wording. Figures are read back, so that the result is stored and hashed like any snapshot.
 */
export async function correctedSnapshot(client: Client, previous: Publication, corrections: CorrectedEntry[], notice: CorrectionNotice): Promise<IssueSnapshot | undefined> {
  const snapshot = await readStoredSnapshot(client, previous.snapshot);
  const corrected = new Map(corrections.map((entry) => [entry.entryId, entry]));
  const changed: { title: string; previousTitle: string }[] = [];
  const sections = snapshot.sections.map((section) => ({
    ...section,
    entries: section.entries.map((entry) => {
      const correction = corrected.get(entry.id);
      if (!correction) return entry;
      const wording = { id: entry.id, title: correction.title, blocks: entryBodyBlocks(correction) };
      if (sameJson(wording, entry)) return entry;
      changed.push({ title: wording.title, previousTitle: entry.title });
      return wording;
    }),
  }));
  if (changed.length === 0) return undefined;
  return { ...snapshot, sections, corrections: [...(snapshot.corrections ?? []), { ...notice, entries: changed }] };
}

/**
 * Equal as JSON, whatever the order of their keys: a snapshot read back from a jsonb column has
 * its keys in PostgreSQL's order, not in the order they were written.
 */
function sameJson(a: unknown, b: unknown): boolean {
  return isDeepStrictEqual(JSON.parse(JSON.stringify(a)), JSON.parse(JSON.stringify(b)));
}

/**
 * The snapshot and content hash of a rendition of a publication. A final's hash is the
 * publication's own: one final per publication, and a final made while the issue was signed off
 * from the same content is that final.
 */
export function publicationRendition(publication: Publication, kind: RenditionKind, renderedAt: Date): { snapshot: StoredIssueSnapshot; contentHash: string } {
  const snapshot: StoredIssueSnapshot = { ...publication.snapshot, kind, renderedAt: renderedAt.toISOString() };
  return { snapshot, contentHash: kind === 'final' ? publication.contentHash : snapshotContentHash(snapshot) };
}

function publicationOf(row: PublicationRow): Publication {
  const snapshot = storedSnapshotOf(row.snapshot);
  // Written only by this file (or the migration, from a rendition's stored snapshot).
  if (!snapshot) throw new Error(`期刊 ${row.issueId} 第${row.revision}版的发布内容已损坏`);
  return { issueId: row.issueId, revision: row.revision, snapshot, contentHash: row.contentHash, publishedAt: row.publishedAt };
}
