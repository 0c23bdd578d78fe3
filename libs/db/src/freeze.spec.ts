import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { createTestDatabase, type TestDatabase } from './testing';

/**
 * The database itself keeps a published issue frozen and the audit trail append-only
 * (migration 20261123100000_freeze_published), whoever writes: these statements are raw SQL,
 * as a script or another service would send them, not calls through the API.
 */
let database: TestDatabase;
let client: Client;

const ids = {
  masthead: randomUUID(),
  section: randomUUID(),
  unitA: randomUUID(),
  unitB: randomUUID(),
  user: randomUUID(),
  published: randomUUID(),
  drafting: randomUUID(),
  frozenEntry: randomUUID(),
  draftEntry: randomUUID(),
  looseEntry: randomUUID(),
  source: randomUUID(),
  finalDone: randomUUID(),
  finalQueued: randomUUID(),
  proof: randomUUID(),
  reporter: randomUUID(),
  photographer: randomUUID(),
  frozenRevision: randomUUID(),
  departedAuthor: randomUUID(),
  departedRevision: randomUUID(),
  draftRevision: randomUUID(),
};

async function sql(text: string, params: unknown[] = []): Promise<number> {
  return (await client.query(text, params)).rowCount ?? 0;
}

/** The statement fails with the trigger's SQLSTATE and a message in Chinese a person can act on. */
async function expectRefused(text: string, params: unknown[], message: RegExp, code = 'ZF001'): Promise<void> {
  await expect(client.query(text, params)).rejects.toMatchObject({ code, message: expect.stringMatching(message) });
}

async function insertIssue(id: string, serial: number, month: number, status: string): Promise<void> {
  await sql(
    `INSERT INTO issues (id, year, month, serial_number, title, compiler, publication_date, coverage_start, coverage_end, status, masthead_id, updated_at)
     VALUES ($1, 2031, $2, $3, '中原区大事月报', '中原区地方史志办公室', '2031-01-15', '2030-12-01', '2030-12-31', $4, $5, now())`,
    [id, month, serial, status, ids.masthead],
  );
}

async function insertEntry(id: string, issueId: string | null, title: string, status = 'approved'): Promise<void> {
  await sql(
    `INSERT INTO entries (id, issue_id, section_id, title, body_text, event_date, status, source_id, updated_at)
     VALUES ($1, $2, $3, $4, '12月1日，正文。', '2030-12-01', $5, $6, now())`,
    [id, issueId, ids.section, title, status, issueId === ids.published ? ids.source : null],
  );
}

/** A saved version of the entry as it is now, numbered `version`. */
async function insertRevision(id: string, entryId: string, authorId: string, version: number): Promise<void> {
  await sql(
    `INSERT INTO entry_revisions (id, entry_id, version, title, body_html, body_text, event_date, event_date_precision, section_id, status, author_id)
     SELECT $1, id, $4, title, body_html, body_text, event_date, event_date_precision, section_id, status, $3 FROM entries WHERE id = $2`,
    [id, entryId, authorId, version],
  );
}

async function insertRendition(id: string, kind: string, status: string): Promise<void> {
  await sql(
    `INSERT INTO renditions (id, issue_id, kind, status, content_hash, issue_revision, sha256, storage_key)
     VALUES ($1, $2, $3, $4, $5, 1, $6, $7)`,
    [id, ids.published, kind, status, randomUUID(), status === 'done' ? 'a'.repeat(64) : null, status === 'done' ? `issues/${id}.pdf` : null],
  );
}

