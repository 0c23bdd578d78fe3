import { Injectable } from '@nestjs/common';
import type { Prisma } from '@dsyb/db';
import { AuditService } from '../audit/audit.service';
import type { AuthUser } from '../auth/auth.types';
import { conflict, invalid, notFound } from '../common/domain-errors';
import { idsFilter, ListQuery, ListSpec } from '../common/list-query';
import { PrismaService } from '../prisma/prisma.service';
import type { CreateRecipientDto, UpdateRecipientDto } from './recipient.dto';

export const RECIPIENT_LIST: ListSpec = {
  sortable: ['position', 'name', 'category'],
  defaultSort: ['position', 'asc'],
  filters: { id: 'ids', active: 'boolean', category: 'string', q: 'string' },
};

interface RecipientFilter { id: string | string[]; active: boolean; category: string; q: string }

@Injectable()
export class RecipientsService {
  constructor(private readonly prisma: PrismaService, private readonly audit: AuditService) {}

  async list(query: ListQuery<Partial<RecipientFilter>>) {
    const { q } = query.filter;
    const where: Prisma.RecipientUnitWhereInput = {
      id: idsFilter(query.filter.id),
      active: query.filter.active,
      category: query.filter.category,
      ...(q ? { OR: [{ name: { contains: q, mode: 'insensitive' } }, { category: { contains: q, mode: 'insensitive' } }] } : {}),
    };
    const [rows, total] = await Promise.all([
      this.prisma.recipientUnit.findMany({ where, orderBy: { [query.sortField]: query.sortOrder }, skip: query.skip, take: query.take }),
      this.prisma.recipientUnit.count({ where }),
    ]);
    return { rows, total };
  }

  async get(id: string) {
    const recipient = await this.prisma.recipientUnit.findUnique({ where: { id } });
    if (!recipient) throw notFound('发放单位', id);
    return recipient;
  }

  async create(dto: CreateRecipientDto, user: AuthUser) {
    assertReachable(dto.name, dto.deliveryMethod ?? 'link', dto.emails ?? []);
    await this.assertNameFree(dto.name);
    return this.prisma.$transaction(async (tx) => {
      const recipient = await tx.recipientUnit.create({ data: dto });
      await this.audit.record(tx, { actor: user, action: 'recipient.create', entityType: 'recipient', entityId: recipient.id, after: recipient });
      return recipient;
    });
  }

  async update(id: string, dto: UpdateRecipientDto, user: AuthUser) {
    const before = await this.get(id);
    assertReachable(dto.name ?? before.name, dto.deliveryMethod ?? before.deliveryMethod, dto.emails ?? before.emails);
    if (dto.name !== undefined && dto.name !== before.name) await this.assertNameFree(dto.name);
    return this.prisma.$transaction(async (tx) => {
      const recipient = await tx.recipientUnit.update({ where: { id }, data: dto });
      await this.audit.record(tx, { actor: user, action: 'recipient.update', entityType: 'recipient', entityId: id, before, after: recipient });
      return recipient;
    });
  }

  /** A unit on any issue's distribution list is deactivated (active = false) rather than deleted. */
  async remove(id: string, user: AuthUser) {
    const before = await this.get(id);
    const issues = await this.prisma.issueRecipient.count({ where: { recipientId: id } });
    if (issues > 0) throw conflict(`发放单位「${before.name}」已列入 ${issues} 期的发放范围，不能删除；可将其停用（active=false）。`);
    return this.prisma.$transaction(async (tx) => {
      await tx.recipientUnit.delete({ where: { id } });
      await this.audit.record(tx, { actor: user, action: 'recipient.delete', entityType: 'recipient', entityId: id, before });
      return before;
    });
  }

  private async assertNameFree(name: string) {
    const existing = await this.prisma.recipientUnit.findUnique({ where: { name } });
    if (existing) throw conflict(`发放单位 ${name} 已存在`);
  }
}

/** A unit that receives by e-mail needs an address to receive at. */
function assertReachable(name: string, method: string, emails: readonly string[]): void {
  if (method === 'email' && emails.length === 0) throw invalid(`发放单位「${name}」选择电子邮件发放，请至少填写一个电子邮箱`);
}
