import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import type { PrismaClient } from './generated/prisma/client';
import { loadIssueSnapshot, snapshotContentHash } from './issue-snapshot';
import { createPrismaClient } from './prisma-client';
import { createTestDatabase, type TestDatabase } from './testing';

/**
 * The snapshot the typesetter receives is read from the stored body HTML: what the editor
 * formatted (bold, lists, figures) is what the PDF prints.
 */
let database: TestDatabase;
let client: Client;
let prisma: PrismaClient;

const ids = { masthead: randomUUID(), section: randomUUID(), issue: randomUUID(), rich: randomUUID(), plain: randomUUID(), legacy: randomUUID() };

/** A 1 × 1 PNG header is enough for the snapshot's checks (the typesetter decodes it later). */
const PNG_BASE64 = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]),
  Buffer.from('IHDR', 'latin1'),
  Buffer.from([0, 0, 0, 1, 0, 0, 0, 1, 8, 2, 0, 0, 0, 0, 0, 0, 0]),
]).toString('base64');

const RICH_HTML =
  '<p>9月17日，区委书记<strong>王某某</strong>主持会议。</p><ol><li><p>加快项目建设；</p></li><li><p>优化营商环境。</p></li></ol>' +
  `<figure><img src="data:image/png;base64,${PNG_BASE64}"><figcaption>会议现场</figcaption></figure>` +
  '<figure><img src="https://example.com/a.jpg"><figcaption>网络图片</figcaption></figure><script>alert(1)</script>';

async function insertEntry(id: string, position: number, title: string, bodyHtml: string, bodyText: string): Promise<void> {
  await client.query(
    `INSERT INTO entries (id, issue_id, section_id, position, title, body_html, body_text, event_date, status, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, '2030-12-01', 'approved', now())`,
    [id, ids.issue, ids.section, position, title, bodyHtml, bodyText],
  );
}

beforeAll(async () => {
  database = await createTestDatabase();
  client = new Client({ connectionString: database.url });
  await client.connect();
  prisma = createPrismaClient(database.url);
  await client.query(
    `INSERT INTO masthead_settings (id, key, publication_title, notice, sponsor, publisher, phone, email, updated_at)
     VALUES ($1, 'default', '中原区大事月报', '（内部资料 注意保存）', '中原区人民政府', '中原区地方史志办公室', '0371-61290268', 'x@example.cn', now())`,
    [ids.masthead],
  );
  await client.query(`INSERT INTO sections (id, key, name, position) VALUES ($1, 'focus', '本期焦点', 1)`, [ids.section]);
  await client.query(
    `INSERT INTO issues (id, year, month, serial_number, title, compiler, publication_date, coverage_start, coverage_end, status, masthead_id, updated_at)
     VALUES ($1, 2031, 1, 6001, '中原区大事月报', '中原区地方史志办公室', '2031-01-15', '2030-12-01', '2030-12-31', 'drafting', $2, now())`,
    [ids.issue, ids.masthead],
  );
  await insertEntry(ids.rich, 0, '区委召开常委会会议', RICH_HTML, '（派生的纯文本）');
  await insertEntry(ids.plain, 1, '普通条目', '<p>第一段。</p><p>第二段。</p>', '第一段。\n\n第二段。');
  // A row written without HTML (older data, or a tool that only set body_text).
  await insertEntry(ids.legacy, 2, '只有纯文本的条目', '', '第一段。\n第二段。');
});

afterAll(async () => {
  await prisma?.$disconnect();
  await client?.end();
  await database?.drop();
});

it('gives every entry its body as blocks, from its HTML or else its plain text', async () => {
  const snapshot = await loadIssueSnapshot(prisma, ids.issue, 'proof', new Date('2031-01-10T00:00:00Z'));
  const entries = snapshot?.sections.flatMap((section) => section.entries);
  expect(entries).toEqual([
    {
      id: ids.rich,
      title: '区委召开常委会会议',
      blocks: [
        { type: 'paragraph', runs: [{ text: '9月17日，区委书记' }, { text: '王某某', bold: true }, { text: '主持会议。' }] },
        { type: 'list', ordered: true, items: [[{ text: '加快项目建设；' }], [{ text: '优化营商环境。' }]] },
        { type: 'figure', image: { kind: 'embedded', mediaType: 'image/png', base64: PNG_BASE64 }, caption: '会议现场' },
        { type: 'figure', image: { kind: 'omitted', reason: 'remote' }, caption: '网络图片' },
      ],
    },
    {
      id: ids.plain,
      title: '普通条目',
      blocks: [
        { type: 'paragraph', runs: [{ text: '第一段。' }] },
        { type: 'paragraph', runs: [{ text: '第二段。' }] },
      ],
    },
    {
      id: ids.legacy,
      title: '只有纯文本的条目',
      blocks: [
        { type: 'paragraph', runs: [{ text: '第一段。' }] },
        { type: 'paragraph', runs: [{ text: '第二段。' }] },
      ],
    },
  ]);
});

it('hashes the formatting too: making a word bold asks for a new rendition', async () => {
  const before = await loadIssueSnapshot(prisma, ids.issue, 'proof', new Date());
  await client.query(`UPDATE entries SET body_html = $2 WHERE id = $1`, [ids.plain, '<p><strong>第一段。</strong></p><p>第二段。</p>']);
  const after = await loadIssueSnapshot(prisma, ids.issue, 'proof', new Date());
  if (!before || !after) throw new Error('issue not found');
  expect(snapshotContentHash(after)).not.toBe(snapshotContentHash(before));
});

it('carries the office’s page numbering, from the cover unless the office chose otherwise', async () => {
  // The migration's default is the reference issue's scheme.
  const first = await loadIssueSnapshot(prisma, ids.issue, 'proof', new Date());
  expect(first?.masthead.pageNumbering).toBe('from-cover');
  await client.query(`UPDATE masthead_settings SET page_numbering = 'from-body' WHERE id = $1`, [ids.masthead]);
  const chosen = await loadIssueSnapshot(prisma, ids.issue, 'proof', new Date());
  expect(chosen?.masthead.pageNumbering).toBe('from-body');
  // Anything else is refused by the database itself.
  await expect(client.query(`UPDATE masthead_settings SET page_numbering = 'roman' WHERE id = $1`, [ids.masthead])).rejects.toThrow(/page_numbering_check/);
  await client.query(`UPDATE masthead_settings SET page_numbering = 'from-cover' WHERE id = $1`, [ids.masthead]);
});

it('names the entry’s photographers, in byline order, for the photo credits', async () => {
  const people = [randomUUID(), randomUUID(), randomUUID()];
  const names = ['王云翔', '李云凯', '王慧娟'];
  for (const [i, id] of people.entries()) {
    await client.query(`INSERT INTO contributors (id, name, role) VALUES ($1, $2, $3)`, [id, names[i], i === 2 ? 'reporter' : 'photographer']);
  }
  // 王云翔 before 李云凯 as the editor gave them (not by name), the reporter left out.
  await client.query(
    `INSERT INTO entry_contributors (entry_id, contributor_id, role, position) VALUES ($1, $2, 'photographer', 0), ($1, $3, 'photographer', 1), ($1, $4, 'reporter', 2)`,
    [ids.rich, people[0], people[1], people[2]],
  );
  const snapshot = await loadIssueSnapshot(prisma, ids.issue, 'proof', new Date());
  const entries = snapshot?.sections.flatMap((section) => section.entries) ?? [];
  expect(entries.map((e) => e.photographers)).toEqual([['王云翔', '李云凯'], undefined, undefined]);
});
