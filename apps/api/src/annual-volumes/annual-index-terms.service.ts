import { Injectable } from '@nestjs/common';
import type { AnnualIndexTerm, Prisma } from '@dsyb/db';
import { INDEX_TERM_KINDS } from '@dsyb/domain';
import { proposeIndexTerms } from '@dsyb/search';
import { AuditService } from '../audit/audit.service';
import type { AuthUser } from '../auth/auth.types';
import { conflict, invalid, notFound } from '../common/domain-errors';
import type { ListQuery, ListSpec } from '../common/list-query';
import { staleVersion } from '../common/workflow-decisions';
import { PrismaService } from '../prisma/prisma.service';
import { SearchService } from '../search/search.service';
import type { CreateIndexTermDto, UpdateIndexTermDto } from './annual-volume.dto';
import { AnnualVolumesService } from './annual-volumes.service';

export const INDEX_TERM_LIST: ListSpec = {
  sortable: ['term', 'occurrences', 'status', 'kind'],
  defaultSort: ['occurrences', 'desc'],
  filters: { id: 'ids', volumeId: 'ids', status: 'string', kind: 'string', q: 'string' },
};

interface IndexTermFilter { id: string | string[]; volumeId: string | string[]; status: string; kind: string; q: string }

const present = (term: AnnualIndexTerm & { mergedInto?: { term: string } | null }) => ({ ...term, mergedIntoTerm: term.mergedInto?.term ?? null, mergedInto: undefined });

/**
 * The index (索引) of an annual volume: terms proposed from its text (people, places, units:
 * libs/search index-terms.ts, with the district dictionary), then accepted, suppressed, or merged
 * into another term as another name of it (同一人的不同称谓) by editors. Only accepted terms and
 * the forms merged into them are printed, with the pages the typesetter finds them on.
 */
@Injectable()
export class AnnualIndexTermsService {
  constructor(
    private readonly prisma: PrismaService,
    private readonly audit: AuditService,
    private readonly volumes: AnnualVolumesService,
    private readonly search: SearchService,
  ) {}

  async list(query: ListQuery<Partial<IndexTermFilter>>) {
    const { status, kind, q } = query.filter;
    const where: Prisma.AnnualIndexTermWhereInput = {
      volumeId: query.filter.volumeId === undefined ? undefined : { in: [query.filter.volumeId].flat() },
      id: query.filter.id === undefined ? undefined : { in: [query.filter.id].flat() },
      status,
      kind,
      ...(q ? { term: { contains: q } } : {}),
    };
    const [rows, total] = await Promise.all([
      this.prisma.annualIndexTerm.findMany({ where, orderBy: [{ [query.sortField]: query.sortOrder }, { term: 'asc' }], skip: query.skip, take: query.take, include: { mergedInto: { select: { term: true } } } }),
      this.prisma.annualIndexTerm.count({ where }),
    ]);
    return { rows: rows.map(present), total };
  }

  async get(id: string) {
    const term = await this.prisma.annualIndexTerm.findUnique({ where: { id }, include: { mergedInto: { select: { term: true } } } });
    if (!term) throw notFound('索引词', id);
    return present(term);
  }

  /**
   * 提取索引词: proposes the names in the volume's events. New names come in as proposed; the
   * editor's decisions on known ones (accepted, suppressed, merged) are kept, their counts renewed.
   */
  async propose(volumeId: string, user: AuthUser) {
    const segmenter = await this.search.segmenter();
    return this.prisma.$transaction(async (tx) => {
      await this.volumes.lockForEdit(tx, volumeId, undefined, user);
      const entries = await tx.annualVolumeEntry.findMany({ where: { volumeId, excluded: false }, select: { title: true, bodyText: true } });
      const dictionary = await tx.searchTerm.findMany({ select: { word: true, kind: true } });
      const proposals = proposeIndexTerms(segmenter, entries.map((entry) => `${entry.title}\n${entry.bodyText}`), dictionary);
      const known = new Map((await tx.annualIndexTerm.findMany({ where: { volumeId } })).map((term) => [term.term, term]));
      let added = 0;
      for (const proposal of proposals) {
        const existing = known.get(proposal.term);
        if (existing) {
          if (existing.occurrences !== proposal.occurrences) await tx.annualIndexTerm.update({ where: { id: existing.id }, data: { occurrences: proposal.occurrences } });
          continue;
        }
        added += 1;
      }
      await tx.annualIndexTerm.createMany({
        data: proposals.filter((proposal) => !known.has(proposal.term)).map((proposal) => ({ volumeId, term: proposal.term, kind: proposal.kind, origin: proposal.origin, occurrences: proposal.occurrences })),
        skipDuplicates: true,
      });
      await this.audit.record(tx, { actor: user, action: 'annual_index.propose', entityType: 'annual_volume', entityId: volumeId, after: { proposed: proposals.length, added } });
      return { proposed: proposals.length, added };
    }, { timeout: 60_000 });
  }

