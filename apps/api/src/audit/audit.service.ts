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
  return value === undefined ? undefined : (JSON.parse(JSON.stringify(value)) as Prisma.InputJsonValue);
}
