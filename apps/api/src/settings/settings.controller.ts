import { Body, Controller, Get, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { AuditService } from '../audit/audit.service';
import { CurrentUser, Roles } from '../auth/auth.decorators';
import type { AuthUser } from '../auth/auth.types';
import { notFound } from '../common/domain-errors';
import { PrismaService } from '../prisma/prisma.service';
import { UpdateMastheadDto } from './masthead.dto';

/** 刊头设置: the office's masthead (主办, 编辑出版, phone, e-mail) and paper size. */
@ApiTags('settings')
@ApiBearerAuth()
@Controller('settings/masthead')
export class SettingsController {
  constructor(private readonly prisma: PrismaService, private readonly audit: AuditService) {}

  @Get()
  async get() {
    const masthead = await this.prisma.mastheadSettings.findUnique({ where: { key: 'default' } });
    if (!masthead) throw notFound('刊头设置', 'default');
    return masthead;
  }

  @Roles('admin')
  @Put()
  async update(@Body() dto: UpdateMastheadDto, @CurrentUser() user: AuthUser) {
    const before = await this.get();
    return this.prisma.$transaction(async (tx) => {
      const masthead = await tx.mastheadSettings.update({ where: { key: 'default' }, data: dto });
      await this.audit.record(tx, { actor: user, action: 'settings.masthead_update', entityType: 'masthead_settings', entityId: masthead.id, before, after: masthead });
      return masthead;
    });
  }
}
