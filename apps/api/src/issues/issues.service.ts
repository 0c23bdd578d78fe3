import { Injectable } from '@nestjs/common';
import { ISSUE_STATUSES, isOneOf } from '@dsyb/contracts';
import { isoDate, parseIsoDate } from '@dsyb/domain';
import type { Prisma } from '@dsyb/db';
import { decide, issueDateProblems, issueDefaultDates } from '@dsyb/workflow';
import { AuditService } from '../audit/audit.service';
import type { AuthUser } from '../auth/auth.types';
import { conflict, invalid, notFound } from '../common/domain-errors';
import { idsFilter, ListQuery, ListSpec } from '../common/list-query';
import { PrismaService } from '../prisma/prisma.service';
import { SearchService } from '../search/search.service';
import { issueLabel, refusalError } from '../common/workflow-decisions';
import type { CreateIssueDto, UpdateIssueDto } from './issue.dto';
import { presentIssue } from './issue.presenter';

export const ISSUE_LIST: ListSpec = {
  sortable: ['serialNumber', 'year', 'month', 'publicationDate', 'status', 'createdAt', 'updatedAt'],
  defaultSort: ['serialNumber', 'desc'],
  filters: { id: 'ids', status: 'string', year: 'number', q: 'string' },
};

interface IssueFilter { id: string | string[]; status: string; year: number; q: string }


/**
 * Every issue has these, so a write may change them but not empty them. (class-validator's
 * @IsOptional lets null through like a missing field; here null is told apart.)
 */
const REQUIRED_ON_UPDATE: Record<Exclude<keyof UpdateIssueDto, 'version' | 'deadline'>, string> = {
  year: '年份',
  month: '月份',
  serialNumber: '期次',
  title: '标题',
  compiler: '编印单位',
  publicationDate: '出版日期',
  coverageStart: '收录起始日期',
  coverageEnd: '收录截止日期',
};

@Injectable()
export class IssuesService {
  constructor(private readonly prisma: PrismaService, private readonly audit: AuditService, private readonly search: SearchService) {}

  async list(query: ListQuery<Partial<IssueFilter>>) {
    const { status, q, year } = query.filter;
    if (status !== undefined && !isOneOf(ISSUE_STATUSES, status)) throw invalid(`参数 filter 的 status 取值无效：${status}`);
    const serial = q !== undefined ? Number(q.replace(/[^0-9]/g, '')) : NaN;
    // The search box finds issues the way the app bar's search does (libs/search), and by 总第N期.
    const matches = await this.search.listMatches('issue', q);
    const where: Prisma.IssueWhereInput = {
      id: idsFilter(query.filter.id),
      status: status as Prisma.IssueWhereInput['status'],
      year,
      ...(q ? { OR: [{ id: { in: matches ?? [] } }, ...(Number.isInteger(serial) && serial > 0 && serial <= 2147483647 ? [{ serialNumber: serial }] : [])] } : {}),
    };
    const [rows, total] = await Promise.all([
      this.prisma.issue.findMany({
        where,
        orderBy: { [query.sortField]: query.sortOrder },
        skip: query.skip,
        take: query.take,
        include: { _count: { select: { entries: true } } },
      }),
      this.prisma.issue.count({ where }),
    ]);
    return { rows: rows.map(({ _count, ...issue }) => presentIssue(issue, _count.entries)), total };
  }

  /** One issue with its sections in print order, their entries, and the distribution list. */
  async get(id: string) {
    const issue = await this.prisma.issue.findUnique({
      where: { id },
      include: {
        entries: { include: { section: true }, orderBy: [{ section: { position: 'asc' } }, { position: 'asc' }, { createdAt: 'asc' }] },
        recipients: { include: { recipient: true }, orderBy: { position: 'asc' } },
      },
    });
    if (!issue) throw notFound('期刊', id);
    const { entries, recipients, ...rest } = issue;
    const sections: { id: string; key: string; name: string; entries: object[] }[] = [];
    for (const entry of entries) {
      let section = sections.at(-1);
      if (!section || section.id !== entry.sectionId) {
        section = { id: entry.section.id, key: entry.section.key, name: entry.section.name, entries: [] };
        sections.push(section);
      }
      section.entries.push({
        id: entry.id,
        title: entry.title,
        status: entry.status,
        eventDate: isoDate(entry.eventDate),
        eventDatePrecision: entry.eventDatePrecision,
        position: entry.position,
        version: entry.version,
      });
    }
    return {
      ...presentIssue(rest, entries.length),
      sectionCount: sections.length,
      sections,
      recipients: recipients.map((link) => ({ id: link.recipient.id, name: link.recipient.name, position: link.position, receivedAt: link.receivedAt })),
    };
  }