beforeAll(async () => {
  database = await createTestDatabase();
  client = new Client({ connectionString: database.url });
  await client.connect();
  await sql(
    `INSERT INTO masthead_settings (id, key, publication_title, notice, sponsor, publisher, phone, email, updated_at)
     VALUES ($1, 'default', '中原区大事月报', '（内部资料 注意保存）', '中原区人民政府', '中原区地方史志办公室', '0371-61290268', 'x@example.cn', now())`,
    [ids.masthead],
  );
  await sql(`INSERT INTO sections (id, key, name, position) VALUES ($1, 'politics', '时政要点', 1)`, [ids.section]);
  await sql(`INSERT INTO recipient_units (id, name, category, position) VALUES ($1, '区委办公室', '区委', 1), ($2, '区政府办公室', '区政府', 2)`, [ids.unitA, ids.unitB]);
  await sql(`INSERT INTO users (id, username, display_name, password_hash, roles, updated_at) VALUES ($1, 'reviewer2', '审核二', 'x', '{reviewer}', now())`, [ids.user]);
  await sql(`INSERT INTO source_articles (id, newspaper, headline, text, updated_at) VALUES ($1, '中原报', '标题', '本报讯', now())`, [ids.source]);

  // Everything is written while the issue is still signed off only, then it is published.
  await insertIssue(ids.published, 5001, 1, 'approved');
  await insertIssue(ids.drafting, 5002, 2, 'drafting');
  await insertEntry(ids.frozenEntry, ids.published, '区委召开常委会会议');
  await insertEntry(ids.draftEntry, ids.drafting, '区政协开展专题视察', 'draft');
  await insertEntry(ids.looseEntry, null, '尚未编入期刊的条目', 'draft');
  await sql(`INSERT INTO contributors (id, name, role) VALUES ($1, '韩娟', 'reporter'), ($2, '王伟', 'photographer')`, [ids.reporter, ids.photographer]);
  await sql(`INSERT INTO entry_contributors (entry_id, contributor_id, role) VALUES ($1, $2, 'reporter'), ($3, $2, 'reporter')`, [ids.frozenEntry, ids.reporter, ids.draftEntry]);
  await insertRevision(ids.frozenRevision, ids.frozenEntry, ids.user, 1);
  await sql(`INSERT INTO users (id, username, display_name, password_hash, roles, updated_at) VALUES ($1, 'former', '离职编辑', 'x', '{editor}', now())`, [ids.departedAuthor]);
  await insertRevision(ids.departedRevision, ids.frozenEntry, ids.departedAuthor, 2);
  await insertRevision(ids.draftRevision, ids.draftEntry, ids.user, 1);
  await sql(`INSERT INTO issue_recipients (issue_id, recipient_id, position) VALUES ($1, $2, 0)`, [ids.published, ids.unitA]);
  await insertRendition(ids.finalDone, 'final', 'done');
  await insertRendition(ids.finalQueued, 'final', 'queued');
  await insertRendition(ids.proof, 'proof', 'done');
  await sql(`UPDATE issues SET status = 'published', published_at = now(), version = version + 1 WHERE id = $1`, [ids.published]);
});

afterAll(async () => {
  await client?.end();
  await database?.drop();
});

