import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { isOneOf, PAPER_SIZES, type AwaitingReceipts, type Delivery as DeliveryRecord } from '@dsyb/contracts';
import type { Prisma } from '@dsyb/db';
import { deliveryLink, formatOfficeTime, isoDate, linkExpiry, newDeliveryToken, type DeliveryMailReason } from '@dsyb/domain';
import type { DeliveryRegister, DeliveryRegisterStatus } from '@dsyb/typeset';
import { AuditService } from '../audit/audit.service';
import type { AuthUser } from '../auth/auth.types';
import { conflict, notFound } from '../common/domain-errors';
import { issueLabel } from '../common/workflow-decisions';
import { PrismaService } from '../prisma/prisma.service';
import { DeliverySettingsService, linkBaseOf } from '../settings/delivery-settings.service';
import { DELIVERY_INCLUDE, isOverdue, presentDelivery, type DeliveryRow } from './delivery.presenter';
import { DeliveryJobs } from './delivery-jobs';

/**
 * The delivery board (发放情况): what each unit has of an issue, and what staff do about it —
 * resend (a new link, the old ones refused; e-mailed again to an e-mail unit), revoke, record a
 * paper receipt, remind the overdue. Every action writes an audit row with the change.
 */
@Injectable()
export class DeliveriesService {
  constructor(
    private readonly prisma: PrismaService,
    private readonly audit: AuditService,
    private readonly settings: DeliverySettingsService,
    private readonly jobs: DeliveryJobs,
  ) {}

  /** The issue's current revision's deliveries in list order; with `all`, earlier revisions' too. */
  async list(issueId: string, all: boolean): Promise<DeliveryRecord[]> {
    const issue = await this.prisma.issue.findUnique({ where: { id: issueId }, select: { revision: true } });
    if (!issue) throw notFound('期刊', issueId);
    const { overdueDays } = await this.settings.read();
    const rows = await this.prisma.delivery.findMany({
      where: { issueId, ...(all ? {} : { supersededAt: null }) },
      include: DELIVERY_INCLUDE,
      orderBy: [{ issueRevision: 'desc' }, { position: 'asc' }],
    });
    const now = new Date();
    return rows.map((row) => presentDelivery(row, overdueDays, now));
  }

  async resend(id: string, user: AuthUser, origin: string): Promise<DeliveryRecord> {
    const row = await this.current(id, '重发');
    return this.withNewLink(row, user, origin, { purpose: 'reissue', revokeOthers: true, reason: 'resend', action: 'delivery.resend' });
  }

  async revoke(id: string, user: AuthUser): Promise<DeliveryRecord> {
    const row = await this.find(id);
    const now = new Date();
    await this.prisma.$transaction(async (tx) => {
      const revoked = await tx.deliveryLink.updateMany({ where: { deliveryId: id, revokedAt: null }, data: { revokedAt: now } });
      await this.audit.record(tx, { actor: user, action: 'delivery.revoke', entityType: 'delivery', entityId: id, after: { unit: row.unitName, revision: row.issueRevision, links: revoked.count } });
    });
    return this.present(id);
  }

  /** A unit that signed a paper receipt (纸质回执). */
  async recordPaperReceipt(id: string, confirmedByName: string | undefined, user: AuthUser): Promise<DeliveryRecord> {
    const row = await this.current(id, '登记签收');
    if (row.confirmedAt) throw conflict(`「${row.unitName}」已于${formatOfficeTime(row.confirmedAt)}签收${row.confirmedByName ? `（${row.confirmedByName}）` : ''}。`);
    const now = new Date();
    await this.prisma.$transaction(async (tx) => {
      await tx.delivery.update({ where: { id }, data: { confirmedAt: now, confirmedByName: confirmedByName?.trim() || null, confirmedOnPaper: true } });
      await markReceived(tx, row.issueId, row.recipientId, now);
      await this.audit.record(tx, { actor: user, action: 'delivery.paper_receipt', entityType: 'delivery', entityId: id, after: { unit: row.unitName, revision: row.issueRevision, confirmedByName: confirmedByName?.trim() || null } });
    });
    return this.present(id);
  }

