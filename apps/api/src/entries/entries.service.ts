import { Injectable } from '@nestjs/common';
import { isoDate, parseIsoDate } from '@dsyb/domain';
import { Prisma, type Entry } from '@dsyb/db';
import { decide } from '@dsyb/workflow';
import { AuditService } from '../audit/audit.service';
import type { AuthUser } from '../auth/auth.types';
import { conflict, invalid, notFound } from '../common/domain-errors';
import { idsFilter, ListQuery, ListSpec } from '../common/list-query';
import { PrismaService } from '../prisma/prisma.service';
import { entryStatusAfterSave, issueLabel, refusalError } from '../workflow/workflow-guards';
import { normaliseBody } from './entry-body';
import type { CreateEntryDto, UpdateEntryDto } from './entry.dto';

export const ENTRY_LIST: ListSpec = {
  sortable: ['title', 'eventDate', 'status', 'position', 'createdAt', 'updatedAt'],
  defaultSort: ['updatedAt', 'desc'],
  filters: {
    id: 'ids', issueId: 'ids', sectionId: 'ids', sourceId: 'ids', contributorId: 'ids',
    status: 'string', q: 'string', eventDate_gte: 'string', eventDate_lte: 'string',
  },
};

interface EntryFilter {
  id: string | string[]; issueId: string | string[]; sectionId: string | string[]; sourceId: string | string[];
  contributorId: string | string[]; status: string; q: string; eventDate_gte: string; eventDate_lte: string;
}

const ENTRY_STATUSES = ['draft', 'submitted', 'approved', 'changes_requested'];
const DATE_PATTERN = /^\d{4}-\d{2}-\d{2}$/;

export function presentEntry(entry: Entry) {
  return { ...entry, eventDate: isoDate(entry.eventDate) };
}

@Injectable()
export class EntriesService {
  constructor(private readonly prisma: PrismaService, private readonly audit: AuditService) {}

  async list(query: ListQuery<Partial<EntryFilter>>) {
    const { status, q, eventDate_gte: from, eventDate_lte: to, contributorId } = query.filter;
    if (status !== undefined && !ENTRY_STATUSES.includes(status)) throw invalid(`参数 filter 的 status 取值无效：${status}`);
    for (const [name, value] of [['eventDate_gte', from], ['eventDate_lte', to]] as const) {
      if (value !== undefined && !DATE_PATTERN.test(value)) throw invalid(`参数 filter 的 ${name} 应为 YYYY-MM-DD`);
    }
    const where: Prisma.EntryWhereInput = {
      id: idsFilter(query.filter.id),
      issueId: idsFilter(query.filter.issueId),
      sectionId: idsFilter(query.filter.sectionId),
      sourceId: idsFilter(query.filter.sourceId),
      status: status as Prisma.EntryWhereInput['status'],
      eventDate: from || to ? { gte: from ? parseIsoDate(from) : undefined, lte: to ? parseIsoDate(to) : undefined } : undefined,
      ...(contributorId ? { contributors: { some: { contributorId: idsFilter(contributorId) } } } : {}),
      ...(q ? { OR: [{ title: { contains: q, mode: 'insensitive' } }, { bodyText: { contains: q, mode: 'insensitive' } }] } : {}),
    };
    const orderBy: Prisma.EntryOrderByWithRelationInput[] =
      query.sortField === 'position'
        ? [{ section: { position: query.sortOrder } }, { position: query.sortOrder }]
        : [{ [query.sortField]: query.sortOrder }];
    const [rows, total] = await Promise.all([
      this.prisma.entry.findMany({ where, orderBy, skip: query.skip, take: query.take }),
      this.prisma.entry.count({ where }),
    ]);
    return { rows: rows.map(presentEntry), total };
  }

  async get(id: string) {
    const entry = await this.prisma.entry.findUnique({
      where: { id },
      include: { contributors: { include: { contributor: true } } },
    });
    if (!entry) throw notFound('条目', id);
    const { contributors, ...rest } = entry;
    return {
      ...presentEntry(rest),
      contributors: contributors.map((link) => ({ contributorId: link.contributorId, name: link.contributor.name, role: link.role })),
    };
  }

