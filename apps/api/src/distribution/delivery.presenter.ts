import type { Delivery as DeliveryRecord } from '@dsyb/contracts';
import type { Delivery, DeliveryLink, RecipientUnit } from '@dsyb/db';

export type DeliveryRow = Delivery & { recipient: RecipientUnit; links: DeliveryLink[] };

/** What every read of a delivery for the board includes. */
export const DELIVERY_INCLUDE = { recipient: true, links: { orderBy: { createdAt: 'asc' } } } as const;

const iso = (date: Date | null) => date?.toISOString() ?? null;

/** Not confirmed `overdueDays` after it was dispatched, and still the unit's current copy. */
export function isOverdue(row: Pick<Delivery, 'confirmedAt' | 'supersededAt' | 'createdAt'>, overdueDays: number, now: Date): boolean {
  return !row.confirmedAt && !row.supersededAt && now.getTime() - row.createdAt.getTime() > overdueDays * 86_400_000;
}

/** A delivery as the board shows it; `link` only in the answer that made it. */
export function presentDelivery(row: DeliveryRow, overdueDays: number, now: Date, link?: string): DeliveryRecord {
  const live = row.links.filter((candidate) => !candidate.revokedAt);
  const newest = live.reduce<DeliveryLink | undefined>((latest, candidate) => (!latest || candidate.expiresAt > latest.expiresAt ? candidate : latest), undefined);
  const { recipient } = row;
  return {
    id: row.id,
    dispatchId: row.dispatchId,
    issueId: row.issueId,
    issueRevision: row.issueRevision,
    position: row.position,
    unit: { id: recipient.id, name: row.unitName, category: recipient.category, contactPerson: recipient.contactPerson, phone: recipient.phone },
    method: row.method,
    emails: row.emails,
    paperCopies: row.paperCopies,
    pdfStatus: row.pdfStatus,
    pdfBytes: row.pdfBytes,
    pdfSha256: row.pdfSha256,
    pdfError: row.pdfError,
    mailStatus: row.mailStatus,
    mailAttempts: row.mailAttempts,
    mailError: row.mailError,
    sentAt: iso(row.sentAt),
    remindedAt: iso(row.remindedAt),
    reminders: row.reminders,
    firstOpenedAt: iso(row.firstOpenedAt),
    lastOpenedAt: iso(row.lastOpenedAt),
    openCount: row.openCount,
    firstDownloadedAt: iso(row.firstDownloadedAt),
    downloadCount: row.downloadCount,
    confirmedAt: iso(row.confirmedAt),
    confirmedByName: row.confirmedByName,
    confirmedOnPaper: row.confirmedOnPaper,
    supersededAt: iso(row.supersededAt),
    linkExpiresAt: iso(newest?.expiresAt ?? null),
    linkRevoked: row.links.length > 0 && live.length === 0,
    overdue: isOverdue(row, overdueDays, now),
    createdAt: row.createdAt.toISOString(),
    ...(link ? { link } : {}),
  };
}
