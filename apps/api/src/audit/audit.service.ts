import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { Prisma } from '@dsyb/db';

type AuditClient = { auditEvent: { create(args: { data: Prisma.AuditEventUncheckedCreateInput }): Promise<unknown> } };

export interface AuditRecord {
  actor?: { id: string; username?: string; displayName?: string };
  actorName?: string;
  action: string;
  entityType: string;
  entityId?: string;
  before?: unknown;
  after?: unknown;
  ip?: string;
}

/** Append-only audit trail; callers pass their transaction client so the event commits with the change. */
@Injectable()
export class AuditService {
  async record(client: AuditClient, record: AuditRecord): Promise<void> {
    await client.auditEvent.create({
      data: {
        actorId: record.actor?.id,
        actorName: record.actorName ?? record.actor?.username,
        action: record.action,
        entityType: record.entityType,
        entityId: record.entityId,
        before: toJson(record.before),
        after: toJson(record.after),
        ip: record.ip,
      },
    });
  }
}

function toJson(value: unknown): Prisma.InputJsonValue | undefined {
  return value === undefined ? undefined : (JSON.parse(auditJson(value)) as Prisma.InputJsonValue);
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
