import { Injectable } from '@nestjs/common';
import { isoDate, parseIsoDate } from '@dsyb/domain';
import type { ContributorRole, Prisma } from '@dsyb/db';
import { AuditService } from '../audit/audit.service';
import type { AuthUser } from '../auth/auth.types';
import { conflict, invalid, notFound } from '../common/domain-errors';
import { idsFilter, ListQuery, ListSpec } from '../common/list-query';
import { PrismaService } from '../prisma/prisma.service';
import { SearchService } from '../search/search.service';
import type { CreateSourceDto, SourceCreditDto, UpdateSourceDto } from './source.dto';

export const SOURCE_LIST: ListSpec = {
  sortable: ['createdAt', 'updatedAt', 'issueDate', 'newspaper', 'headline'],
  defaultSort: ['createdAt', 'desc'],
  filters: { id: 'ids', q: 'string' },
};

interface SourceFilter { id: string | string[]; q: string }

const SOURCE_INCLUDE = {
  contributors: {
    include: { contributor: { select: { name: true } } },
    orderBy: [{ position: 'asc' }, { role: 'asc' }, { contributor: { name: 'asc' } }],
  },
} satisfies Prisma.SourceArticleInclude;

type SourceRow = Prisma.SourceArticleGetPayload<{ include: typeof SOURCE_INCLUDE }>;

/** The JSON shape of a source: issueDate as "YYYY-MM-DD", credits with the contributor's name. */
function presentSource({ contributors, issueDate, ...source }: SourceRow) {
  return {
    ...source,
    issueDate: issueDate ? isoDate(issueDate) : null,
    contributors: contributors.map((credit) => ({ contributorId: credit.contributorId, name: credit.contributor.name, role: credit.role })),
  };
}

function toDate(value: string | null | undefined): Date | null | undefined {
  return value ? parseIsoDate(value) : value === undefined ? undefined : null;
}

@Injectable()
export class SourcesService {
  constructor(private readonly prisma: PrismaService, private readonly audit: AuditService, private readonly search: SearchService) {}

  async list(query: ListQuery<Partial<SourceFilter>>) {
    const { q } = query.filter;
    // The search box finds sources the way the app bar's search does (libs/search): headline, text, newspaper, bylines.
    const matches = await this.search.listMatches('source', q);
    const where: Prisma.SourceArticleWhereInput = {
      id: idsFilter(query.filter.id),
      ...(matches ? { AND: [{ id: { in: matches } }] } : {}),
    };
    const [rows, total] = await Promise.all([
      this.prisma.sourceArticle.findMany({
        where,
        orderBy: { [query.sortField]: query.sortOrder },
        skip: query.skip,
        take: query.take,
        include: SOURCE_INCLUDE,
      }),
      this.prisma.sourceArticle.count({ where }),
    ]);
    return { rows: rows.map(presentSource), total };
  }

  async get(id: string) {
    const source = await this.prisma.sourceArticle.findUnique({ where: { id }, include: SOURCE_INCLUDE });
    if (!source) throw notFound('来稿', id);
    return presentSource(source);
  }

  async create(dto: CreateSourceDto, user: AuthUser) {
    const { contributors, issueDate, ...fields } = dto;
    const credits = await this.checkCredits(contributors);
    return this.prisma.$transaction(async (tx) => {
      const row = await tx.sourceArticle.create({
        data: { ...fields, issueDate: toDate(issueDate), contributors: credits && { create: credits } },
        include: SOURCE_INCLUDE,
      });
      const source = presentSource(row);
      await this.search.index(tx, { source: [source.id] });
      await this.audit.record(tx, { actor: user, action: 'source.create', entityType: 'source', entityId: source.id, after: source });
      return source;
    });
  }

  async update(id: string, dto: UpdateSourceDto, user: AuthUser) {
    const before = await this.get(id);
    const { contributors, issueDate, ...fields } = dto;
    const credits = await this.checkCredits(contributors);
    return this.prisma.$transaction(async (tx) => {
      const row = await tx.sourceArticle.update({
        where: { id },
        data: { ...fields, issueDate: toDate(issueDate), contributors: credits && { deleteMany: {}, create: credits } },
        include: SOURCE_INCLUDE,
      });
      const source = presentSource(row);
      await this.search.index(tx, { source: [id] });
      await this.audit.record(tx, { actor: user, action: 'source.update', entityType: 'source', entityId: id, before, after: source });
      return source;
    });
  }

  /** Entries condensed from a source keep it: deleting would silently drop their provenance. */
  async remove(id: string, user: AuthUser) {
    const before = await this.get(id);
    const entries = await this.prisma.entry.count({ where: { sourceId: id } });
    if (entries > 0) throw conflict(`来稿「${before.headline}」已被 ${entries} 条条目引用，不能删除。`);
    return this.prisma.$transaction(async (tx) => {
      await tx.sourceArticle.delete({ where: { id } });
      await this.audit.record(tx, { actor: user, action: 'source.delete', entityType: 'source', entityId: id, before });
      return before;
    });
  }

  /** Credits without duplicates, every contributor known; undefined means "leave the credits as they are". */
  private async checkCredits(credits: SourceCreditDto[] | undefined): Promise<{ contributorId: string; role: ContributorRole; position: number }[] | undefined> {
    if (!credits) return undefined;
    const unique = new Map(credits.map(({ contributorId, role }) => [`${contributorId}:${role}`, { contributorId, role }]));
    const ids = [...new Set(credits.map((credit) => credit.contributorId))];
    const found = await this.prisma.contributor.findMany({ where: { id: { in: ids } }, select: { id: true } });
    const missing = ids.filter((id) => !found.some((contributor) => contributor.id === id));
    if (missing.length > 0) throw invalid(`作者不存在：${missing.join('、')}`);
    return [...unique.values()].map((credit, position) => ({ ...credit, position }));
  }
}
