import { Injectable } from '@nestjs/common';
import type { Prisma } from '@dsyb/db';
import { AuditService } from '../audit/audit.service';
import type { AuthUser } from '../auth/auth.types';
import { conflict, notFound } from '../common/domain-errors';
import { idsFilter, ListQuery, ListSpec } from '../common/list-query';
import { PrismaService } from '../prisma/prisma.service';
import type { CreateSectionDto, UpdateSectionDto } from './section.dto';

export const SECTION_LIST: ListSpec = {
  sortable: ['position', 'name', 'key'],
  defaultSort: ['position', 'asc'],
  filters: { id: 'ids', active: 'boolean', q: 'string' },
};

interface SectionFilter { id: string | string[]; active: boolean; q: string }

@Injectable()
export class SectionsService {
  constructor(private readonly prisma: PrismaService, private readonly audit: AuditService) {}

  async list(query: ListQuery<Partial<SectionFilter>>) {
    const where: Prisma.SectionWhereInput = {
      id: idsFilter(query.filter.id),
      active: query.filter.active,
      ...(query.filter.q ? { name: { contains: query.filter.q } } : {}),
    };
    const [rows, total] = await Promise.all([
      this.prisma.section.findMany({ where, orderBy: { [query.sortField]: query.sortOrder }, skip: query.skip, take: query.take }),
      this.prisma.section.count({ where }),
    ]);
    return { rows, total };
  }

  async get(id: string) {
    const section = await this.prisma.section.findUnique({ where: { id } });
    if (!section) throw notFound('栏目', id);
    return section;
  }

  create(dto: CreateSectionDto, user: AuthUser) {
    return this.prisma.$transaction(async (tx) => {
      const section = await tx.section.create({ data: dto });
      await this.audit.record(tx, { actor: user, action: 'section.create', entityType: 'section', entityId: section.id, after: section });
      return section;
    });
  }

  async update(id: string, dto: UpdateSectionDto, user: AuthUser) {
    const before = await this.get(id);
    return this.prisma.$transaction(async (tx) => {
      const section = await tx.section.update({ where: { id }, data: dto });
      await this.audit.record(tx, { actor: user, action: 'section.update', entityType: 'section', entityId: id, before, after: section });
      return section;
    });
  }

  /** A section that has entries is retired (active = false) rather than deleted. */
  async remove(id: string, user: AuthUser) {
    const before = await this.get(id);
    const entries = await this.prisma.entry.count({ where: { sectionId: id } });
    if (entries > 0) throw conflict(`栏目「${before.name}」下还有 ${entries} 条条目，不能删除；可将其停用。`);
    return this.prisma.$transaction(async (tx) => {
      await tx.section.delete({ where: { id } });
      await this.audit.record(tx, { actor: user, action: 'section.delete', entityType: 'section', entityId: id, before });
      return before;
    });
  }
}
