import type { PrismaClient } from '@dsyb/db';
import type { Client } from 'pg';
import { openTestDatabase, type OpenTestDatabase } from '../../../../libs/db/src/testing';
import { recordEntryRevision } from './entry-revisions';

/** An entry's revision as written to a real PostgreSQL with the real migrations, its sessions in Beijing time. */
let prisma: PrismaClient;
let client: Client;
let opened: OpenTestDatabase;

beforeAll(async () => {
  opened = await openTestDatabase({ timezone: 'Asia/Shanghai' });
  ({ prisma, client } = opened);
});

afterAll(() => opened?.close());

it('keeps the entry as it is, who saved it and when', async () => {
  const user = await prisma.user.create({ data: { username: 'liming', displayName: '李明', passwordHash: 'x', roles: ['editor'] } });
  const section = await prisma.section.create({ data: { key: 'important', name: '要事', position: 0 } });
  const entry = await prisma.entry.create({
    data: {
      sectionId: section.id,
      title: '区委常委会议召开',
      bodyHtml: '<p>会议<strong>部署</strong>工作。</p>',
      bodyText: '会议部署工作。',
      eventDate: new Date('2026-09-17T00:00:00Z'),
      eventDatePrecision: 'day',
      status: 'submitted',
      version: 3,
    },
  });
  const at = new Date('2026-10-08T01:30:00.250Z');
  await recordEntryRevision(prisma, entry.id, user, at);
  const revision = await prisma.entryRevision.findUniqueOrThrow({ where: { entryId_version: { entryId: entry.id, version: 3 } } });
  expect(revision).toMatchObject({
    title: '区委常委会议召开',
    bodyHtml: '<p>会议<strong>部署</strong>工作。</p>',
    bodyText: '会议部署工作。',
    eventDate: new Date('2026-09-17T00:00:00Z'),
    eventDatePrecision: 'day',
    sectionId: section.id,
    status: 'submitted',
    authorId: user.id,
  });
  // Read with pg: Prisma's pg adapter reads timestamptz as if the session ran in UTC.
  const stored = await client.query<{ created_at: Date }>('SELECT created_at FROM entry_revisions WHERE id = $1', [revision.id]);
  expect(stored.rows[0].created_at.toISOString()).toBe(at.toISOString());
});
