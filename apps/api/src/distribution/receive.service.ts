import { Inject, Injectable } from '@nestjs/common';
import type { ReceivedDelivery } from '@dsyb/contracts';
import type { Delivery, DeliveryLink, Issue } from '@dsyb/db';
import { DELIVERY_TOKEN_PATTERN, formatOfficeTime, hashDeliveryToken, isoDate } from '@dsyb/domain';
import type { RenditionStorage } from '@dsyb/storage';
import { AuditService } from '../audit/audit.service';
import { conflict, DomainError, gone } from '../common/domain-errors';
import { PrismaService } from '../prisma/prisma.service';
import { RENDITION_STORAGE } from '../renditions/renditions.service';
import { markReceived } from './deliveries.service';

type Opened = DeliveryLink & { delivery: Delivery & { issue: Issue } };

/** An unknown token and a wrong one are the same to the caller: nothing tells them apart. */
export const UNKNOWN_LINK = () => new DomainError('not_found', '链接无效。请核对链接是否完整，或向史志办索取新的链接。');

/**
 * What a unit's link opens, without a staff account: its delivery (GET), its personalised PDF
 * (file), the copy that replaced it after a correction (current/file), and its receipt (confirm).
 * Every use is recorded on the delivery and in the audit trail, with the address it came from.
 */
@Injectable()
export class ReceiveService {
  constructor(
    private readonly prisma: PrismaService,
    private readonly audit: AuditService,
    @Inject(RENDITION_STORAGE) private readonly storage: RenditionStorage,
  ) {}

  /** The link's delivery, or 404 (unknown or malformed) / 410 (revoked, expired). */
  async open(token: string): Promise<Opened> {
    if (!DELIVERY_TOKEN_PATTERN.test(token)) throw UNKNOWN_LINK();
    const link = await this.prisma.deliveryLink.findUnique({ where: { tokenHash: hashDeliveryToken(token) }, include: { delivery: { include: { issue: true } } } });
    if (!link) throw UNKNOWN_LINK();
    if (link.revokedAt) throw gone('此链接已被撤销。请联系史志办索取新的链接。');
    if (link.expiresAt.getTime() <= Date.now()) throw gone(`此链接已于${formatOfficeTime(link.expiresAt)}过期。请联系史志办索取新的链接。`);
    return link;
  }

  async view(token: string, ip: string | undefined): Promise<ReceivedDelivery> {
    const link = await this.open(token);
    const now = new Date();
    await this.prisma.$transaction(async (tx) => {
      await tx.delivery.update({
        where: { id: link.deliveryId },
        data: { firstOpenedAt: link.delivery.firstOpenedAt ?? now, lastOpenedAt: now, openCount: { increment: 1 } },
      });
      await this.audit.record(tx, { actorName: unitActor(link.delivery), action: 'delivery.open', entityType: 'delivery', entityId: link.deliveryId, ip });
    });
    return this.describe(link);
  }

  /** This copy's PDF; with `current`, the copy of the newest revision sent to the same unit. */
  async file(token: string, current: boolean, ip: string | undefined): Promise<{ content: Buffer; filename: string }> {
    const link = await this.open(token);
    const delivery = current ? await this.newest(link.delivery) : link.delivery;
    if (delivery.pdfStatus !== 'done' || !delivery.pdfStorageKey) throw conflict('文件正在生成，请稍后刷新再试。');
    const content = await this.storage.get(delivery.pdfStorageKey).catch(() => {
      throw conflict('文件暂时无法读取，请联系史志办。');
    });
    const now = new Date();
    await this.prisma.$transaction(async (tx) => {
      await tx.delivery.update({ where: { id: delivery.id }, data: { firstDownloadedAt: delivery.firstDownloadedAt ?? now, downloadCount: { increment: 1 } } });
      await this.audit.record(tx, { actorName: unitActor(delivery), action: 'delivery.download', entityType: 'delivery', entityId: delivery.id, ip, after: { revision: delivery.issueRevision, bytes: content.length } });
    });
    const { issue } = link.delivery;
    return { content, filename: `${issue.title}-总第${issue.serialNumber}期${delivery.issueRevision > 1 ? `-第${delivery.issueRevision}版` : ''}-${delivery.unitName}.pdf` };
  }

  /** 签收: recorded on the unit's newest copy (a superseded link confirms the copy that replaced it). */
  async confirm(token: string, name: string, ip: string | undefined): Promise<ReceivedDelivery> {
    const link = await this.open(token);
    const delivery = await this.newest(link.delivery);
    if (!delivery.confirmedAt) {
      const now = new Date();
      await this.prisma.$transaction(async (tx) => {
        const updated = await tx.delivery.updateMany({ where: { id: delivery.id, confirmedAt: null }, data: { confirmedAt: now, confirmedByName: name } });
        if (updated.count === 0) return;
        await markReceived(tx, delivery.issueId, delivery.recipientId, now);
        await this.audit.record(tx, { actorName: `${name}（${delivery.unitName}）`, action: 'delivery.confirm', entityType: 'delivery', entityId: delivery.id, ip, after: { revision: delivery.issueRevision, confirmedByName: name } });
      });
    }
    return this.describe(await this.open(token));
  }

  private async describe(link: Opened): Promise<ReceivedDelivery> {
    const { delivery } = link;
    const { issue } = delivery;
    const newest = delivery.supersededAt ? await this.newest(delivery) : undefined;
    return {
      issue: { title: issue.title, serialNumber: issue.serialNumber, year: issue.year, month: issue.month, publicationDate: isoDate(issue.publicationDate), revision: issue.revision },
      unit: { name: delivery.unitName },
      issueRevision: delivery.issueRevision,
      status: delivery.supersededAt ? 'superseded' : copyStatus(delivery),
      pdfBytes: delivery.pdfBytes,
      confirmedAt: delivery.confirmedAt?.toISOString() ?? null,
      confirmedByName: delivery.confirmedByName,
      expiresAt: link.expiresAt.toISOString(),
      current: newest && newest.id !== delivery.id
        ? { issueRevision: newest.issueRevision, pdfBytes: newest.pdfBytes, status: copyStatus(newest), confirmedAt: newest.confirmedAt?.toISOString() ?? null }
        : null,
    };
  }

  private async newest(delivery: Delivery): Promise<Delivery> {
    if (!delivery.supersededAt) return delivery;
    const newest = await this.prisma.delivery.findFirst({ where: { issueId: delivery.issueId, recipientId: delivery.recipientId }, orderBy: { issueRevision: 'desc' } });
    return newest ?? delivery;
  }
}

const copyStatus = (delivery: Delivery): 'preparing' | 'ready' | 'confirmed' =>
  delivery.confirmedAt ? 'confirmed' : delivery.pdfStatus === 'done' ? 'ready' : 'preparing';

const unitActor = (delivery: Delivery) => `单位：${delivery.unitName}`;
