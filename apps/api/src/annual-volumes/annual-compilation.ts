import { upstreamEntries, type AnnualVolumeEntry, type Prisma, type UpstreamEntry } from '@dsyb/db';

/** What one compilation found: events new to the volume, changed upstream, gone upstream. */
export interface CompilationReport {
  added: number;
  changed: number;
  removed: number;
}

/** The wording an event was last taken from, or the one a recompilation offers. */
interface Wording {
  title: string;
  bodyHtml: string;
  eventDate: Date;
  eventDatePrecision: string;
}

const sameWording = (a: Wording, b: Wording) =>
  a.title === b.title && a.bodyHtml === b.bodyHtml && a.eventDate.getTime() === b.eventDate.getTime() && a.eventDatePrecision === b.eventDatePrecision;

const upstreamOf = (row: AnnualVolumeEntry): Wording | undefined =>
  row.upstreamTitle !== null && row.upstreamBodyHtml !== null && row.upstreamEventDate !== null && row.upstreamEventDatePrecision !== null
    ? { title: row.upstreamTitle, bodyHtml: row.upstreamBodyHtml, eventDate: row.upstreamEventDate, eventDatePrecision: row.upstreamEventDatePrecision }
    : undefined;

const pendingOf = (row: AnnualVolumeEntry): Wording | undefined =>
  row.pendingChange === 'changed' && row.pendingTitle !== null && row.pendingBodyHtml !== null && row.pendingEventDate !== null && row.pendingEventDatePrecision !== null
    ? { title: row.pendingTitle, bodyHtml: row.pendingBodyHtml, eventDate: row.pendingEventDate, eventDatePrecision: row.pendingEventDatePrecision }
    : undefined;

const NO_PENDING = {
  pendingChange: null,
  pendingTitle: null,
  pendingBodyHtml: null,
  pendingBodyText: null,
  pendingEventDate: null,
  pendingEventDatePrecision: null,
} satisfies Prisma.AnnualVolumeEntryUncheckedUpdateInput;

/** The monthly wording as the event's own text and as the wording it was taken from. */
export function takenFrom(entry: UpstreamEntry) {
  return {
    title: entry.title,
    bodyHtml: entry.bodyHtml,
    bodyText: entry.bodyText,
    eventDate: entry.eventDate,
    eventDatePrecision: entry.eventDatePrecision,
    upstreamTitle: entry.title,
    upstreamBodyHtml: entry.bodyHtml,
    upstreamEventDate: entry.eventDate,
    upstreamEventDatePrecision: entry.eventDatePrecision,
  };
}

/**
 * Brings the volume up to date with the year's published issues without touching the editor's
 * text: a monthly entry new to the volume is added as it was published; one whose published
 * wording (勘误 applied) differs from the wording the event was taken from is offered as a
 * pending change, to take or keep (`decideUpstream`); one no longer carried by a published issue
 * is marked `removed`. Events the editor dropped or merged are kept as they are, so they never come
 * back, and offer nothing until restored. The report counts what this compilation found new.
 */
export async function compileVolume(tx: Prisma.TransactionClient, volume: { id: string; year: number }): Promise<CompilationReport> {
  const [upstream, rows] = await Promise.all([upstreamEntries(tx, volume.year), tx.annualVolumeEntry.findMany({ where: { volumeId: volume.id } })]);
  const bySource = new Map(rows.filter((row) => row.sourceEntryId !== null).map((row) => [row.sourceEntryId!, row]));
  const report: CompilationReport = { added: 0, changed: 0, removed: 0 };
  const fresh: Prisma.AnnualVolumeEntryCreateManyInput[] = [];
  for (const entry of upstream) {
    const row = bySource.get(entry.entryId);
    bySource.delete(entry.entryId);
    if (!row) {
      fresh.push({ volumeId: volume.id, sourceEntryId: entry.entryId, position: entry.order, ...takenFrom(entry) });
      continue;
    }
    const taken = upstreamOf(row);
    if (taken && sameWording(taken, entry)) {
      // Changed upstream and changed back: nothing is waiting any more.
      if (row.pendingChange !== null) await tx.annualVolumeEntry.update({ where: { id: row.id }, data: { ...NO_PENDING, version: { increment: 1 } } });
      continue;
    }
    // An event the editor dropped or merged is not printed: its upstream change waits until it is restored.
    if (row.excluded) continue;
    const pending = pendingOf(row);
    if (pending && sameWording(pending, entry)) continue;
    report.changed += 1;
    await tx.annualVolumeEntry.update({
      where: { id: row.id },
      data: {
        pendingChange: 'changed',
        pendingTitle: entry.title,
        pendingBodyHtml: entry.bodyHtml,
        pendingBodyText: entry.bodyText,
        pendingEventDate: entry.eventDate,
        pendingEventDatePrecision: entry.eventDatePrecision,
        version: { increment: 1 },
      },
    });
  }
  if (fresh.length > 0) await tx.annualVolumeEntry.createMany({ data: fresh });
  report.added = fresh.length;
  for (const row of bySource.values()) {
    if (row.excluded || row.pendingChange === 'removed') continue;
    report.removed += 1;
    await tx.annualVolumeEntry.update({ where: { id: row.id }, data: { ...NO_PENDING, pendingChange: 'removed', version: { increment: 1 } } });
  }
  await tx.annualVolume.update({ where: { id: volume.id }, data: { compiledAt: new Date(), version: { increment: 1 } } });
  return report;
}

/**
 * 采用 (take): the event's text becomes the upstream wording (a removed one leaves the volume);
 * 保留 (keep): the editor's text stays and the change counts as seen (a removed one stays as the
 * editor's own event, no longer linked).
 */
export function upstreamDecision(row: AnnualVolumeEntry, decision: 'take' | 'keep'): Prisma.AnnualVolumeEntryUncheckedUpdateInput {
  if (row.pendingChange === 'removed') {
    return decision === 'take' ? { ...NO_PENDING, excluded: true } : { ...NO_PENDING, sourceEntryId: null, upstreamTitle: null, upstreamBodyHtml: null, upstreamEventDate: null, upstreamEventDatePrecision: null };
  }
  const seen = {
    upstreamTitle: row.pendingTitle,
    upstreamBodyHtml: row.pendingBodyHtml,
    upstreamEventDate: row.pendingEventDate,
    upstreamEventDatePrecision: row.pendingEventDatePrecision,
  };
  if (decision === 'keep') return { ...NO_PENDING, ...seen };
  return {
    ...NO_PENDING,
    ...seen,
    title: row.pendingTitle!,
    bodyHtml: row.pendingBodyHtml!,
    bodyText: row.pendingBodyText ?? '',
    eventDate: row.pendingEventDate!,
    eventDatePrecision: row.pendingEventDatePrecision!,
    edited: false,
  };
}