  /**
   * 提醒: every overdue unit of the issue's current revision that receives by e-mail is sent a
   * reminder with a fresh link (its earlier links keep working). Units receiving by link or on
   * paper are listed for a telephone call.
   */
  async remindOverdue(issueId: string, user: AuthUser, origin: string): Promise<{ reminded: number; deliveries: DeliveryRecord[] }> {
    const issue = await this.prisma.issue.findUnique({ where: { id: issueId } });
    if (!issue) throw notFound('期刊', issueId);
    const { overdueDays } = await this.settings.read();
    const now = new Date();
    const rows = await this.prisma.delivery.findMany({ where: { issueId, supersededAt: null, confirmedAt: null }, include: DELIVERY_INCLUDE, orderBy: { position: 'asc' } });
    const overdue = rows.filter((row) => isOverdue(row, overdueDays, now));
    if (overdue.length === 0) throw conflict(`${issueLabel(issue)}没有逾期未签收的单位。`);
    let reminded = 0;
    const deliveries: DeliveryRecord[] = [];
    for (const row of overdue) {
      if (row.method === 'email' && row.emails.length > 0) {
        deliveries.push(await this.withNewLink(row, user, origin, { purpose: 'reminder', revokeOthers: false, reason: 'reminder', action: 'delivery.remind' }));
        reminded += 1;
      } else {
        deliveries.push(presentDelivery(row, overdueDays, now));
      }
    }
    return { reminded, deliveries };
  }

  /** Issues whose current revision still awaits receipts, newest first (the dashboard's 待签收). */
  async awaiting(): Promise<AwaitingReceipts[]> {
    const { overdueDays } = await this.settings.read();
    const now = new Date();
    const rows = await this.prisma.delivery.findMany({
      where: { supersededAt: null },
      select: { issueId: true, issueRevision: true, confirmedAt: true, supersededAt: true, createdAt: true, mailStatus: true, issue: { select: { serialNumber: true, title: true } } },
    });
    const byIssue = new Map<string, AwaitingReceipts>();
    for (const row of rows) {
      const summary = byIssue.get(row.issueId) ?? { issueId: row.issueId, serialNumber: row.issue.serialNumber, title: row.issue.title, issueRevision: row.issueRevision, total: 0, confirmed: 0, overdue: 0, mailFailed: 0 };
      summary.total += 1;
      if (row.confirmedAt) summary.confirmed += 1;
      if (isOverdue(row, overdueDays, now)) summary.overdue += 1;
      if (row.mailStatus === 'failed') summary.mailFailed += 1;
      byIssue.set(row.issueId, summary);
    }
    return [...byIssue.values()].filter((summary) => summary.confirmed < summary.total).sort((a, b) => b.serialNumber - a.serialNumber);
  }

  /**
   * 发放登记表: the board of the issue's current revision as the register prints it (one row per
   * unit on the distribution list, in order; units not dispatched yet show as such).
   */
  async register(issueId: string): Promise<DeliveryRegister> {
    const issue = await this.prisma.issue.findUnique({ where: { id: issueId }, include: { masthead: true, recipients: { include: { recipient: true }, orderBy: { position: 'asc' } } } });
    if (!issue) throw notFound('期刊', issueId);
    const { overdueDays } = await this.settings.read();
    const now = new Date();
    const deliveries = await this.prisma.delivery.findMany({ where: { issueId, supersededAt: null }, include: DELIVERY_INCLUDE, orderBy: { position: 'asc' } });
    const dispatch = await this.prisma.dispatch.findFirst({ where: { issueId, issueRevision: issue.revision }, orderBy: { createdAt: 'desc' } });
    const byUnit = new Map(deliveries.map((row) => [row.recipientId, presentDelivery(row, overdueDays, now)]));
    return {
      issue: { title: issue.title, serialNumber: issue.serialNumber, year: issue.year, month: issue.month, revision: issue.revision, publicationDate: isoDate(issue.publicationDate) },
      office: { sponsor: issue.masthead.sponsor, publisher: issue.masthead.publisher, paper: isOneOf(PAPER_SIZES, issue.masthead.paper) ? issue.masthead.paper : 'a4' },
      dispatchedAt: dispatch?.createdAt.toISOString() ?? null,
      printedAt: now.toISOString(),
      rows: issue.recipients.map(({ recipient }, index) => {
        const delivery = byUnit.get(recipient.id);
        return {
          position: index + 1,
          unitName: delivery?.unit.name ?? recipient.name,
          category: recipient.category,
          method: delivery?.method ?? recipient.deliveryMethod,
          paperCopies: delivery?.paperCopies ?? recipient.paperCopies,
          sentAt: delivery?.sentAt ?? null,
          firstDownloadedAt: delivery?.firstDownloadedAt ?? null,
          confirmedAt: delivery?.confirmedAt ?? null,
          confirmedByName: delivery?.confirmedByName ?? null,
          confirmedOnPaper: delivery?.confirmedOnPaper ?? false,
          status: registerStatus(delivery),
        };
      }),
    };
  }

