import { Injectable } from '@nestjs/common';
import type { DeliverySettings as DeliverySettingsRecord } from '@dsyb/contracts';
import type { DeliverySettings } from '@dsyb/db';
import { AuditService } from '../audit/audit.service';
import type { AuthUser } from '../auth/auth.types';
import { notFound } from '../common/domain-errors';
import { PrismaService } from '../prisma/prisma.service';
import type { UpdateDeliverySettingsDto } from './delivery-settings.dto';

/** 分发设置: the one row (key "default") holding the office's mail server and the rules of its links. */
@Injectable()
export class DeliverySettingsService {
  constructor(private readonly prisma: PrismaService, private readonly audit: AuditService) {}

  async read(): Promise<DeliverySettings> {
    const settings = await this.prisma.deliverySettings.findUnique({ where: { key: 'default' } });
    if (!settings) throw notFound('分发设置', 'default');
    return settings;
  }

  async get(): Promise<DeliverySettingsRecord> {
    return presentDeliverySettings(await this.read());
  }

  async update(dto: UpdateDeliverySettingsDto, user: AuthUser): Promise<DeliverySettingsRecord> {
    const before = await this.read();
    return this.prisma.$transaction(async (tx) => {
      const settings = await tx.deliverySettings.update({ where: { key: 'default' }, data: dto });
      // The audit trail says the password changed, never what it is.
      await this.audit.record(tx, {
        actor: user,
        action: 'settings.delivery_update',
        entityType: 'delivery_settings',
        entityId: settings.id,
        before: presentDeliverySettings(before),
        after: { ...presentDeliverySettings(settings), smtpPasswordChanged: dto.smtpPassword !== undefined },
      });
      return presentDeliverySettings(settings);
    });
  }
}

export function presentDeliverySettings({ smtpPassword, id: _id, key: _key, updatedAt, ...settings }: DeliverySettings): DeliverySettingsRecord {
  return { ...settings, smtpPasswordSet: Boolean(smtpPassword), updatedAt: updatedAt.toISOString() };
}

/** Where units open their links: the configured public address, else the address the staff member is using. */
export function linkBaseOf(settings: Pick<DeliverySettings, 'publicUrl'>, origin: string): string {
  return `${(settings.publicUrl ?? origin).replace(/\/+$/, '')}/receive/`;
}
