import { Injectable } from '@nestjs/common';
import { bookTitle, ENTRY_STATUSES, isOneOf } from '@dsyb/contracts';
import { isoDate, parseIsoDate } from '@dsyb/domain';
import { Prisma, type ContributorRole, type Entry } from '@dsyb/db';
import { entryWords } from '@dsyb/search';
import { decide } from '@dsyb/workflow';
import { AuditService } from '../audit/audit.service';
import type { AuthUser } from '../auth/auth.types';
import { readDatabaseError } from '../common/database-errors';
import { conflict, invalid, notFound } from '../common/domain-errors';
import { idsFilter, ListQuery, ListSpec } from '../common/list-query';
import { PrismaService } from '../prisma/prisma.service';
import { SearchService } from '../search/search.service';
import { issueLabel, refusalError } from '../common/workflow-decisions';
import { entrySaveDecision } from './entry-save-decision';
import { normaliseBody } from './entry-body';
import { assertFiguresDecode } from './entry-figures';
import { entryWarnings } from './entry-warnings';
import { recordEntryRevision } from './entry-revisions';
import { readForSave, writeSave, type ContributorLink, type EntryChanges } from './entry-save';
import type { CreateEntryDto, UpdateEntryDto } from './entry.dto';

export const ENTRY_LIST: ListSpec = {
  sortable: ['title', 'eventDate', 'status', 'position', 'createdAt', 'updatedAt'],
  defaultSort: ['updatedAt', 'desc'],
  filters: {
    id: 'ids', issueId: 'ids', sectionId: 'ids', sourceId: 'ids', contributorId: 'ids',
    status: 'string', q: 'string', eventDate_gte: 'date', eventDate_lte: 'date',
    // "me" for the current user's own entries (the dashboard's drafts), or user ids.
    createdById: 'string',
  },
  // {"issueId": null}: entries in no issue yet (to add to one).
  nullable: ['issueId'],
};

interface EntryFilter {
  id: string | string[]; issueId: string | string[]; sectionId: string | string[]; sourceId: string | string[];
  contributorId: string | string[]; status: string; q: string; eventDate_gte: string; eventDate_lte: string; createdById: string;
}

const COVERAGE = { coverageStart: true, coverageEnd: true } as const;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function createdBy(value: string | undefined, user: AuthUser): string | undefined {
  if (value === undefined) return undefined;
  if (value === 'me') return user.id;
  if (!UUID.test(value)) throw invalid('参数 filter 的 createdById 应为 "me" 或用户 UUID');
  return value;
}

export function presentEntry(entry: Entry) {
  return { ...entry, eventDate: isoDate(entry.eventDate) };
}

@Injectable()
export class EntriesService {
  constructor(private readonly prisma: PrismaService, private readonly audit: AuditService, private readonly search: SearchService) {}

