/**
 * Least privilege in the database (issue 17): the API and the worker connect as the application
 * role, which owns nothing and is no superuser, so the freeze of a published issue holds against
 * the application itself. Connected as that role (E2E_APP_DATABASE_URL, the URL the stack gives
 * the API and the worker), each way the probe found to switch the freeze off is refused; the
 * owner's URL (E2E_DATABASE_URL) watches which role the running processes connect as.
 */
import pg from 'pg';
import { api, createTestEntry, currentVersion, finishedRendition, login, transition } from './support';

jest.setTimeout(120000);

function required(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: run the end-to-end tests with \`npm test\`, which starts the stack.`);
  return value;
}

const TITLE = '区委召开常委会会议（权限测试）';
const appRole = decodeURIComponent(new URL(required('E2E_APP_DATABASE_URL')).username);
let app: pg.Client;
let owner: pg.Client;
let editor: string;
let published: { issueId: string; entryId: string };
/** "application_name role" of every connection of the API and the worker seen while publishing. */
const connections = new Set<string>();

/** The statement fails with this SQLSTATE (42501: insufficient privilege; ZF001: the freeze) and a message matching or containing `message`. */
async function expectRefused(text: string, code: string, message?: RegExp | string): Promise<void> {
  const matching = typeof message === 'string' ? expect.stringContaining(message) : message && expect.stringMatching(message);
  await expect(app.query(text)).rejects.toMatchObject({ code, ...(matching ? { message: matching } : {}) });
}

