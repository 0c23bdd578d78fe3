import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { Prisma } from '@dsyb/db';
import { invalid } from '../common/domain-errors';
import { idsFilter, type ListQuery, type ListSpec } from '../common/list-query';
import { PrismaService } from '../prisma/prisma.service';

/** Anything that can run a statement: the Prisma client, or the caller's transaction. */
type AuditClient = Pick<Prisma.TransactionClient, '$executeRaw'>;

export interface AuditRecord {
  actor?: { id: string; username?: string; displayName?: string };
  actorName?: string;
  action: string;
  entityType: string;
  entityId?: string;
  before?: unknown;
  after?: unknown;
  ip?: string;
  /** When it happened; now unless the change it records carries its own time. */
  at?: Date;
}

/**
 * The one definition of an audit_events row. `from` names a relation (a CTE of the caller's
 * statement) so that the event is written once per row it holds: the entry save writes its
 * event in the statement that writes the entry, and only when the entry was written.
 */
export function auditEventInsert(record: AuditRecord, from?: Prisma.Sql): Prisma.Sql {
  const json = (value: unknown) => (value === undefined ? null : auditJson(value));
  return Prisma.sql`
    INSERT INTO audit_events (actor_id, actor_name, action, entity_type, entity_id, before, after, ip, created_at)
    SELECT ${record.actor?.id ?? null}::uuid, ${record.actorName ?? record.actor?.username ?? null}::text, ${record.action}::text, ${record.entityType}::text,
           ${record.entityId ?? null}::text, ${json(record.before)}::jsonb, ${json(record.after)}::jsonb, ${record.ip ?? null}::text, ${(record.at ?? new Date()).toISOString()}::timestamptz
    ${from ? Prisma.sql`FROM ${from}` : Prisma.empty}`;
}

export const AUDIT_LIST: ListSpec = {
  sortable: ['createdAt', 'action', 'entityType'],
  defaultSort: ['createdAt', 'desc'],
  filters: { action: 'string', entityType: 'string', entityId: 'string', actorId: 'ids', createdAt_gte: 'string', createdAt_lte: 'string', q: 'string' },
};

export interface AuditFilter { action: string; entityType: string; entityId: string; actorId: string | string[]; createdAt_gte: string; createdAt_lte: string; q: string }

function timestamp(name: string, value: string | undefined): Date | undefined {
  if (value === undefined) return undefined;
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) throw invalid(`参数 filter 的 ${name} 不是有效的时间：${value}`);
  return date;
}

/** Append-only audit trail; callers pass their transaction client so the event commits with the change. */
@Injectable()
export class AuditService {
  constructor(private readonly prisma: PrismaService) {}

  async record(client: AuditClient, record: AuditRecord): Promise<void> {
    await client.$executeRaw(auditEventInsert(record));
  }

  async list(query: ListQuery<Partial<AuditFilter>>) {
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
    // BigInt ids do not serialise to JSON; react-admin only needs them as opaque strings.
    return { rows: rows.map((row) => ({ ...row, id: row.id.toString() })), total };
  }
}

const EMBEDDED_FILE = /data:([\w/+.-]+);base64,([A-Za-z0-9+/=]{1000,})/g;

/**
 * An audit event's before/after as JSON, with files embedded in rich text (photos as data:
 * URLs, megabytes each) replaced by their type, size and SHA-256: the event says what changed,
 * and the entry's revisions keep the content itself.
 */
export function auditJson(value: unknown): string {
  return JSON.stringify(value, (_key, item: unknown) =>
    typeof item === 'string' && item.length > 1000
      ? item.replace(EMBEDDED_FILE, (_match, type: string, data: string) => {
          const bytes = Buffer.from(data, 'base64');
          return `data:${type};sha256=${createHash('sha256').update(bytes).digest('hex')};bytes=${bytes.length}`;
        })
      : item,
  );
}
