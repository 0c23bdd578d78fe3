import { hash } from '@node-rs/argon2';
import { loadSeedConfig } from '@dsyb/config';
import { createPrismaClient, type PrismaClient, type Role } from '@dsyb/db';
import { parseIsoDate } from '@dsyb/domain';
import { readDictionary, reindexAll, Segmenter } from '@dsyb/search';
import reference from './reference-issue-097.json';

/**
 * Seeds the reference issue (总第97期, October 2020) with its sections, entries, recipient
 * units and masthead, plus the demo users. Seeding twice changes nothing: every record is
 * found by its natural key first and left alone when it exists.
 */
export const DEMO_USERS: { username: string; displayName: string; roles: Role[] }[] = [
  { username: 'admin', displayName: '系统管理员', roles: ['admin'] },
  { username: 'editor', displayName: '编辑 李明', roles: ['editor'] },
  { username: 'reviewer', displayName: '审核 王芳', roles: ['reviewer'] },
];

const escapeHtml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

export interface SeedSummary {
  issues: number;
  entries: number;
  usersCreated: number;
}

export async function seedDatabase(prisma: PrismaClient, demoPassword: string): Promise<SeedSummary> {
  const { issue: cover, masthead: mastheadData, sections, entries, recipients } = reference;

  const masthead =
    (await prisma.mastheadSettings.findUnique({ where: { key: 'default' } })) ??
    (await prisma.mastheadSettings.create({ data: { key: 'default', ...mastheadData } }));

  const sectionIds = new Map<string, string>();
  for (const [position, section] of sections.entries()) {
    const existing = await prisma.section.findUnique({ where: { key: section.key } });
    const row = existing ?? (await prisma.section.create({ data: { key: section.key, name: section.name, position } }));
    sectionIds.set(section.key, row.id);
  }

  const recipientIds: string[] = [];
  for (const [position, unit] of recipients.entries()) {
    const existing = await prisma.recipientUnit.findUnique({ where: { name: unit.name } });
    const row = existing ?? (await prisma.recipientUnit.create({ data: { name: unit.name, category: unit.category, position } }));
    recipientIds.push(row.id);
  }

  let usersCreated = 0;
  for (const user of DEMO_USERS) {
    if (await prisma.user.findUnique({ where: { username: user.username } })) continue;
    const passwordHash = await hash(demoPassword); // argon2id
    await prisma.user.create({ data: { ...user, passwordHash } });
    usersCreated += 1;
  }

  const existingIssue = await prisma.issue.findUnique({ where: { serialNumber: cover.serialNumber } });
  if (!existingIssue) {
    await prisma.$transaction(async (tx) => {
      const issue = await tx.issue.create({
        data: {
          year: cover.year,
          month: cover.month,
          serialNumber: cover.serialNumber,
          title: cover.title,
          compiler: cover.compiler,
          publicationDate: parseIsoDate(cover.publicationDate),
          coverageStart: parseIsoDate(cover.coverageStart),
          coverageEnd: parseIsoDate(cover.coverageEnd),
          // The reference issue went out in October 2020: it is seeded as signed off, every entry approved.
          status: 'approved',
          mastheadId: masthead.id,
        },
      });
      const positions = new Map<string, number>();
      for (const entry of entries) {
        const sectionId = sectionIds.get(entry.section);
        if (!sectionId) throw new Error(`seed entry "${entry.title}" names unknown section ${entry.section}`);
        const position = positions.get(sectionId) ?? 0;
        positions.set(sectionId, position + 1);
        const created = await tx.entry.create({
          data: {
            issueId: issue.id,
            sectionId,
            position,
            title: entry.title,
            bodyText: entry.paragraphs.join('\n\n'),
            bodyHtml: entry.paragraphs.map((paragraph) => `<p>${escapeHtml(paragraph)}</p>`).join(''),
            eventDate: parseIsoDate(entry.eventDate),
            eventDatePrecision: entry.eventDatePrecision as 'day' | 'month',
            status: 'approved',
          },
        });
        await tx.entryRevision.create({
          data: {
            entryId: created.id,
            version: created.version,
            title: created.title,
            bodyHtml: created.bodyHtml,
            bodyText: created.bodyText,
            eventDate: created.eventDate,
            eventDatePrecision: created.eventDatePrecision,
            sectionId,
            status: created.status,
          },
        });
      }
      await tx.issueRecipient.createMany({ data: recipientIds.map((recipientId, position) => ({ issueId: issue.id, recipientId, position })) });
      await tx.auditEvent.create({ data: { actorName: 'seed', action: 'issue.seed', entityType: 'issue', entityId: issue.id } });
    });
  }

  // Every document gets its search words: the ones seeded now, and any a database had before
  // search existed (this runs at every start, after the migrations).
  await reindexAll(prisma, new Segmenter(await readDictionary(prisma)), { onlyMissing: true });

  return { issues: await prisma.issue.count(), entries: await prisma.entry.count(), usersCreated };
}

async function main(): Promise<void> {
  const { databaseUrl, demoPassword } = loadSeedConfig();
  const prisma = createPrismaClient(databaseUrl);
  try {
    const summary = await seedDatabase(prisma, demoPassword);
    console.log(`种子数据就绪：${summary.issues} 期，${summary.entries} 条条目，新建演示用户 ${summary.usersCreated} 个。`);
  } finally {
    await prisma.$disconnect();
  }
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