  /** The delivery's row with its unit and links, for the register and the board. */
  async find(id: string): Promise<DeliveryRow> {
    const row = await this.prisma.delivery.findUnique({ where: { id }, include: DELIVERY_INCLUDE });
    if (!row) throw notFound('分发记录', id);
    return row;
  }

  private async current(id: string, what: string): Promise<DeliveryRow> {
    const row = await this.find(id);
    if (row.supersededAt) throw conflict(`这是「${row.unitName}」第${row.issueRevision}版的分发记录，已被勘误后的新版取代，不能${what}；请对新版操作。`);
    return row;
  }

  private async present(id: string, link?: string): Promise<DeliveryRecord> {
    const { overdueDays } = await this.settings.read();
    return presentDelivery(await this.find(id), overdueDays, new Date(), link);
  }

  /**
   * A new link for a delivery (a resend revokes the others, a reminder adds one), e-mailed to an
   * e-mail unit; a personalised PDF that failed is made again.
   */
  private async withNewLink(
    row: DeliveryRow,
    user: AuthUser,
    origin: string,
    how: { purpose: 'reissue' | 'reminder'; revokeOthers: boolean; reason: DeliveryMailReason; action: string },
  ): Promise<DeliveryRecord> {
    const settings = await this.settings.read();
    const linkBase = linkBaseOf(settings, origin);
    const now = new Date();
    const { token, hash } = newDeliveryToken();
    const linkId = randomUUID();
    const mails = row.method === 'email' && row.emails.length > 0;
    await this.prisma.$transaction(async (tx) => {
      if (how.revokeOthers) await tx.deliveryLink.updateMany({ where: { deliveryId: row.id, revokedAt: null }, data: { revokedAt: now } });
      await tx.deliveryLink.create({ data: { id: linkId, deliveryId: row.id, tokenHash: hash, purpose: how.purpose, expiresAt: linkExpiry(now, settings.linkTtlDays) } });
      const data: Prisma.DeliveryUpdateInput = { linkBase };
      if (mails) Object.assign(data, { mailStatus: 'queued', mailError: null, mailAttempts: 0 });
      if (how.purpose === 'reminder') Object.assign(data, { remindedAt: now, reminders: { increment: 1 } });
      if (row.pdfStatus === 'failed') Object.assign(data, { pdfStatus: 'queued', pdfError: null });
      await tx.delivery.update({ where: { id: row.id }, data });
      await this.audit.record(tx, { actor: user, action: how.action, entityType: 'delivery', entityId: row.id, after: { unit: row.unitName, revision: row.issueRevision, emailed: mails ? row.emails : [] } });
    });
    const link = deliveryLink(linkBase, token);
    await this.jobs.add([mails ? { deliveryId: row.id, mail: { linkId, link, reason: how.reason } } : { deliveryId: row.id }]);
    return this.present(row.id, link);
  }
}

/** The issue's distribution list records the unit's first receipt (issue_recipients.received_at, which the freeze allows). */
export async function markReceived(tx: Prisma.TransactionClient, issueId: string, recipientId: string, at: Date): Promise<void> {
  await tx.issueRecipient.updateMany({ where: { issueId, recipientId, receivedAt: null }, data: { receivedAt: at } });
}

/** A unit's line on the register: its receipt first, then what stands in its way. */
function registerStatus(delivery: DeliveryRecord | undefined): DeliveryRegisterStatus {
  if (!delivery) return 'pending';
  if (delivery.confirmedAt) return 'confirmed';
  if (delivery.mailStatus === 'failed' || delivery.pdfStatus === 'failed') return 'failed';
  if (delivery.linkRevoked) return 'revoked';
  return delivery.overdue ? 'overdue' : 'pending';
}
