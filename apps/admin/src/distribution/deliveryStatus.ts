/**
 * What the delivery board says about each unit's delivery, as translation keys with their
 * parameters (pure, so it is tested without a browser): the personalised PDF, the e-mail, the
 * receipt, how a row looks (overdue, superseded), and whether 分发 is possible yet.
 */
import type { Delivery, IssueDetail, Rendition } from '@dsyb/contracts';

export interface Label {
  key: string;
  params?: Record<string, string | number>;
  /** How the cell is coloured: a chip's colour, or plain text. */
  tone: 'default' | 'success' | 'warning' | 'error' | 'info';
  /** A detail to show beside it, as the server wrote it (the mail server's error). */
  detail?: string;
}

type Time = (iso: string) => string;

const K = 'app.distribution';

/** Whether the board should look again soon: the PDF or the e-mail is still under way. */
export function isPending(delivery: Pick<Delivery, 'pdfStatus' | 'mailStatus' | 'supersededAt'>): boolean {
  if (delivery.supersededAt) return false;
  return delivery.pdfStatus === 'queued' || delivery.pdfStatus === 'running' || delivery.mailStatus === 'queued' || delivery.mailStatus === 'retrying';
}

export const anyPending = (deliveries: readonly Delivery[] | undefined) => (deliveries ?? []).some(isPending);

/** 个性化PDF: 排队中 / 生成中 / 已生成 (size) / 生成失败 (error). */
export function pdfLabel(delivery: Pick<Delivery, 'pdfStatus' | 'pdfBytes' | 'pdfError'>, size: (bytes: number) => string): Label {
  switch (delivery.pdfStatus) {
    case 'queued':
      return { key: `${K}.pdf.queued`, tone: 'default' };
    case 'running':
      return { key: `${K}.pdf.running`, tone: 'info' };
    case 'done':
      return delivery.pdfBytes != null ? { key: `${K}.pdf.done_size`, params: { size: size(delivery.pdfBytes) }, tone: 'success' } : { key: `${K}.pdf.done`, tone: 'success' };
    case 'failed':
      return { key: `${K}.pdf.failed`, tone: 'error', detail: delivery.pdfError ?? undefined };
  }
}

/** 发送: the time it was sent, 排队中, 重试中 or 发送失败 (with the mail server's error), or no e-mail at all. */
export function mailLabel(delivery: Pick<Delivery, 'method' | 'mailStatus' | 'mailError' | 'sentAt' | 'mailAttempts'>, time: Time): Label {
  switch (delivery.mailStatus) {
    case 'none':
      return { key: delivery.method === 'paper' ? `${K}.mail.paper` : `${K}.mail.none`, tone: 'default' };
    case 'queued':
      return { key: `${K}.mail.queued`, tone: 'default' };
    case 'retrying':
      return { key: `${K}.mail.retrying`, params: { attempts: delivery.mailAttempts }, tone: 'warning', detail: delivery.mailError ?? undefined };
    case 'sent':
      return delivery.sentAt ? { key: `${K}.mail.sent_at`, params: { time: time(delivery.sentAt) }, tone: 'success' } : { key: `${K}.mail.sent`, tone: 'success' };
    case 'failed':
      return { key: `${K}.mail.failed`, tone: 'error', detail: delivery.mailError ?? undefined };
  }
}

/** 打开 / 下载: the first time and how often, or 未打开 / 未下载. */
export function countLabel(first: string | null, count: number, kind: 'opened' | 'downloaded', time: Time): Label {
  if (!first || count === 0) return { key: `${K}.${kind}_never`, tone: 'default' };
  return { key: `${K}.${kind}`, params: { time: time(first), smart_count: count }, tone: 'default' };
}

/** 签收: when and by whom (纸质回执 when recorded from paper), or why not yet. */
export function receiptLabel(
  delivery: Pick<Delivery, 'confirmedAt' | 'confirmedByName' | 'confirmedOnPaper' | 'overdue' | 'linkRevoked' | 'supersededAt'>,
  time: Time,
): Label {
  if (delivery.confirmedAt) {
    const params = { time: time(delivery.confirmedAt), name: delivery.confirmedByName ?? '—' };
    return { key: delivery.confirmedOnPaper ? `${K}.receipt.paper` : `${K}.receipt.online`, params, tone: 'success' };
  }
  if (delivery.supersededAt) return { key: `${K}.receipt.none`, tone: 'default' };
  if (delivery.linkRevoked) return { key: `${K}.receipt.revoked`, tone: 'warning' };
  if (delivery.overdue) return { key: `${K}.receipt.overdue`, tone: 'error' };
  return { key: `${K}.receipt.waiting`, tone: 'default' };
}

export type RowState = 'superseded' | 'overdue' | 'confirmed' | 'open';

/** How a row looks: greyed when superseded, highlighted when overdue. */
export function rowState(delivery: Pick<Delivery, 'supersededAt' | 'confirmedAt' | 'overdue'>): RowState {
  if (delivery.supersededAt) return 'superseded';
  if (delivery.confirmedAt) return 'confirmed';
  return delivery.overdue ? 'overdue' : 'open';
}

/** The rows 提醒逾期单位 is about: overdue, not signed for, of the current revision. */
export const overdueDeliveries = (deliveries: readonly Delivery[] | undefined) => (deliveries ?? []).filter(delivery => rowState(delivery) === 'overdue');

/**
 * After a reminder: the overdue units that were not e-mailed (they receive by link or on paper)
 * are to be phoned.
 */
export const unitsToPhone = (deliveries: readonly Delivery[]) => overdueDeliveries(deliveries).filter(delivery => delivery.method !== 'email');

/**
 * The revision that replaced a superseded delivery: the next revision the same unit received a
 * copy of on the board, else the issue's current revision.
 */
export function supersedingRevision(delivery: Pick<Delivery, 'unit' | 'issueRevision'>, deliveries: readonly Delivery[], currentRevision: number): number {
  const later = deliveries.filter(other => other.unit.id === delivery.unit.id && other.issueRevision > delivery.issueRevision).map(other => other.issueRevision);
  return later.length > 0 ? Math.min(...later) : currentRevision;
}

/** The done final PDF of the issue's current revision, which 分发 personalises for each unit. */
export function currentFinal(issue: Pick<IssueDetail, 'revision'>, renditions: readonly Rendition[] | undefined): Rendition | undefined {
  return renditions?.find(rendition => rendition.kind === 'final' && rendition.status === 'done' && rendition.issueRevision === issue.revision);
}

/**
 * Why 分发 cannot be pressed (a translation key), or undefined when it can: the issue must be
 * published, its final PDF of this revision made, its list not empty, and this revision not
 * dispatched already (then a unit gets a new link by 重发).
 */
export function dispatchBlocked(
  issue: Pick<IssueDetail, 'status' | 'revision' | 'recipients'>,
  renditions: readonly Rendition[] | undefined,
  deliveries: readonly Delivery[] | undefined,
): string | undefined {
  if (issue.status !== 'published') return `${K}.blocked.not_published`;
  if (!currentFinal(issue, renditions)) return `${K}.blocked.no_final`;
  if (issue.recipients.length === 0) return `${K}.blocked.no_units`;
  if ((deliveries ?? []).some(delivery => delivery.issueRevision === issue.revision && !delivery.supersededAt)) return `${K}.blocked.dispatched`;
  return undefined;
}