  /** A term the editor adds by hand (accepted at once). */
  async create(dto: CreateIndexTermDto, user: AuthUser) {
    return this.prisma.$transaction(async (tx) => {
      await this.volumes.lockForEdit(tx, dto.volumeId, undefined, user);
      const term = dto.term.trim();
      if (await tx.annualIndexTerm.findUnique({ where: { volumeId_term: { volumeId: dto.volumeId, term } } })) throw conflict(`索引词「${term}」已经存在。`);
      const entries = await tx.annualVolumeEntry.count({ where: { volumeId: dto.volumeId, excluded: false, OR: [{ title: { contains: term } }, { bodyText: { contains: term } }] } });
      const created = await tx.annualIndexTerm.create({ data: { volumeId: dto.volumeId, term, kind: dto.kind, status: 'accepted', origin: 'editor', occurrences: entries } });
      await this.audit.record(tx, { actor: user, action: 'annual_index.create', entityType: 'annual_index_term', entityId: created.id, after: { term, kind: dto.kind } });
      return present(created);
    });
  }

  /** 采用 / 不收录 / 合并 (or undo a merge by setting a status). */
  async update(id: string, dto: UpdateIndexTermDto, user: AuthUser) {
    if (dto.kind !== undefined && !INDEX_TERM_KINDS.includes(dto.kind)) throw invalid(`索引词类别无效：${dto.kind}`);
    return this.prisma.$transaction(async (tx) => {
      const before = await tx.annualIndexTerm.findUnique({ where: { id } });
      if (!before) throw notFound('索引词', id);
      await this.volumes.lockForEdit(tx, before.volumeId, undefined, user);
      if (dto.version !== before.version) throw staleVersion('索引词', dto.version, before.version);
      let merge: Prisma.AnnualIndexTermUncheckedUpdateInput = {};
      if (dto.mergedIntoId !== undefined) {
        const target = await tx.annualIndexTerm.findUnique({ where: { id: dto.mergedIntoId } });
        if (!target || target.volumeId !== before.volumeId) throw notFound('索引词', dto.mergedIntoId);
        if (target.id === id) throw invalid('索引词不能合并到它自己。');
        if (target.status === 'merged') throw conflict(`「${target.term}」已合并到另一个索引词，请合并到那个词。`);
        merge = { status: 'merged', mergedIntoId: target.id };
        // What was merged into this term follows it into the target.
        await tx.annualIndexTerm.updateMany({ where: { mergedIntoId: id }, data: { mergedIntoId: target.id, version: { increment: 1 } } });
        if (target.status !== 'accepted') await tx.annualIndexTerm.update({ where: { id: target.id }, data: { status: 'accepted', version: { increment: 1 } } });
      } else if (dto.status !== undefined) {
        merge = { status: dto.status, mergedIntoId: null };
        if (dto.status !== 'accepted') {
          const followers = await tx.annualIndexTerm.count({ where: { mergedIntoId: id } });
          if (followers > 0) throw conflict(`还有 ${followers} 个称谓合并在「${before.term}」下，请先取消合并再改为不收录。`);
        }
      }
      const after = await tx.annualIndexTerm.update({ where: { id }, data: { ...merge, kind: dto.kind, version: { increment: 1 } }, include: { mergedInto: { select: { term: true } } } });
      await this.audit.record(tx, {
        actor: user,
        action: 'annual_index.update',
        entityType: 'annual_index_term',
        entityId: id,
        before: { status: before.status, kind: before.kind, mergedIntoId: before.mergedIntoId },
        after: { status: after.status, kind: after.kind, mergedIntoId: after.mergedIntoId },
      });
      return present(after);
    });
  }
}