describe('a published issue', () => {
  it('cannot be edited, unpublished or deleted', async () => {
    await expectRefused(`UPDATE issues SET title = '改过的标题' WHERE id = $1`, [ids.published], /^总第5001期已发布，内容已冻结，不能修改/);
    await expectRefused(`UPDATE issues SET status = 'approved' WHERE id = $1`, [ids.published], /总第5001期已发布/);
    await expectRefused(`UPDATE issues SET published_at = NULL WHERE id = $1`, [ids.published], /总第5001期已发布/);
    await expectRefused(`DELETE FROM issues WHERE id = $1`, [ids.published], /^总第5001期已发布，内容已冻结，不能删除/);
    const { rows } = await client.query(`SELECT title, status FROM issues WHERE id = $1`, [ids.published]);
    expect(rows).toEqual([{ title: '中原区大事月报', status: 'published' }]);
  });

  it('takes a correction only as the next revision, and only once its reason is recorded', async () => {
    await expectRefused(`UPDATE issues SET revision = 2 WHERE id = $1`, [ids.published], /勘误/);
    await sql(`INSERT INTO issue_corrections (id, issue_id, revision, reason) VALUES ($1, $2, 2, '第3页条目日期有误')`, [randomUUID(), ids.published]);
    await expectRefused(`UPDATE issues SET revision = 3 WHERE id = $1`, [ids.published], /勘误/);
    await expectRefused(`UPDATE issues SET revision = 2, title = '顺便改标题' WHERE id = $1`, [ids.published], /勘误/);
    await expect(sql(`UPDATE issues SET revision = 2, version = version + 1, updated_at = now() WHERE id = $1`, [ids.published])).resolves.toBe(1);
    const { rows } = await client.query(`SELECT revision, status FROM issues WHERE id = $1`, [ids.published]);
    expect(rows).toEqual([{ revision: 2, status: 'published' }]);
  });

  it('keeps its entries: no change, no deletion, none added or moved in', async () => {
    await expectRefused(`UPDATE entries SET body_text = '改过的正文' WHERE id = $1`, [ids.frozenEntry], /^总第5001期已发布，内容已冻结，不能修改其中的条目《区委召开常委会会议》/);
    await expectRefused(`UPDATE entries SET issue_id = NULL WHERE id = $1`, [ids.frozenEntry], /不能修改其中的条目/);
    await expectRefused(`DELETE FROM entries WHERE id = $1`, [ids.frozenEntry], /不能删除其中的条目《区委召开常委会会议》/);
    await expectRefused(
      `INSERT INTO entries (id, issue_id, section_id, title, event_date, updated_at) VALUES ($1, $2, $3, '后加的条目', '2030-12-02', now())`,
      [randomUUID(), ids.published, ids.section],
      /不能再加入条目《后加的条目》/,
    );
    await expectRefused(`UPDATE entries SET issue_id = $2 WHERE id = $1`, [ids.draftEntry, ids.published], /不能再加入条目《区政协开展专题视察》/);
    // A source article still credited on a published entry cannot be deleted (the link would be cut).
    await expectRefused(`DELETE FROM source_articles WHERE id = $1`, [ids.source], /不能修改其中的条目/);
    const { rows } = await client.query(`SELECT body_text, issue_id FROM entries WHERE id = $1`, [ids.frozenEntry]);
    expect(rows).toEqual([{ body_text: '12月1日，正文。', issue_id: ids.published }]);
  });

  it("keeps its entries' contributors: none added, changed or removed", async () => {
    const refused = (verb: string) => new RegExp(`^总第5001期已发布，内容已冻结，不能${verb}条目《区委召开常委会会议》的供稿人。$`);
    await expectRefused(`INSERT INTO entry_contributors (entry_id, contributor_id, role) VALUES ($1, $2, 'photographer')`, [ids.frozenEntry, ids.photographer], refused('增加'));
    await expectRefused(`UPDATE entry_contributors SET contributor_id = $2 WHERE entry_id = $1`, [ids.frozenEntry, ids.photographer], refused('修改'));
    await expectRefused(`UPDATE entry_contributors SET position = 3 WHERE entry_id = $1`, [ids.frozenEntry], refused('修改'));
    await expectRefused(`DELETE FROM entry_contributors WHERE entry_id = $1`, [ids.frozenEntry], refused('删除'));
    // Nor can a credit of a draft be moved onto the published entry.
    await expectRefused(`UPDATE entry_contributors SET entry_id = $2 WHERE entry_id = $1`, [ids.draftEntry, ids.frozenEntry], refused('修改'));
    // Nor a contributor still credited on it be deleted (the foreign key refuses it already).
    await expect(client.query(`DELETE FROM contributors WHERE id = $1`, [ids.reporter])).rejects.toMatchObject({ code: '23503' });
    const { rows } = await client.query(`SELECT contributor_id, role, position FROM entry_contributors WHERE entry_id = $1`, [ids.frozenEntry]);
    expect(rows).toEqual([{ contributor_id: ids.reporter, role: 'reporter', position: 0 }]);
  });

  it("keeps its entries' saved versions: none added, changed or removed", async () => {
    const refused = (verb: string) => new RegExp(`^总第5001期已发布，内容已冻结，不能${verb}条目《区委召开常委会会议》的修订记录。$`);
    await expectRefused(`UPDATE entry_revisions SET body_text = '改过的历史' WHERE id = $1`, [ids.frozenRevision], refused('修改'));
    await expectRefused(`UPDATE entry_revisions SET author_id = NULL WHERE id = $1`, [ids.frozenRevision], refused('修改'));
    await expectRefused(`DELETE FROM entry_revisions WHERE entry_id = $1`, [ids.frozenEntry], refused('删除'));
    await expectRefused(
      `INSERT INTO entry_revisions (id, entry_id, version, title, body_html, body_text, event_date, event_date_precision, section_id, status)
       SELECT $2, id, 9, title, body_html, '伪造的一版', event_date, event_date_precision, section_id, status FROM entries WHERE id = $1`,
      [ids.frozenEntry, randomUUID()],
      refused('增加'),
    );
    await expectRefused(`UPDATE entry_revisions SET entry_id = $2 WHERE id = $1`, [ids.draftRevision, ids.frozenEntry], refused('修改'));
    const { rows } = await client.query(`SELECT id, body_text FROM entry_revisions WHERE entry_id = $1 ORDER BY id = $2 DESC`, [ids.frozenEntry, ids.frozenRevision]);
    expect(rows).toEqual([{ id: ids.frozenRevision, body_text: '12月1日，正文。' }, { id: ids.departedRevision, body_text: '12月1日，正文。' }]);
  });

  it('still lets the author of one of those versions be deleted, the version staying without a name', async () => {
    await expect(sql(`DELETE FROM users WHERE id = $1`, [ids.departedAuthor])).resolves.toBe(1);
    const { rows } = await client.query(`SELECT author_id, body_text FROM entry_revisions WHERE id = $1`, [ids.departedRevision]);
    expect(rows).toEqual([{ author_id: null, body_text: '12月1日，正文。' }]);
  });

  it('refuses TRUNCATE of the frozen tables', async () => {
    for (const table of ['entries', 'issues', 'issue_recipients', 'renditions', 'entry_contributors', 'entry_revisions']) {
      await expectRefused(`TRUNCATE ${table} CASCADE`, [], new RegExp(`不能清空表 ${table}`));
    }
  });

  it('keeps its distribution list but records the receipt of each unit', async () => {
    await expect(sql(`UPDATE issue_recipients SET received_at = now() WHERE issue_id = $1 AND recipient_id = $2`, [ids.published, ids.unitA])).resolves.toBe(1);
    await expectRefused(`UPDATE issue_recipients SET position = 5 WHERE issue_id = $1`, [ids.published], /发放范围已冻结，只能登记各单位的签收/);
    await expectRefused(`DELETE FROM issue_recipients WHERE issue_id = $1`, [ids.published], /发放范围已冻结/);
    await expectRefused(`INSERT INTO issue_recipients (issue_id, recipient_id, position) VALUES ($1, $2, 1)`, [ids.published, ids.unitB], /发放范围已冻结/);
  });

  it('keeps its final PDF, which may only be marked superseded, once', async () => {
    await expectRefused(`UPDATE renditions SET storage_key = 'elsewhere.pdf' WHERE id = $1`, [ids.finalDone], /正式版 PDF 不能修改/);
    await expectRefused(`UPDATE renditions SET status = 'failed' WHERE id = $1`, [ids.finalDone], /正式版 PDF 不能修改/);
    await expectRefused(`DELETE FROM renditions WHERE id = $1`, [ids.finalDone], /正式版 PDF 不能删除/);
    await expect(sql(`UPDATE renditions SET superseded_at = now() WHERE id = $1`, [ids.finalDone])).resolves.toBe(1);
    await expectRefused(`UPDATE renditions SET superseded_at = NULL WHERE id = $1`, [ids.finalDone], /正式版 PDF 不能修改/);
    const { rows } = await client.query(`SELECT status, storage_key FROM renditions WHERE id = $1`, [ids.finalDone]);
    expect(rows).toEqual([{ status: 'done', storage_key: `issues/${ids.finalDone}.pdf` }]);
  });

  it('lets the worker finish a final PDF still under way, and leaves proofs alone', async () => {
    await expect(sql(`UPDATE renditions SET status = 'running', progress = 50 WHERE id = $1`, [ids.finalQueued])).resolves.toBe(1);
    await expect(sql(`UPDATE renditions SET status = 'done', progress = 100, storage_key = 'k.pdf' WHERE id = $1`, [ids.finalQueued])).resolves.toBe(1);
    await expectRefused(`UPDATE renditions SET progress = 99 WHERE id = $1`, [ids.finalQueued], /正式版 PDF 不能修改/);
    await expect(sql(`DELETE FROM renditions WHERE id = $1`, [ids.proof])).resolves.toBe(1);
    await expect(sql(`INSERT INTO renditions (id, issue_id, kind, content_hash, issue_revision) VALUES ($1, $2, 'final', 'revision-2', 2)`, [randomUUID(), ids.published])).resolves.toBe(1);
  });
});

