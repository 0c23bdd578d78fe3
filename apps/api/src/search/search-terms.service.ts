import { Injectable } from '@nestjs/common';
import { documentsContaining, indexDocuments, type SearchTermKind } from '@dsyb/search';
import type { Prisma, SearchTerm } from '@dsyb/db';
import { AuditService } from '../audit/audit.service';
import type { AuthUser } from '../auth/auth.types';
import { conflict, notFound } from '../common/domain-errors';
import type { ListQuery, ListSpec } from '../common/list-query';
import { idsFilter } from '../common/list-query';
import { PrismaService } from '../prisma/prisma.service';
import { SearchService } from './search.service';
import type { CreateSearchTermDto, UpdateSearchTermDto } from './search.dto';

export const SEARCH_TERM_LIST: ListSpec = {
  sortable: ['word', 'kind', 'createdAt', 'updatedAt'],
  defaultSort: ['word', 'asc'],
  filters: { id: 'ids', q: 'string', kind: 'string' },
};

interface SearchTermFilter { id: string | string[]; q: string; kind: string }

/**
 * The district dictionary (检索词典). A word added or removed changes how texts containing it
 * are cut into words, so those documents are indexed again in the same transaction: a search
 * for the new word finds them at once.
 */
@Injectable()
export class SearchTermsService {
  constructor(private readonly prisma: PrismaService, private readonly search: SearchService, private readonly audit: AuditService) {}

  async list(query: ListQuery<Partial<SearchTermFilter>>) {
    const { q, kind } = query.filter;
    const where: Prisma.SearchTermWhereInput = {
      id: idsFilter(query.filter.id),
      ...(kind ? { kind } : {}),
      ...(q ? { OR: [{ word: { contains: q.trim(), mode: 'insensitive' } }, { note: { contains: q.trim(), mode: 'insensitive' } }] } : {}),
    };
    const [rows, total] = await Promise.all([
      this.prisma.searchTerm.findMany({ where, orderBy: { [query.sortField]: query.sortOrder }, skip: query.skip, take: query.take }),
      this.prisma.searchTerm.count({ where }),
    ]);
    return { rows, total };
  }

  async get(id: string): Promise<SearchTerm> {
    const term = await this.prisma.searchTerm.findUnique({ where: { id } });
    if (!term) throw notFound('检索词', id);
    return term;
  }

  async create(dto: CreateSearchTermDto, user: AuthUser) {
    const word = dto.word.normalize('NFKC').trim();
    await this.assertFree(word);
    return this.write(user, 'search_term.create', [word], async (tx) => {
      const term = await tx.searchTerm.create({ data: { word, kind: dto.kind ?? 'term', note: dto.note ?? null, createdById: user.id } });
      return { before: null, term };
    });
  }

  async update(id: string, dto: UpdateSearchTermDto, user: AuthUser) {
    const before = await this.get(id);
    const word = dto.word?.normalize('NFKC').trim() ?? before.word;
    if (word !== before.word) await this.assertFree(word, id);
    return this.write(user, 'search_term.update', [before.word, word], async (tx) => {
      const term = await tx.searchTerm.update({
        where: { id },
        data: { word, kind: (dto.kind ?? before.kind) as SearchTermKind, note: dto.note === undefined ? before.note : dto.note, updatedAt: new Date() },
      });
      return { before, term };
    });
  }

  async remove(id: string, user: AuthUser) {
    const before = await this.get(id);
    return this.write(user, 'search_term.delete', [before.word], async (tx) => {
      await tx.searchTerm.delete({ where: { id } });
      return { before, term: before };
    });
  }

  private async assertFree(word: string, except?: string) {
    const existing = await this.prisma.searchTerm.findUnique({ where: { word } });
    if (existing && existing.id !== except) throw conflict(`检索词典中已有“${word}”。`);
  }

  /**
   * The change, then the documents containing the words segmented again with the dictionary as
   * it now stands in this transaction, then the audit event; the process's segmenter is read again.
   */
  private async write(
    user: AuthUser,
    action: string,
    words: string[],
    change: (tx: Prisma.TransactionClient) => Promise<{ before: SearchTerm | null; term: SearchTerm }>,
  ) {
    const result = await this.prisma.$transaction(async (tx) => {
      const { before, term } = await change(tx);
      const dictionary = await this.search.dictionary.readIn(tx);
      const affected = await documentsContaining(tx, [...new Set(words)]);
      const reindexed = await indexDocuments(tx, dictionary.segmenter, affected);
      await this.audit.record(tx, { actor: user, action, entityType: 'search_term', entityId: term.id, before, after: action.endsWith('delete') ? null : { ...term, reindexed } });
      return { term: { ...term, reindexed }, dictionary };
    }, { timeout: 120_000 });
    this.search.dictionary.adopt(result.dictionary);
    return result.term;
  }
}
