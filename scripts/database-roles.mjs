// The two database roles of the product (README「数据库角色」): the owner, as whom migrations and
// the seed run, and the application role dsyb_app, as whom the API and the worker connect. The
// application role owns nothing and is no superuser, so it cannot switch the freeze of published
// issues off (no `session_replication_role`, no ALTER TABLE … DISABLE TRIGGER); migration
// 20261208010000_app_role_guards gives it rows to read and write and nothing more.
//
// Roles belong to the whole server, which concurrent test stacks share: creating one tolerates
// another stack creating it at the same moment, and an existing role is altered only when it
// cannot log in with our password or has powers it must not have.
import pg from 'pg';

export const OWNER_ROLE = 'dsyb_owner';
export const APP_ROLE = 'dsyb_app';

const POWERLESS = 'LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS';

/** `url` with its user and password replaced. */
function urlAs(url, user, password) {
  const result = new URL(url);
  result.username = encodeURIComponent(user);
  result.password = encodeURIComponent(password);
  return result.toString();
}

/** `url` naming the database `name` instead. */
function inDatabase(url, name) {
  const result = new URL(url);
  result.pathname = `/${name}`;
  return result.toString();
}

async function withClient(url, work) {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5000 });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end().catch(() => {});
  }
}

async function logsIn(url) {
  try {
    await withClient(url, (client) => client.query('SELECT 1'));
    return true;
  } catch {
    return false;
  }
}

const isDuplicate = (error) => error?.code === '42710' || error?.code === '23505';
// Two sessions altering one role at the same moment: "tuple concurrently updated".
const isConcurrentUpdate = (error) => error?.code === 'XX000' && /concurrently/.test(error.message);

/**
 * Makes `name` a role that logs in with `password` and has none of the server-wide powers, using
 * `client` (a superuser's or a CREATEROLE role's connection). `loginUrl` is a URL of the server as
 * this role, to tell whether the password works already. An existing role that does not is
 * corrected only when `correct` (our own servers); otherwise that is an error for a person to settle.
 */
async function ensureRole(client, name, password, loginUrl, { correct = true } = {}) {
  const identifier = client.escapeIdentifier(name);
  const attributes = `${POWERLESS} PASSWORD ${client.escapeLiteral(password)}`;
  const { rowCount } = await client.query('SELECT 1 FROM pg_roles WHERE rolname = $1', [name]);
  if (!rowCount) {
    try {
      await client.query(`CREATE ROLE ${identifier} ${attributes}`);
      return;
    } catch (error) {
      if (!isDuplicate(error)) throw error;
    }
  }
  const { rowCount: powerless } = await client.query(
    'SELECT 1 FROM pg_roles WHERE rolname = $1 AND rolcanlogin AND NOT (rolsuper OR rolcreatedb OR rolcreaterole OR rolreplication OR rolbypassrls)',
    [name],
  );
  if (powerless && (await logsIn(loginUrl))) return;
  if (!correct) throw new Error(powerless ? `角色 ${name} 已存在，但无法用本机保存的密码登录` : `角色 ${name} 已存在，但不能登录或权限过大（超级用户、建库、建角色等）`);
  for (let attempt = 0; ; attempt += 1) {
    try {
      await client.query(`ALTER ROLE ${identifier} WITH ${attributes}`);
      return;
    } catch (error) {
      if (!isConcurrentUpdate(error) || attempt >= 5) throw error;
      await new Promise((resolve) => setTimeout(resolve, 50 * (attempt + 1)));
    }
  }
}

/**
 * Hands a database made before the owner role existed (an embedded .data/postgres of an earlier
 * version, where everything belongs to the server's superuser) to the owner role: the database
 * and everything in its `public` schema. A no-op once done. Run as a superuser, in the database.
 */
