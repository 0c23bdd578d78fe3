import type { PrismaService } from '../prisma/prisma.service';

/**
 * A record's way through review, as the audit trail recorded it: who (the name people know, 编辑
 * 李明, not the login name the event keeps), when, which action, the state reached and the
 * comment of a return.
 */
export async function workflowHistory(prisma: PrismaService, entityType: string, id: string) {
  const events = await prisma.auditEvent.findMany({
    where: { entityType, entityId: id },
    orderBy: { id: 'asc' },
    select: { id: true, action: true, actorId: true, actorName: true, actor: { select: { displayName: true } }, after: true, createdAt: true },
  });
  return events.map(({ after, id: eventId, actor, ...event }) => {
    const details = after && typeof after === 'object' && !Array.isArray(after) ? after : {};
    return {
      ...event,
      actorName: actor?.displayName ?? event.actorName,
      id: eventId.toString(),
      status: typeof details.status === 'string' ? details.status : null,
      comment: typeof details.comment === 'string' ? details.comment : null,
    };
  });
}