  async list(query: ListQuery<Partial<EntryFilter>>, user: AuthUser) {
    const { status, q, eventDate_gte: from, eventDate_lte: to, contributorId } = query.filter;
    if (status !== undefined && !isOneOf(ENTRY_STATUSES, status)) throw invalid(`参数 filter 的 status 取值无效：${status}`);
    // The search box finds entries the way the app bar's search does (libs/search).
    const matches = await this.search.listMatches('entry', q);
    const where: Prisma.EntryWhereInput = {
      id: idsFilter(query.filter.id),
      issueId: query.filter.issueId === null ? null : idsFilter(query.filter.issueId),
      createdById: createdBy(query.filter.createdById, user),
      sectionId: idsFilter(query.filter.sectionId),
      sourceId: idsFilter(query.filter.sourceId),
      status: status as Prisma.EntryWhereInput['status'],
      eventDate: from || to ? { gte: from ? parseIsoDate(from) : undefined, lte: to ? parseIsoDate(to) : undefined } : undefined,
      ...(contributorId ? { contributors: { some: { contributorId: idsFilter(contributorId) } } } : {}),
      ...(matches ? { AND: [{ id: { in: matches } }] } : {}),
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
      include: {
        contributors: { include: { contributor: true }, orderBy: [{ position: 'asc' }, { role: 'asc' }, { contributor: { name: 'asc' } }] },
        issue: { select: COVERAGE },
      },
    });
    if (!entry) throw notFound('条目', id);
    const { contributors, issue, ...rest } = entry;
    return {
      ...presentEntry(rest),
      contributors: contributors.map((link) => ({ contributorId: link.contributorId, name: link.contributor.name, role: link.role })),
      warnings: entryWarnings(rest, issue),
    };
  }

  async create(dto: CreateEntryDto, user: AuthUser) {
    const { bodyHtml, bodyText } = normaliseBody(dto) ?? { bodyHtml: '', bodyText: '' };
    await assertFiguresDecode(bodyHtml);
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
      const links = await this.linkContributors(tx, entry.id, dto.contributors ?? []);
      await this.search.index(tx, { entry: [entry.id] });
      await recordEntryRevision(tx, entry.id, user);
      await this.audit.record(tx, { actor: user, action: 'entry.create', entityType: 'entry', entityId: entry.id, after: { ...entry, contributors: links } });
      return { ...presentEntry(entry), contributors: links, warnings: entryWarnings(entry, await this.coverageOf(tx, entry.issueId)) };
    });
  }

  async update(id: string, dto: UpdateEntryDto, user: AuthUser) {
    const body = normaliseBody(dto);
    if (body) await assertFiguresDecode(body.bodyHtml);
    const changes: EntryChanges = {
      title: dto.title?.trim(),
      ...body,
      eventDate: dto.eventDate ? parseIsoDate(dto.eventDate) : undefined,
      eventDatePrecision: dto.eventDatePrecision,
      sectionId: dto.sectionId,
      issueId: dto.issueId,
      position: dto.position,
      sourceId: dto.sourceId,
    };
    for (const key of Object.keys(changes) as (keyof EntryChanges)[]) if (changes[key] === undefined) delete changes[key];
    const links = dto.contributors?.map(({ contributorId, role }) => ({ contributorId, role }));
    // A save is written only if what it was decided on still holds (entry-save.ts); when an
    // arrangement or a sign-off got in between, it is decided again on what is there now.
    for (let attempt = 1; attempt <= 5; attempt += 1) {
      const read = await readForSave(this.prisma, id, dto.issueId, links?.map((link) => link.contributorId) ?? []);
      if (!read) throw notFound('条目', id);
      const { entry: before } = read;
      const missing = links?.find((link) => !read.contributorNames.has(link.contributorId));
      if (missing) throw invalid(`作者不存在：${missing.contributorId}`);
      const contributorsAfter = links?.map((link) => ({ ...link, name: read.contributorNames.get(link.contributorId)! }));
      const status = entrySaveDecision(
        before,
        {
          wording: { title: changes.title, bodyHtml: changes.bodyHtml, eventDate: changes.eventDate, eventDatePrecision: changes.eventDatePrecision },
          otherChange: contributorsAfter !== undefined && contributorKey(contributorsAfter) !== contributorKey(read.contributors),
          issueId: dto.issueId,
          version: dto.version,
        },
        read.issues,
        user,
      );
      const at = new Date();
      const after: Entry = { ...before, ...changes, status, version: before.version + 1, updatedById: user.id, updatedAt: at };
      const audit = contributorsAfter
        ? { before: { ...before, contributors: read.contributors }, after: { ...after, contributors: contributorsAfter } }
        : { before, after };
      // The words search finds it by, written in the same statement as the save.
      const searchWords = changes.title !== undefined || changes.bodyText !== undefined || changes.eventDate !== undefined || contributorsAfter !== undefined
        ? entryWords({ title: after.title, bodyText: after.bodyText, eventDate: after.eventDate, bylines: (contributorsAfter ?? read.contributors).map((link) => link.name) }, await this.search.segmenter())
        : undefined;
      const written = await writeSave(this.prisma, { before: read, changes, status, contributors: links, user, at, audit, searchWords }).catch((error: unknown) => {
        throw missingReference(error) ?? error;
      });
      if (written) {
        const warnings = entryWarnings(after, await this.coverageOf(this.prisma, after.issueId));
        return { ...presentEntry(after), contributors: contributorsAfter ?? read.contributors, warnings };
      }
    }
    throw conflict('该条目正被频繁调整（编排或签发），请稍后再保存。');
  }

  /** The period the entry's issue covers, for the date warnings; null when it is in no issue. */
  private async coverageOf(db: Prisma.TransactionClient, issueId: string | null) {
    return issueId ? db.issue.findUnique({ where: { id: issueId }, select: COVERAGE }) : null;
  }

  async remove(id: string, user: AuthUser) {
    const before = await this.prisma.entry.findUnique({ where: { id } });
    if (!before) throw notFound('条目', id);
    if (before.issueId) await this.assertIssueEditable(before.issueId, user);
    if (before.status === 'approved') throw conflict(`条目${bookTitle(before.title)}已审核通过，不能删除；请先将其移出期刊。`);
    return this.prisma.$transaction(async (tx) => {
      await tx.entry.delete({ where: { id } });
      await this.audit.record(tx, { actor: user, action: 'entry.delete', entityType: 'entry', entityId: id, before });
      return presentEntry(before);
    });
  }

  private async linkContributors(tx: Prisma.TransactionClient, entryId: string, links: readonly { contributorId: string; role: ContributorRole }[]): Promise<ContributorLink[]> {
    if (links.length === 0) return [];
    const people = await tx.contributor.findMany({ where: { id: { in: links.map((link) => link.contributorId) } }, select: { id: true, name: true } });
    const names = new Map(people.map((person) => [person.id, person.name]));
    const missing = links.find((link) => !names.has(link.contributorId));
    if (missing) throw invalid(`作者不存在：${missing.contributorId}`);
    await tx.entryContributor.createMany({ data: links.map(({ contributorId, role }, position) => ({ entryId, contributorId, role, position })), skipDuplicates: true });
    return links.map(({ contributorId, role }) => ({ contributorId, role, name: names.get(contributorId)! }));
  }

  /** Adding or deleting entries changes the issue: not once it is signed off or published. */
  async assertIssueEditable(issueId: string, user: AuthUser): Promise<void> {
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

/** A contributor set in a comparable form: the same people in the same roles, in any order. */
function contributorKey(links: readonly { contributorId: string; role: string }[]): string {
  return links.map((link) => `${link.contributorId}:${link.role}`).sort().join(',');
}

/** A section, source or contributor that vanished between the read and the write: a 400, not a 500. */
function missingReference(error: unknown) {
  return readDatabaseError(error)?.kind === 'foreign_key' ? invalid('引用的栏目、来源或作者不存在') : undefined;
}
