import { Controller, Get, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import type { Prisma } from '@dsyb/db';
import { Roles } from '../auth/auth.decorators';
import { invalid } from '../common/domain-errors';
import { contentRange, idsFilter, parseListQuery, type ListQueryInput, type ListSpec } from '../common/list-query';
import { PrismaService } from '../prisma/prisma.service';

const AUDIT_LIST: ListSpec = {
  sortable: ['createdAt', 'action', 'entityType'],
  defaultSort: ['createdAt', 'desc'],
  filters: { action: 'string', entityType: 'string', entityId: 'string', actorId: 'ids', createdAt_gte: 'string', createdAt_lte: 'string', q: 'string' },
};

interface AuditFilter { action: string; entityType: string; entityId: string; actorId: string | string[]; createdAt_gte: string; createdAt_lte: string; q: string }

function timestamp(name: string, value: string | undefined): Date | undefined {
  if (value === undefined) return undefined;
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) throw invalid(`参数 filter 的 ${name} 不是有效的时间：${value}`);
  return date;
}

/** The audit trail, read-only: admins list and filter it. */
@ApiTags('audit')
@ApiBearerAuth()
@Roles('admin')
@Controller('audit-events')
export class AuditEventsController {
  constructor(private readonly prisma: PrismaService) {}

  @Get()
  async list(@Query() input: ListQueryInput, @Res({ passthrough: true }) response: Response) {
    const query = parseListQuery<AuditFilter>(input, AUDIT_LIST);
    const { action, entityType, entityId, q } = query.filter;
    const from = timestamp('createdAt_gte', query.filter.createdAt_gte);
    const to = timestamp('createdAt_lte', query.filter.createdAt_lte);
    const where: Prisma.AuditEventWhereInput = {
      action: action ? { startsWith: action } : undefined,
      entityType,
      entityId,
      actorId: idsFilter(query.filter.actorId),
      createdAt: from || to ? { gte: from, lte: to } : undefined,
      ...(q ? { OR: [{ actorName: { contains: q, mode: 'insensitive' } }, { action: { contains: q } }] } : {}),
    };
    const [rows, total] = await Promise.all([
      this.prisma.auditEvent.findMany({ where, orderBy: { [query.sortField]: query.sortOrder }, skip: query.skip, take: query.take }),
      this.prisma.auditEvent.count({ where }),
    ]);
    response.setHeader('Content-Range', contentRange('audit-events', query, rows.length, total));
    // BigInt ids do not serialise to JSON; react-admin only needs them as opaque strings.
    return rows.map((row) => ({ ...row, id: row.id.toString() }));
  }
}