  async create(dto: CreateIssueDto, user: AuthUser) {
    const masthead = await this.prisma.mastheadSettings.findUnique({ where: { key: 'default' } });
    if (!masthead) throw conflict('尚未设置刊头信息（主办、编辑出版等），请先由管理员设置。');
    const defaults = issueDefaultDates(dto.year, dto.month);
    const dates = { publicationDate: dto.publicationDate, coverageStart: dto.coverageStart ?? defaults.coverageStart, coverageEnd: dto.coverageEnd ?? defaults.coverageEnd };
    assertDatesAgree({ year: dto.year, month: dto.month, ...dates });
    return this.prisma.$transaction(async (tx) => {
      const issue = await tx.issue.create({
        data: {
          year: dto.year,
          month: dto.month,
          serialNumber: dto.serialNumber,
          title: dto.title ?? masthead.publicationTitle,
          compiler: dto.compiler ?? masthead.publisher,
          publicationDate: parseIsoDate(dates.publicationDate),
          coverageStart: parseIsoDate(dates.coverageStart),
          coverageEnd: parseIsoDate(dates.coverageEnd),
          deadline: dto.deadline ? parseIsoDate(dto.deadline) : undefined,
          mastheadId: masthead.id,
        },
      });
      // A new issue goes to the office's standing distribution list, in its set order.
      const units = await tx.recipientUnit.findMany({ where: { active: true }, orderBy: { position: 'asc' } });
      await tx.issueRecipient.createMany({ data: units.map((unit, index) => ({ issueId: issue.id, recipientId: unit.id, position: index })) });
      await this.search.index(tx, { issue: [issue.id] });
      await this.audit.record(tx, { actor: user, action: 'issue.create', entityType: 'issue', entityId: issue.id, after: issue });
      return presentIssue(issue, 0);
    });
  }

  async update(id: string, dto: UpdateIssueDto, user: AuthUser) {
    const before = await this.prisma.issue.findUnique({ where: { id } });
    if (!before) throw notFound('期刊', id);
    // Locked once signed off, frozen once published (the workflow library says which, and why).
    const decision = decide('issue', 'edit', before.status, user.roles, { label: issueLabel(before) });
    if (!decision.ok) throw refusalError(decision);
    const emptied = Object.entries(REQUIRED_ON_UPDATE).filter(([field]) => dto[field as keyof UpdateIssueDto] === null);
    if (emptied.length > 0) {
      throw invalid(`${emptied.map(([field, label]) => `${label}（${field}）`).join('、')}不能清空；只有截稿日期（deadline）可以用 null 清除。`);
    }
    const { version, publicationDate, coverageStart, coverageEnd, deadline, ...fields } = dto;
    // Judged on the issue as it would be after the save: a field left out keeps its value.
    assertDatesAgree({
      year: dto.year ?? before.year,
      month: dto.month ?? before.month,
      publicationDate: publicationDate ?? isoDate(before.publicationDate),
      coverageStart: coverageStart ?? isoDate(before.coverageStart),
      coverageEnd: coverageEnd ?? isoDate(before.coverageEnd),
    });
    return this.prisma.$transaction(async (tx) => {
      const updated = await tx.issue.updateMany({
        where: { id, version },
        data: {
          ...fields,
          publicationDate: publicationDate ? parseIsoDate(publicationDate) : undefined,
          coverageStart: coverageStart ? parseIsoDate(coverageStart) : undefined,
          coverageEnd: coverageEnd ? parseIsoDate(coverageEnd) : undefined,
          // null clears the deadline; left out, it stays.
          deadline: deadline === null ? null : deadline ? parseIsoDate(deadline) : undefined,
          version: { increment: 1 },
        },
      });
      if (updated.count === 0) {
        throw conflict(`该期刊已被他人修改（您读取的是第 ${version} 版，当前是第 ${before.version} 版），请刷新后再保存。`, { currentVersion: before.version });
      }
      await this.search.index(tx, { issue: [id] });
      const issue = await tx.issue.findUniqueOrThrow({ where: { id } });
      await this.audit.record(tx, { actor: user, action: 'issue.update', entityType: 'issue', entityId: id, before, after: issue });
      return presentIssue(issue);
    });
  }

  async remove(id: string, user: AuthUser) {
    const before = await this.prisma.issue.findUnique({ where: { id }, include: { _count: { select: { entries: true, renditions: true } } } });
    if (!before) throw notFound('期刊', id);
    if (before.status !== 'drafting') throw conflict(`总第${before.serialNumber}期已进入审核或发布流程，不能删除。`);
    if (before._count.renditions > 0) throw conflict(`总第${before.serialNumber}期已有排版文件，不能删除。`);
    const { _count, ...issue } = before;
    return this.prisma.$transaction(async (tx) => {
      await tx.entry.updateMany({ where: { issueId: id }, data: { issueId: null } });
      await tx.issue.delete({ where: { id } });
      await this.audit.record(tx, { actor: user, action: 'issue.delete', entityType: 'issue', entityId: id, before: issue });
      return presentIssue(issue, _count.entries);
    });
  }
}

/** 400 when the publication date or the coverage contradicts the year and month (libs/workflow issueDateProblems). */
function assertDatesAgree(issue: Parameters<typeof issueDateProblems>[0]) {
  const problems = issueDateProblems(issue);
  if (problems.length > 0) throw invalid(`期刊日期有误：${problems.join('')}`, { problems });
}
