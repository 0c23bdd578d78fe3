import { Injectable } from '@nestjs/common';
import type { Prisma } from '@dsyb/db';
import { idsFilter, type ListQuery, type ListSpec } from '../common/list-query';
import { PrismaService } from '../prisma/prisma.service';
import { auditEventInsert, type AuditRecord } from '@dsyb/db';

/** Anything that can run a statement: the Prisma client, or the caller's transaction. */
type AuditClient = Pick<Prisma.TransactionClient, '$executeRaw'>;

export const AUDIT_LIST: ListSpec = {
  sortable: ['createdAt', 'action', 'entityType'],
  defaultSort: ['createdAt', 'desc'],
  filters: { action: 'string', entityType: 'string', entityId: 'string', actorId: 'ids', createdAt_gte: 'timestamp', createdAt_lte: 'timestamp', q: 'string' },
};

export interface AuditFilter { action: string; entityType: string; entityId: string; actorId: string | string[]; createdAt_gte: string; createdAt_lte: string; q: string }

/** A `timestamp` filter, already checked by parseListQuery. */
const timestamp = (value: string | undefined): Date | undefined => (value === undefined ? undefined : new Date(value));

/** Append-only audit trail; callers pass their transaction client so the event commits with the change. */
@Injectable()
export class AuditService {
  constructor(private readonly prisma: PrismaService) {}

  async record(client: AuditClient, record: AuditRecord): Promise<void> {
    await client.$executeRaw(auditEventInsert(record));
  }

  async list(query: ListQuery<Partial<AuditFilter>>) {
    const { action, entityType, entityId, q } = query.filter;
    const from = timestamp(query.filter.createdAt_gte);
    const to = timestamp(query.filter.createdAt_lte);
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
    // BigInt ids do not serialise to JSON; react-admin only needs them as opaque strings.
    return { rows: rows.map((row) => ({ ...row, id: row.id.toString() })), total };
  }
}
