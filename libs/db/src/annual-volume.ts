import { createHash } from 'node:crypto';
import { isoDate, type AnnualEntrySnapshot, type AnnualMonthSnapshot, type AnnualVolumeSnapshot, type IndexTermKind, type IndexTermSnapshot, type RenditionKind } from '@dsyb/domain';
import { entryBodyBlocks } from '@dsyb/rich-text';
import type { DatePrecision, Prisma, PrismaClient } from './generated/prisma/client';
import { mastheadSnapshot } from './issue-snapshot';
import { readFigureImages, storeFigureImages, type StoredEntrySnapshot } from './issue-snapshot-store';

/**
 * 年度大事记: the data side of an annual volume. Its events are copies of the monthly entries of
 * the year's published issues, taken with the wording they were last published with (勘误 applied),
 * and then edited on their own; `upstreamEntries` is what a compilation reads, and
 * `loadAnnualVolumeSnapshot` what a rendition or the Word export prints.
 */
type Client = PrismaClient | Prisma.TransactionClient;

/** A monthly entry as the year's published issues carry it now (corrections applied). */
export interface UpstreamEntry {
  entryId: string;
  title: string;
  bodyHtml: string;
  bodyText: string;
  eventDate: Date;
  eventDatePrecision: DatePrecision;
  /** The order (serial number, section, position), for events of the same date. */
  order: number;
}

/**
 * Entries of published issues whose event falls in `year`, with the latest corrected wording of
 * each (issue_correction_entries) over the published rows, in the issues' own order. An event of
 * late December carried by January's issue belongs to its own year.
 */
export async function upstreamEntries(client: Client, year: number): Promise<UpstreamEntry[]> {
  const rows = await client.$queryRaw<Array<Omit<UpstreamEntry, 'order'>>>`
    SELECT e.id AS "entryId",
           COALESCE(c.title, e.title) AS title,
           COALESCE(c.body_html, e.body_html) AS "bodyHtml",
           COALESCE(c.body_text, e.body_text) AS "bodyText",
           e.event_date AS "eventDate",
           e.event_date_precision::text AS "eventDatePrecision"
      FROM entries e
      JOIN issues i ON i.id = e.issue_id AND i.status = 'published'
      JOIN sections s ON s.id = e.section_id
      LEFT JOIN LATERAL (
        SELECT ce.title, ce.body_html, ce.body_text
          FROM issue_correction_entries ce JOIN issue_corrections ic ON ic.id = ce.correction_id
         WHERE ce.entry_id = e.id
         ORDER BY ic.revision DESC LIMIT 1
      ) c ON true
     WHERE e.event_date >= make_date(${year}::int, 1, 1) AND e.event_date <= make_date(${year}::int, 12, 31)
     ORDER BY i.serial_number, s.position, e.position, e.created_at`;
  return rows.map((row, order) => ({ ...row, order }));
}

/**
 * The order chronicles print events in: by date, an event known only by its month at that
 * month's end, then the order they had (`position`).
 */
export function chronicleOrder<T extends { eventDate: Date; eventDatePrecision: DatePrecision; position: number }>(a: T, b: T): number {
  const key = (entry: T) => {
    const date = entry.eventDate;
    const day = entry.eventDatePrecision === 'month' ? 32 : date.getUTCDate();
    return (date.getUTCFullYear() * 100 + date.getUTCMonth() + 1) * 100 + day;
  };
  return key(a) - key(b) || a.position - b.position;
}

/** A volume's events as printed: included ones, in chronicle order, grouped by month. */
export async function volumeMonths(client: Client, volumeId: string): Promise<AnnualMonthSnapshot[]> {
  const rows = await client.annualVolumeEntry.findMany({
    where: { volumeId, excluded: false },
    include: {
      sourceEntry: { select: { contributors: { where: { role: 'photographer' }, include: { contributor: true }, orderBy: [{ position: 'asc' }, { contributor: { name: 'asc' } }] } } },
    },
  });
  rows.sort(chronicleOrder);
  const months: AnnualMonthSnapshot[] = [];
  for (const row of rows) {
    const month = row.eventDate.getUTCMonth() + 1;
    let group = months.at(-1);
    if (!group || group.month !== month) {
      group = { month, entries: [] };
      months.push(group);
    }
    const photographers = row.sourceEntry?.contributors.map((link) => link.contributor.name) ?? [];
    const entry: AnnualEntrySnapshot = {
      id: row.id,
      title: row.title,
      blocks: entryBodyBlocks(row),
      eventDate: isoDate(row.eventDate),
      eventDatePrecision: row.eventDatePrecision,
      ...(photographers.length > 0 ? { photographers } : {}),
    };
    group.entries.push(entry);
  }
  return months;
}