describe('a dispatch of a published issue', () => {
  it('records what each unit was sent for good: the unit, the revision and the file made cannot be changed, nor anything deleted', async () => {
    const dispatch = randomUUID();
    const delivery = randomUUID();
    await sql(`INSERT INTO dispatches (id, issue_id, issue_revision, rendition_id) VALUES ($1, $2, 1, $3)`, [dispatch, ids.published, ids.finalDone]);
    await sql(
      `INSERT INTO deliveries (id, dispatch_id, issue_id, recipient_id, issue_revision, position, unit_name, method, link_base, updated_at)
       VALUES ($1, $2, $3, $4, 1, 1, '区委办公室', 'email', 'https://dsyb.example/receive/', now())`,
      [delivery, dispatch, ids.published, ids.unitA],
    );
    // What happens to a delivery afterwards is recorded on it: the file made, the e-mail, the receipt.
    await expect(sql(`UPDATE deliveries SET pdf_status = 'done', pdf_sha256 = $2, pdf_storage_key = 'deliveries/x.pdf' WHERE id = $1`, [delivery, 'b'.repeat(64)])).resolves.toBe(1);
    await expect(sql(`UPDATE deliveries SET mail_status = 'sent', sent_at = now(), confirmed_at = now(), confirmed_by_name = '李四' WHERE id = $1`, [delivery])).resolves.toBe(1);
    await expectRefused(`UPDATE deliveries SET pdf_sha256 = $2 WHERE id = $1`, [delivery, 'c'.repeat(64)], /不能改动其单位、期次或已生成的文件/);
    await expectRefused(`UPDATE deliveries SET unit_name = '别的单位' WHERE id = $1`, [delivery], /不能改动其单位/);
    await expectRefused(`UPDATE deliveries SET issue_revision = 2 WHERE id = $1`, [delivery], /不能改动/);
    await expectRefused(`DELETE FROM deliveries WHERE id = $1`, [delivery], /分发记录不能删除/);
    await expectRefused(`UPDATE dispatches SET issue_revision = 2 WHERE id = $1`, [dispatch], /分发记录不能修改或删除/);
    await expectRefused(`DELETE FROM dispatches WHERE id = $1`, [dispatch], /分发记录不能修改或删除/);
  });
});

