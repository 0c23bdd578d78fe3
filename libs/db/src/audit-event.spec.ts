import { Prisma, type PrismaClient } from './generated/prisma/client';
import { openTestDatabase, type OpenTestDatabase } from './testing';
import type { Client } from 'pg';
import { auditEventInsert } from './audit-event';

/**
 * The audit row as written to a real PostgreSQL with the real migrations, in a database whose
 * sessions run in Beijing time, as an office server may be set up.
 */
let prisma: PrismaClient;
let client: Client;
let opened: OpenTestDatabase;

beforeAll(async () => {
  opened = await openTestDatabase({ timezone: 'Asia/Shanghai' });
  ({ prisma, client } = opened);
});

afterAll(() => opened?.close());

async function events(action: string) {
  const result = await client.query<{ actor_name: string; entity_id: string; after: unknown; created_at: Date }>(
    'SELECT actor_name, entity_id, after, created_at FROM audit_events WHERE action = $1 ORDER BY id',
    [action],
  );
  return result.rows;
}

it('keeps the moment of the change, whatever the time zone of the database session', async () => {
  const at = new Date('2026-10-08T01:30:00.250Z');
  await prisma.$executeRaw(auditEventInsert({ actorName: '李明', action: 'test.moment', entityType: 'entry', entityId: 'e1', after: { title: '甲' }, at }));
  const [event] = await events('test.moment');
  expect(event.created_at.toISOString()).toBe(at.toISOString());
  expect(event).toMatchObject({ actor_name: '李明', entity_id: 'e1', after: { title: '甲' } });
});

it('writes one event per row of the relation it is given, and none when that is empty (a save that wrote nothing)', async () => {
  const record = { actorName: '李明', action: 'test.from', entityType: 'entry' };
  await prisma.$executeRaw`WITH saved AS (SELECT 1 WHERE false) ${auditEventInsert(record, Prisma.raw('saved'))}`;
  expect(await events('test.from')).toHaveLength(0);
  await prisma.$executeRaw`WITH saved AS (SELECT 1) ${auditEventInsert(record, Prisma.raw('saved'))}`;
  expect(await events('test.from')).toHaveLength(1);
});