  async create(dto: CreateEntryDto, user: AuthUser) {
    const { bodyHtml, bodyText } = normaliseBody(dto) ?? { bodyHtml: '', bodyText: '' };
    if (dto.issueId) await this.assertIssueEditable(dto.issueId, user);
    return this.prisma.$transaction(async (tx) => {
      const entry = await tx.entry.create({
        data: {
          title: dto.title.trim(),
          sectionId: dto.sectionId,
          issueId: dto.issueId ?? null,
          eventDate: parseIsoDate(dto.eventDate),
          eventDatePrecision: dto.eventDatePrecision ?? 'day',
          bodyHtml,
          bodyText,
          position: dto.position ?? (await this.nextPosition(tx, dto.issueId ?? null, dto.sectionId)),
          sourceId: dto.sourceId ?? null,
          createdById: user.id,
          updatedById: user.id,
        },
      });
      await recordEntryRevision(tx, entry, user);
      await this.audit.record(tx, { actor: user, action: 'entry.create', entityType: 'entry', entityId: entry.id, after: entry });
      return presentEntry(entry);
    });
  }

  async update(id: string, dto: UpdateEntryDto, user: AuthUser) {
    const before = await this.prisma.entry.findUnique({ where: { id } });
    if (!before) throw notFound('条目', id);
    const { version, eventDate, bodyHtml: _html, bodyText: _text, title, ...fields } = dto;
    const body = normaliseBody(dto);
    return this.prisma.$transaction(async (tx) => {
      // The workflow library decides whether the entry may be saved now, and the state the save
      // leaves it in: a returned entry goes back to draft, an approved one back to review.
      const wording = { title: title?.trim(), bodyHtml: body?.bodyHtml, eventDate: eventDate ? parseIsoDate(eventDate) : undefined, eventDatePrecision: fields.eventDatePrecision };
      const status = await entryStatusAfterSave(tx, before, { wording, issueId: dto.issueId }, user);
      // One statement both checks the version the client read and returns the saved row.
      const entry = await tx.entry
        .update({
          where: { id, version },
          data: {
            ...fields,
            ...body,
            title: title?.trim(),
            eventDate: eventDate ? parseIsoDate(eventDate) : undefined,
            status: status === before.status ? undefined : status,
            updatedById: user.id,
            version: { increment: 1 },
          },
        })
        .catch(async (error: unknown) => {
          if (!(error instanceof Prisma.PrismaClientKnownRequestError) || error.code !== 'P2025') throw error;
          const current = (await tx.entry.findUnique({ where: { id }, select: { version: true } }))?.version ?? before.version;
          throw conflict(`该条目已被他人修改（您读取的是第 ${version} 版，当前是第 ${current} 版），请合并后再保存。`, { currentVersion: current });
        });
      await recordEntryRevision(tx, entry, user);
      await this.audit.record(tx, { actor: user, action: 'entry.update', entityType: 'entry', entityId: id, before, after: entry });
      return presentEntry(entry);
    });
  }

  async remove(id: string, user: AuthUser) {
    const before = await this.prisma.entry.findUnique({ where: { id } });
    if (!before) throw notFound('条目', id);
    if (before.issueId) await this.assertIssueEditable(before.issueId, user);
    if (before.status === 'approved') throw conflict(`条目《${before.title}》已审核通过，不能删除；请先将其移出期刊。`);
    return this.prisma.$transaction(async (tx) => {
      await tx.entry.delete({ where: { id } });
      await this.audit.record(tx, { actor: user, action: 'entry.delete', entityType: 'entry', entityId: id, before });
      return presentEntry(before);
    });
  }

  /** Adding or deleting entries changes the issue: not once it is signed off or published. */
  private async assertIssueEditable(issueId: string, user: AuthUser): Promise<void> {
    const issue = await this.prisma.issue.findUnique({ where: { id: issueId }, select: { status: true, serialNumber: true } });
    if (!issue) throw invalid(`期刊不存在：${issueId}`);
    const decision = decide('issue', 'edit', issue.status, user.roles, { label: issueLabel(issue) });
    if (!decision.ok) throw refusalError(decision);
  }

  private async nextPosition(tx: Prisma.TransactionClient, issueId: string | null, sectionId: string): Promise<number> {
    if (!issueId) return 0;
    const last = await tx.entry.aggregate({ where: { issueId, sectionId }, _max: { position: true } });
    return (last._max.position ?? -1) + 1;
  }
}

/** Every saved version of an entry is kept (who, when, what): saves and workflow transitions alike. */
export async function recordEntryRevision(tx: Prisma.TransactionClient, entry: Entry, user: AuthUser): Promise<void> {
  await tx.entryRevision.create({
    data: {
      entryId: entry.id,
      version: entry.version,
      title: entry.title,
      bodyHtml: entry.bodyHtml,
      bodyText: entry.bodyText,
      eventDate: entry.eventDate,
      eventDatePrecision: entry.eventDatePrecision,
      sectionId: entry.sectionId,
      status: entry.status,
      authorId: user.id,
    },
  });
}