describe('issues not yet published', () => {
  it('stay editable with their entries, and can be published', async () => {
    await expect(sql(`UPDATE entries SET body_text = '12月3日，改过的正文。', version = version + 1 WHERE id = $1`, [ids.draftEntry])).resolves.toBe(1);
    await expect(sql(`UPDATE entries SET title = '改过的标题' WHERE id = $1`, [ids.looseEntry])).resolves.toBe(1);
    await expect(sql(`UPDATE issues SET title = '中原区大事月报（二月）' WHERE id = $1`, [ids.drafting])).resolves.toBe(1);
    await expect(sql(`INSERT INTO entry_contributors (entry_id, contributor_id, role, position) VALUES ($1, $2, 'photographer', 1)`, [ids.draftEntry, ids.photographer])).resolves.toBe(1);
    await expect(sql(`UPDATE entry_contributors SET position = 2 WHERE entry_id = $1 AND role = 'reporter'`, [ids.draftEntry])).resolves.toBe(1);
    await insertRevision(randomUUID(), ids.draftEntry, ids.user, 2);
    await sql(`INSERT INTO issue_recipients (issue_id, recipient_id, position) VALUES ($1, $2, 0)`, [ids.drafting, ids.unitB]);
    await expect(sql(`UPDATE issue_recipients SET position = 3 WHERE issue_id = $1`, [ids.drafting])).resolves.toBe(1);
    await expect(sql(`UPDATE issues SET status = 'published', published_at = now() WHERE id = $1`, [ids.drafting])).resolves.toBe(1);
    await expectRefused(`UPDATE entries SET title = '再改' WHERE id = $1`, [ids.draftEntry], /总第5002期已发布/);
  });

  it('can be deleted with their entries detached while still drafting', async () => {
    const id = randomUUID();
    await insertIssue(id, 5003, 3, 'drafting');
    const entry = randomUUID();
    await insertEntry(entry, id, '将被移出的条目', 'draft');
    await sql(`UPDATE entries SET issue_id = NULL WHERE issue_id = $1`, [id]);
    await expect(sql(`DELETE FROM issues WHERE id = $1`, [id])).resolves.toBe(1);
  });
});

describe('the audit trail', () => {
  it('takes new events but refuses any change, deletion or truncation', async () => {
    await sql(`INSERT INTO audit_events (actor_id, actor_name, action, entity_type) VALUES ($1, 'reviewer2', 'issue.sign_off', 'issue')`, [ids.user]);
    const message = /^操作记录只能追加，不能修改、删除或清空。$/;
    await expectRefused(`UPDATE audit_events SET action = 'issue.update'`, [], message, 'ZF002');
    await expectRefused(`UPDATE audit_events SET actor_id = NULL`, [], message, 'ZF002');
    await expectRefused(`DELETE FROM audit_events`, [], message, 'ZF002');
    await expectRefused(`TRUNCATE audit_events`, [], message, 'ZF002');
    const { rows } = await client.query(`SELECT action FROM audit_events`);
    expect(rows).toEqual([{ action: 'issue.sign_off' }]);
  });

  it('still lets a user be deleted, keeping the name on their events', async () => {
    const id = randomUUID();
    await sql(`INSERT INTO users (id, username, display_name, password_hash, roles, updated_at) VALUES ($1, 'temp', '临时', 'x', '{editor}', now())`, [id]);
    await sql(`INSERT INTO audit_events (actor_id, actor_name, action, entity_type) VALUES ($1, 'temp', 'auth.login', 'user')`, [id]);
    await expect(sql(`DELETE FROM users WHERE id = $1`, [id])).resolves.toBe(1);
    const { rows } = await client.query(`SELECT actor_id, actor_name FROM audit_events WHERE action = 'auth.login'`);
    expect(rows).toEqual([{ actor_id: null, actor_name: 'temp' }]);
  });
});
