import { randomBytes } from 'node:crypto';
import type { EntryBlock, IssueSnapshot } from '@dsyb/domain';
import { Client } from 'pg';
import type { PrismaClient } from './generated/prisma/client';
import { readStoredSnapshot, storedSnapshotOf, storeIssueSnapshot } from './issue-snapshot-store';
import { createPrismaClient } from './prisma-client';
import { createTestDatabase, type TestDatabase } from './testing';

/**
 * A rendition keeps the snapshot it was requested with; its figures are kept once each in
 * snapshot_images and read back byte for byte, whatever happens to the entries afterwards.
 */
// A fresh database and the Prisma client's first queries: more than Jest's 5 s on a busy machine.
jest.setTimeout(30_000);

let database: TestDatabase;
let client: Client;
let prisma: PrismaClient;

beforeAll(async () => {
  database = await createTestDatabase();
  client = new Client({ connectionString: database.url });
  await client.connect();
  prisma = createPrismaClient(database.url);
});

afterAll(async () => {
  await prisma?.$disconnect();
  await client?.end();
  await database?.drop();
});

/** Bytes that stand for a photo (the store does not decode them; the typesetter checks them). */
const photo = (size: number) => randomBytes(size).toString('base64');

function snapshotWith(blocks: EntryBlock[]): IssueSnapshot {
  return {
    issueId: '00000000-0000-4000-8000-000000000001',
    year: 2020,
    month: 10,
    serialNumber: 97,
    compiler: '中原区地方史志办公室',
    publicationDate: '2020-10-15',
    masthead: { publicationTitle: '中原区大事月报', notice: '(内部资料 注意保存)', sponsor: '主办', publisher: '编辑出版', phone: '1', email: 'a@b.c' },
    sections: [
      { key: 'focus', name: '本期焦点', entries: [{ id: 'e1', title: '有图的条目', blocks }, { id: 'e2', title: '纯文本条目', paragraphs: ['9月1日，……'] }] },
    ],
    recipients: ['区委办公室'],
    kind: 'proof',
    renderedAt: '2020-10-01T08:00:00.000Z',
  };
}

const imageRows = async () => (await client.query<{ sha256: string; bytes: number }>('SELECT sha256, length(bytes) AS bytes FROM snapshot_images ORDER BY sha256')).rows;

it('keeps each figure once, outside the snapshot, and reads the snapshot back as it was requested', async () => {
  const first = photo(300_000);
  const second = photo(1000);
  const snapshot = snapshotWith([
    { type: 'paragraph', runs: [{ text: '9月17日，', bold: true }, { text: '开园。' }] },
    { type: 'figure', image: { kind: 'embedded', mediaType: 'image/jpeg', base64: first }, caption: '开园现场' },
    { type: 'figure', image: { kind: 'embedded', mediaType: 'image/png', base64: second }, caption: '' },
    { type: 'figure', image: { kind: 'embedded', mediaType: 'image/jpeg', base64: first }, caption: '同一张照片' },
    { type: 'figure', image: { kind: 'omitted', reason: 'remote' }, caption: '网络图片' },
  ]);

  const stored = await prisma.$transaction((tx) => storeIssueSnapshot(tx, snapshot));
  const json = JSON.stringify(stored);
  expect(json).not.toContain(first.slice(0, 100));
  expect(json.length).toBeLessThan(5000);
  expect(await imageRows()).toHaveLength(2);

  // Asking again stores no image twice.
  await storeIssueSnapshot(prisma, snapshot);
  expect((await imageRows()).map((row) => row.bytes).sort((a, b) => a - b)).toEqual([1000, 300_000]);

  // What the worker reads: the JSON column as PostgreSQL returns it.
  const { rows: [row] } = await client.query<{ value: unknown }>('SELECT $1::jsonb AS value', [json]);
  const readBack = await readStoredSnapshot(prisma, storedSnapshotOf(row.value)!);
  expect(readBack).toEqual(JSON.parse(JSON.stringify(snapshot)));
});

it('refuses to change or delete a stored image', async () => {
  await storeIssueSnapshot(prisma, snapshotWith([{ type: 'figure', image: { kind: 'embedded', mediaType: 'image/png', base64: photo(10) }, caption: '' }]));
  const [{ sha256 }] = await imageRows();
  await expect(client.query(`UPDATE snapshot_images SET bytes = '\\x00' WHERE sha256 = $1`, [sha256])).rejects.toThrow('排版内容中的图片一经保存不能修改或删除');
  await expect(client.query('DELETE FROM snapshot_images WHERE sha256 = $1', [sha256])).rejects.toThrow('排版内容中的图片一经保存不能修改或删除');
});

it('recognises a rendition without a stored snapshot', () => {
  expect(storedSnapshotOf(null)).toBeUndefined();
  expect(storedSnapshotOf({ other: 1 })).toBeUndefined();
});
