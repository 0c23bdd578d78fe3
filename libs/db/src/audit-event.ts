import { createHash } from 'node:crypto';
import { Prisma } from './generated/prisma/client';

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