/** The accepted index terms, each with the wordings merged into it (同一人的不同称谓). */
export async function volumeIndex(client: Client, volumeId: string): Promise<IndexTermSnapshot[]> {
  const terms = await client.annualIndexTerm.findMany({ where: { volumeId, status: { in: ['accepted', 'merged'] } }, orderBy: { term: 'asc' } });
  const accepted = terms.filter((term) => term.status === 'accepted');
  return accepted.map((term) => ({
    term: term.term,
    kind: term.kind as IndexTermKind,
    forms: [term.term, ...terms.filter((other) => other.status === 'merged' && other.mergedIntoId === term.id).map((other) => other.term)],
  }));
}

/** Everything one rendition or Word export of the volume prints, read from its rows now. */
export async function loadAnnualVolumeSnapshot(client: Client, volumeId: string, kind: RenditionKind, renderedAt: Date): Promise<AnnualVolumeSnapshot | null> {
  const volume = await client.annualVolume.findUnique({ where: { id: volumeId }, include: { masthead: true } });
  if (!volume) return null;
  return {
    volumeId: volume.id,
    year: volume.year,
    title: volume.title,
    compiler: volume.compiler,
    publicationDate: isoDate(volume.publicationDate),
    masthead: mastheadSnapshot(volume.masthead, volume.masthead.publicationTitle),
    months: await volumeMonths(client, volumeId),
    index: await volumeIndex(client, volumeId),
    kind,
    renderedAt: renderedAt.toISOString(),
  };
}

/** A volume snapshot as stored on a rendition or as the publication: figures refer to snapshot_images. */
export interface StoredAnnualVolumeSnapshot extends Omit<AnnualVolumeSnapshot, 'months'> {
  months: Array<Omit<AnnualMonthSnapshot, 'entries'> & { entries: Array<StoredEntrySnapshot & Pick<AnnualEntrySnapshot, 'eventDate' | 'eventDatePrecision'>> }>;
}

export async function storeAnnualVolumeSnapshot(client: Pick<PrismaClient, 'snapshotImage'> | Pick<Prisma.TransactionClient, 'snapshotImage'>, snapshot: AnnualVolumeSnapshot): Promise<StoredAnnualVolumeSnapshot> {
  return { ...snapshot, months: await storeFigureImages<StoredAnnualVolumeSnapshot['months']>(client, snapshot.months) };
}

export async function readStoredAnnualVolumeSnapshot(client: Pick<PrismaClient, 'snapshotImage'>, stored: StoredAnnualVolumeSnapshot): Promise<AnnualVolumeSnapshot> {
  return { ...stored, months: await readFigureImages<AnnualMonthSnapshot[]>(client, stored.months) };
}

/** A rendition's or publication's stored volume snapshot, or undefined when the value is not one. */
export function storedAnnualVolumeSnapshotOf(value: unknown): StoredAnnualVolumeSnapshot | undefined {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return undefined;
  const { volumeId, months } = value as Record<string, unknown>;
  return typeof volumeId === 'string' && Array.isArray(months) ? (value as unknown as StoredAnnualVolumeSnapshot) : undefined;
}

/** Identifies what a volume rendition shows, as snapshotContentHash does for issues. */
export function annualVolumeContentHash(snapshot: AnnualVolumeSnapshot | StoredAnnualVolumeSnapshot): string {
  const { renderedAt: _renderedAt, ...content } = snapshot;
  return createHash('sha256').update(JSON.stringify(content)).digest('hex');
}