const ADOPT_OBJECTS = `
DO $$
DECLARE
  statement TEXT;
BEGIN
  FOR statement IN
    SELECT format('ALTER %s %s OWNER TO ${OWNER_ROLE}',
             CASE c.relkind WHEN 'S' THEN 'SEQUENCE' WHEN 'v' THEN 'VIEW' WHEN 'm' THEN 'MATERIALIZED VIEW' ELSE 'TABLE' END, c.oid::regclass)
      FROM pg_class c
     WHERE c.relnamespace = 'public'::regnamespace AND c.relkind IN ('r', 'p', 'v', 'm', 'S')
       AND c.relowner <> '${OWNER_ROLE}'::regrole
       -- A sequence of a serial or identity column moves with its table.
       AND NOT (c.relkind = 'S' AND EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid AND d.deptype IN ('a', 'i')))
    UNION ALL
    SELECT format('ALTER ROUTINE %s OWNER TO ${OWNER_ROLE}', p.oid::regprocedure)
      FROM pg_proc p WHERE p.pronamespace = 'public'::regnamespace AND p.proowner <> '${OWNER_ROLE}'::regrole
    UNION ALL
    -- Enums and domains; a table's row type and array types move with what they belong to.
    SELECT format('ALTER TYPE %s OWNER TO ${OWNER_ROLE}', t.oid::regtype)
      FROM pg_type t WHERE t.typnamespace = 'public'::regnamespace AND t.typtype IN ('e', 'd') AND t.typowner <> '${OWNER_ROLE}'::regrole
  LOOP
    EXECUTE statement;
  END LOOP;
END $$`;

/**
 * Both roles and the database `name`, owned by the owner role, on the server of `serverUrl` (a
 * superuser's URL: the embedded PostgreSQL's, or the machine's own for the test stack), with the
 * given passwords. Returns the URLs of that database as the owner (migrations, seed) and as the
 * application (API, worker).
 */
export async function provisionDatabase(serverUrl, name, passwords) {
  await withClient(serverUrl, async (client) => {
    await ensureRole(client, OWNER_ROLE, passwords.owner, urlAs(serverUrl, OWNER_ROLE, passwords.owner));
    await ensureRole(client, APP_ROLE, passwords.app, urlAs(serverUrl, APP_ROLE, passwords.app));
    const { rows } = await client.query('SELECT pg_get_userbyid(datdba) AS owner FROM pg_database WHERE datname = $1', [name]);
    if (!rows.length) await client.query(`CREATE DATABASE ${client.escapeIdentifier(name)} OWNER ${OWNER_ROLE}`);
    else if (rows[0].owner !== OWNER_ROLE) await client.query(`ALTER DATABASE ${client.escapeIdentifier(name)} OWNER TO ${OWNER_ROLE}`);
  });
  await withClient(inDatabase(serverUrl, name), (client) => client.query(ADOPT_OBJECTS));
  return { ownerUrl: inDatabase(urlAs(serverUrl, OWNER_ROLE, passwords.owner), name), appUrl: inDatabase(urlAs(serverUrl, APP_ROLE, passwords.app), name) };
}

/**
 * For a database given by DATABASE_URL (the owner's URL): the application's URL, `appUrl`
 * (APP_DATABASE_URL) when set, else the same database as dsyb_app with `appPassword`, a role made
 * here if the owner may create roles.
 */
export async function provisionAppRole(ownerUrl, appUrl, appPassword) {
  if (appUrl) return { ownerUrl, appUrl };
  const url = urlAs(ownerUrl, APP_ROLE, appPassword);
  try {
    await withClient(ownerUrl, (client) => ensureRole(client, APP_ROLE, appPassword, url, { correct: false }));
  } catch (error) {
    throw new Error(`无法准备应用角色 ${APP_ROLE}：${error.message}。请按 README「数据库角色」一节创建它，并用 APP_DATABASE_URL 给出它的连接地址。`, { cause: error });
  }
  return { ownerUrl, appUrl: url };
}
