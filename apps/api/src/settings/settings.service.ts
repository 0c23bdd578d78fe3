import { Injectable } from '@nestjs/common';
import { AuditService } from '../audit/audit.service';
import type { AuthUser } from '../auth/auth.types';
import { notFound } from '../common/domain-errors';
import { PrismaService } from '../prisma/prisma.service';
import type { UpdateMastheadDto } from './masthead.dto';

/** 刊头设置: the one row of masthead settings every new issue and every PDF starts from. */
@Injectable()
export class SettingsService {
  constructor(private readonly prisma: PrismaService, private readonly audit: AuditService) {}

  async masthead() {
    const masthead = await this.prisma.mastheadSettings.findUnique({ where: { key: 'default' } });
    if (!masthead) throw notFound('刊头设置', 'default');
    return masthead;
  }

  async updateMasthead(dto: UpdateMastheadDto, user: AuthUser) {
    const before = await this.masthead();
    return this.prisma.$transaction(async (tx) => {
      const masthead = await tx.mastheadSettings.update({ where: { key: 'default' }, data: dto });
      await this.audit.record(tx, { actor: user, action: 'settings.masthead_update', entityType: 'masthead_settings', entityId: masthead.id, before, after: masthead });
      return masthead;
    });
  }
}