beforeAll(async () => {
  owner = new pg.Client({ connectionString: required('E2E_DATABASE_URL') });
  app = new pg.Client({ connectionString: required('E2E_APP_DATABASE_URL') });
  await Promise.all([owner.connect(), app.connect()]);
  const reviewer = await login('reviewer');
  editor = await login('editor');
  const reporter = await api<{ id: string }>('POST', '/api/contributors', { token: editor, body: { name: `权限测试记者${Date.now()}`, role: 'reporter' } });
  expect(reporter.status).toBe(201);

  // Publishing goes through the API, and its final PDF through the worker: watch their connections meanwhile.
  let watching = true;
  const watcher = (async () => {
    while (watching) {
      const { rows } = await owner.query<{ application_name: string; usename: string }>(
        `SELECT application_name, usename FROM pg_stat_activity WHERE datname = current_database() AND application_name IN ('dsyb-api', 'dsyb-worker')`,
      );
      for (const row of rows) connections.add(`${row.application_name} ${row.usename}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  })();
  try {
    published = await publishCreditedEntry(reviewer, reporter.body.id);
  } finally {
    watching = false;
    await watcher;
  }
});

/**
 * A one-entry issue, its entry crediting a reporter, driven through review, sign-off and
 * publication by the API, and its final PDF made by the worker.
 */
async function publishCreditedEntry(reviewer: string, reporterId: string): Promise<{ issueId: string; entryId: string }> {
  const { issueId, entryId } = await createTestEntry(editor, 2160, { title: TITLE, bodyHtml: '<p>区委召开常委会会议，研究部署近期工作。</p>', day: 2 });
  const credited = await api('PUT', `/api/entries/${entryId}`, {
    token: editor,
    body: { version: await currentVersion(editor, 'entries', entryId), contributors: [{ contributorId: reporterId, role: 'reporter' }] },
  });
  expect(credited.status).toBe(200);
  await transition(editor, 'entries', entryId, 'submit');
  await transition(reviewer, 'entries', entryId, 'approve');
  await transition(editor, 'issues', issueId, 'submit-review');
  await transition(reviewer, 'issues', issueId, 'sign-off');
  await transition(reviewer, 'issues', issueId, 'publish');
  const final = await api<{ id: string }>('POST', `/api/issues/${issueId}/renditions`, { token: editor, body: { kind: 'final' } });
  await finishedRendition(editor, final.body.id);
  return { issueId, entryId };
}

afterAll(async () => {
  await Promise.all([app?.end(), owner?.end()]);
});

it('runs the API and the worker as the application role, which owns nothing and has no server-wide power', async () => {
  expect(appRole).toBe('dsyb_app');
  expect([...connections].sort()).toEqual([`dsyb-api ${appRole}`, `dsyb-worker ${appRole}`]);

  const { rows: [role] } = await app.query(
    `SELECT current_user AS name, rolsuper, rolcreatedb, rolcreaterole, rolreplication, rolbypassrls FROM pg_roles WHERE rolname = current_user`,
  );
  expect(role).toEqual({ name: appRole, rolsuper: false, rolcreatedb: false, rolcreaterole: false, rolreplication: false, rolbypassrls: false });
  const { rows: [owned] } = await app.query(
    `SELECT (SELECT count(*) FROM pg_class WHERE relowner = r.oid) + (SELECT count(*) FROM pg_proc WHERE proowner = r.oid)
          + (SELECT count(*) FROM pg_type WHERE typowner = r.oid) + (SELECT count(*) FROM pg_namespace WHERE nspowner = r.oid)
          + (SELECT count(*) FROM pg_database WHERE datdba = r.oid) AS objects,
            (SELECT count(*) FROM pg_auth_members WHERE member = r.oid) AS memberships
       FROM pg_roles r WHERE r.rolname = current_user`,
  );
  expect(owned).toEqual({ objects: '0', memberships: '0' });
  // The tables belong to someone else, whose rights the application cannot take either.
  const { rows: [table] } = await owner.query(`SELECT tableowner FROM pg_tables WHERE tablename = 'entries'`);
  expect(table.tableowner).not.toBe(appRole);
  await expectRefused(`SET ROLE ${app.escapeIdentifier(table.tableowner)}`, '42501');
});

it('cannot silence the triggers through session_replication_role', async () => {
  await expectRefused('SET session_replication_role = replica', '42501', /session_replication_role/);
  await expectRefused(`SELECT set_config('session_replication_role', 'replica', false)`, '42501');
  await app.query('BEGIN');
  try {
    await expectRefused('SET LOCAL session_replication_role = replica', '42501', /session_replication_role/);
  } finally {
    await app.query('ROLLBACK');
  }
  const { rows: [setting] } = await app.query('SHOW session_replication_role');
  expect(setting.session_replication_role).toBe('origin');
});

it('cannot disable, drop or replace a trigger, alter a table or create anything', async () => {
  await expectRefused('ALTER TABLE audit_events DISABLE TRIGGER ALL', '42501', /owner/);
  await expectRefused('ALTER TABLE entries DISABLE TRIGGER entries_freeze_published', '42501', /owner/);
  await expectRefused('ALTER TABLE entry_revisions DISABLE TRIGGER USER', '42501', /owner/);
  await expectRefused('DROP TRIGGER audit_events_append_only ON audit_events', '42501', /owner/);
  await expectRefused('DROP TRIGGER entries_freeze_published ON entries', '42501', /owner/);
  await expectRefused(
    `CREATE OR REPLACE FUNCTION dsyb_guard_published_entry() RETURNS TRIGGER LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$`,
    '42501',
  );
  await expectRefused('ALTER TABLE entries ADD COLUMN bypass BOOLEAN', '42501', /owner/);
  await expectRefused(`ALTER TABLE entries OWNER TO ${appRole}`, '42501');
  await expectRefused('CREATE TABLE bypass (id INTEGER)', '42501');
  await expectRefused('CREATE TEMPORARY TABLE bypass (id INTEGER)', '42501');
  await expectRefused('TRUNCATE audit_events', '42501');
  // Every trigger is still there and enabled.
  const { rows } = await owner.query(
    `SELECT tgname, tgenabled FROM pg_trigger WHERE NOT tgisinternal AND tgname IN ('audit_events_append_only', 'entries_freeze_published', 'entry_revisions_freeze_published') ORDER BY tgname`,
  );
  expect(rows).toEqual([
    { tgname: 'audit_events_append_only', tgenabled: 'O' },
    { tgname: 'entries_freeze_published', tgenabled: 'O' },
    { tgname: 'entry_revisions_freeze_published', tgenabled: 'O' },
  ]);
});

it('cannot change a published entry, its contributors or its saved versions', async () => {
  const { entryId } = published;
  const history = async () => (await api<unknown[]>('GET', `/api/entries/${entryId}/revisions`, { token: editor })).body;
  const before = await history();
  expect(before.length).toBeGreaterThan(0);
  await expectRefused(`UPDATE entries SET title = '改过的标题' WHERE id = '${entryId}'`, 'ZF001', /已发布，内容已冻结，不能修改其中的条目/);
  await expectRefused(`UPDATE entry_contributors SET role = 'photographer' WHERE entry_id = '${entryId}'`, 'ZF001', `不能修改条目《${TITLE}》的供稿人`);
  await expectRefused(`DELETE FROM entry_contributors WHERE entry_id = '${entryId}'`, 'ZF001', `不能删除条目《${TITLE}》的供稿人`);
  await expectRefused(
    `INSERT INTO entry_contributors (entry_id, contributor_id, role) SELECT '${entryId}', id, 'photographer' FROM contributors LIMIT 1`,
    'ZF001',
    /不能增加条目/,
  );
  await expectRefused(`UPDATE entry_revisions SET body_text = '改写的历史' WHERE entry_id = '${entryId}'`, 'ZF001', `不能修改条目《${TITLE}》的修订记录`);
  await expectRefused(`DELETE FROM entry_revisions WHERE entry_id = '${entryId}'`, 'ZF001', `不能删除条目《${TITLE}》的修订记录`);

  // What the editors see is as published.
  const entry = (await api('GET', `/api/entries/${entryId}`, { token: editor })).body;
  expect(entry.title).toBe(TITLE);
  expect(entry.contributors.map((contributor: { role: string }) => contributor.role)).toEqual(['reporter']);
  expect(await history()).toEqual(before);
});

it('may only append to the audit trail, and still deletes a user who has events in it', async () => {
  await expectRefused(`UPDATE audit_events SET action = 'issue.update'`, '42501', /audit_events/);
  await expectRefused('DELETE FROM audit_events', '42501', /audit_events/);
  const { rows } = await owner.query(`SELECT count(*) FROM audit_events WHERE entity_id = $1 AND action = 'issue.publish'`, [published.issueId]);
  expect(rows).toEqual([{ count: '1' }]);

  // The login is an event of theirs; deleting the user detaches it (the foreign key acts with the owner's rights).
  const admin = await login('admin');
  const username = `least${Date.now()}`;
  const password = 'mR7#vellum-Quarry-42';
  const created = await api<{ id: string }>('POST', '/api/users', { token: admin, body: { username, displayName: '临时账号', roles: ['editor'], password } });
  expect(created.status).toBe(201);
  await login(username, password);
  expect((await api('DELETE', `/api/users/${created.body.id}`, { token: admin })).status).toBe(200);
  const { rows: events } = await owner.query(`SELECT actor_id FROM audit_events WHERE actor_name = $1 AND action = 'auth.login'`, [username]);
  expect(events).toEqual([{ actor_id: null }]);
});
