import { Injectable } from '@nestjs/common';
import type { ContributorRole, Prisma } from '@dsyb/db';
import { AuditService } from '../audit/audit.service';
import type { AuthUser } from '../auth/auth.types';
import { conflict, invalid, notFound } from '../common/domain-errors';
import { idsFilter, ListQuery, ListSpec } from '../common/list-query';
import { PrismaService } from '../prisma/prisma.service';
import { SearchService } from '../search/search.service';
import { CONTRIBUTOR_ROLE_LABELS } from './contributor-role-labels';
import { CONTRIBUTOR_ROLES } from './contributor.dto';
import type { CreateContributorDto, UpdateContributorDto } from './contributor.dto';

export const CONTRIBUTOR_LIST: ListSpec = {
  sortable: ['name', 'role', 'organisation', 'createdAt'],
  defaultSort: ['name', 'asc'],
  filters: { id: 'ids', role: 'string', q: 'string' },
};

interface ContributorFilter { id: string | string[]; role: string; q: string }

@Injectable()
export class ContributorsService {
  constructor(private readonly prisma: PrismaService, private readonly audit: AuditService, private readonly search: SearchService) {}

  async list(query: ListQuery<Partial<ContributorFilter>>) {
    const { role, q } = query.filter;
    if (role !== undefined && !CONTRIBUTOR_ROLES.includes(role as ContributorRole)) {
      throw invalid(`参数 filter 的 role 取值无效：${role}（可用：reporter 记者、correspondent 通讯员、photographer 摄影、intern 实习生）`);
    }
    const where: Prisma.ContributorWhereInput = {
      id: idsFilter(query.filter.id),
      role: role as ContributorRole | undefined,
      ...(q
        ? { OR: [{ name: { contains: q, mode: 'insensitive' } }, { organisation: { contains: q, mode: 'insensitive' } }] }
        : {}),
    };
    const [rows, total] = await Promise.all([
      this.prisma.contributor.findMany({ where, orderBy: { [query.sortField]: query.sortOrder }, skip: query.skip, take: query.take }),
      this.prisma.contributor.count({ where }),
    ]);
    return { rows, total };
  }

  async get(id: string) {
    const contributor = await this.prisma.contributor.findUnique({ where: { id } });
    if (!contributor) throw notFound('作者', id);
    return contributor;
  }

  async create(dto: CreateContributorDto, user: AuthUser) {
    await this.assertUnique(dto.name, dto.organisation ?? null);
    return this.prisma.$transaction(async (tx) => {
      const contributor = await tx.contributor.create({ data: dto });
      await this.audit.record(tx, { actor: user, action: 'contributor.create', entityType: 'contributor', entityId: contributor.id, after: contributor });
      return contributor;
    });
  }

  async update(id: string, dto: UpdateContributorDto, user: AuthUser) {
    const before = await this.get(id);
    const name = dto.name ?? before.name;
    const organisation = dto.organisation === undefined ? before.organisation : dto.organisation;
    if (name !== before.name || organisation !== before.organisation) await this.assertUnique(name, organisation, id);
    return this.prisma.$transaction(async (tx) => {
      const contributor = await tx.contributor.update({ where: { id }, data: dto });
      // Bylines are part of what search finds an entry or a source by.
      if (contributor.name !== before.name) {
        const [entries, sources] = await Promise.all([
          tx.entryContributor.findMany({ where: { contributorId: id }, select: { entryId: true } }),
          tx.sourceContributor.findMany({ where: { contributorId: id }, select: { sourceId: true } }),
        ]);
        await this.search.index(tx, { entry: entries.map((link) => link.entryId), source: sources.map((link) => link.sourceId) });
      }
      await this.audit.record(tx, { actor: user, action: 'contributor.update', entityType: 'contributor', entityId: id, before, after: contributor });
      return contributor;
    });
  }

  /** Someone credited on a source or an entry stays: the credit is part of the record. */
  async remove(id: string, user: AuthUser) {
    const before = await this.get(id);
    const [sources, entries] = await Promise.all([
      this.prisma.sourceContributor.count({ where: { contributorId: id } }),
      this.prisma.entryContributor.count({ where: { contributorId: id } }),
    ]);
    if (sources + entries > 0) {
      const label = CONTRIBUTOR_ROLE_LABELS[before.role];
      throw conflict(`${label}「${before.name}」已在 ${sources} 篇来稿、${entries} 条条目中署名，不能删除。`);
    }
    return this.prisma.$transaction(async (tx) => {
      await tx.contributor.delete({ where: { id } });
      await this.audit.record(tx, { actor: user, action: 'contributor.delete', entityType: 'contributor', entityId: id, before });
      return before;
    });
  }

  /** (name, organisation) is unique; PostgreSQL would let two with no organisation through, we do not. */
  private async assertUnique(name: string, organisation: string | null, exceptId?: string) {
    const existing = await this.prisma.contributor.findFirst({ where: { name, organisation, ...(exceptId ? { NOT: { id: exceptId } } : {}) } });
    if (existing) {
      const label = CONTRIBUTOR_ROLE_LABELS[existing.role];
      throw conflict(`作者 ${name}（${organisation ?? '未填单位'}，${label}）已存在`);
    }
  }
}
