import { verify } from '@node-rs/argon2';
import { createPrismaClient, type PrismaClient } from '@dsyb/db';
import { createTestDatabase, type TestDatabase } from '../libs/db/src/testing';
import reference from './reference-issue-097.json';
import { seedDatabase } from './seed';

// Hashing three demo passwords with argon2id and writing 27 entries takes a few seconds on a
// busy 2-core machine: more than Jest's default 5 s.
jest.setTimeout(30_000);

let database: TestDatabase;
let prisma: PrismaClient;

beforeAll(async () => {
  database = await createTestDatabase();
  prisma = createPrismaClient(database.url);
});

afterAll(async () => {
  await prisma?.$disconnect();
  await database?.drop();
});

it('seeds the reference issue with its entries in print order, sections, recipients and demo users', async () => {
  await seedDatabase(prisma, 'secret-for-test');
  const issue = await prisma.issue.findUniqueOrThrow({
    where: { serialNumber: 97 },
    include: {
      entries: { include: { section: true }, orderBy: [{ section: { position: 'asc' } }, { position: 'asc' }] },
      recipients: { include: { recipient: true }, orderBy: { position: 'asc' } },
      masthead: true,
    },
  });
  expect([issue.title, issue.year, issue.month, issue.compiler]).toEqual(['中原区大事月报', 2020, 10, '中原区地方史志办公室']);
  expect(issue.publicationDate.toISOString().slice(0, 10)).toBe('2020-10-15');
  expect(issue.entries.map((entry) => entry.title)).toEqual(reference.entries.map((entry) => entry.title));
  expect([...new Set(issue.entries.map((entry) => entry.section.name))]).toEqual(['本期焦点', '时政要点', '创文看点', '经济热点', '文化亮点', '民生视点']);
  expect(issue.recipients.map((link) => link.recipient.name)).toEqual(reference.recipients.map((unit) => unit.name));
  expect(issue.masthead).toMatchObject({ sponsor: '中原区人民政府', publisher: '中原区地方史志办公室', phone: '0371-61290268', email: 'zyqdfzyyy@163.com' });
  const editor = await prisma.user.findUniqueOrThrow({ where: { username: 'editor' } });
  expect(editor.roles).toEqual(['editor']);
  expect(editor.passwordHash.startsWith('$argon2id$')).toBe(true);
  await expect(verify(editor.passwordHash, 'secret-for-test')).resolves.toBe(true);
});

it('changes nothing when run a second time', async () => {
  const snapshot = async () => ({
    issues: await prisma.issue.findMany({ orderBy: { id: 'asc' } }),
    entries: await prisma.entry.findMany({ orderBy: { id: 'asc' } }),
    users: await prisma.user.findMany({ orderBy: { id: 'asc' } }),
    sections: await prisma.section.findMany({ orderBy: { id: 'asc' } }),
    recipients: await prisma.recipientUnit.findMany({ orderBy: { id: 'asc' } }),
    masthead: await prisma.mastheadSettings.findMany(),
  });
  const before = await snapshot();
  await seedDatabase(prisma, 'another-password');
  expect(await snapshot()).toEqual(before);
});
