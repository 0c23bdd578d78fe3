-- Least privilege. Migrations run as the owner of the tables; the API and the worker connect as
-- the application role "dsyb_app", which owns nothing, is no superuser and may only read and
-- write rows. A table's owner may disable its triggers, drop them, or alter the table, and a
-- superuser may also `SET session_replication_role = replica`, which silences every trigger:
-- the freeze of published issues (20261123100000_freeze_published) holds against the
-- application only because it is neither.
--
-- `npm start` and the test stack (scripts/database-roles.mjs) create dsyb_app with a password
-- before migrating; the README says how to create it on an existing server. It is made here
-- only when it is still missing (without login), so that a database migrated by hand gets its
-- grants all the same.

DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'dsyb_app') THEN
    CREATE ROLE "dsyb_app" NOLOGIN;
  END IF;
EXCEPTION
  -- Roles belong to the whole server: another database's migration made it meanwhile.
  WHEN duplicate_object OR unique_violation THEN NULL;
  WHEN insufficient_privilege THEN
    RAISE EXCEPTION USING ERRCODE = 'insufficient_privilege',
      MESSAGE = '缺少应用角色 dsyb_app，执行迁移的角色又无权创建它。',
      HINT = '请由数据库管理员按 README「数据库角色」一节创建 dsyb_app，再执行迁移。';
END $$;

-- Nobody but the owner creates objects here (PostgreSQL before 15 let everyone create in
-- `public`), and the application makes no temporary tables either.
REVOKE CREATE ON SCHEMA public FROM PUBLIC;
DO $$
BEGIN
  EXECUTE format('REVOKE TEMPORARY ON DATABASE %I FROM PUBLIC', current_database());
END $$;
GRANT USAGE ON SCHEMA public TO "dsyb_app";

-- Rows only: no TRUNCATE, REFERENCES or TRIGGER. Tables and sequences made by later migrations
-- get the same through the default privileges of the role running the migrations (the owner;
-- always migrate as the same role).
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO "dsyb_app";
GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO "dsyb_app";
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO "dsyb_app";
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO "dsyb_app";

-- The migrations' own bookkeeping is the owner's business.
REVOKE ALL ON "_prisma_migrations" FROM "dsyb_app";

-- The audit trail is append-only for the application by privilege as well as by trigger. A
-- deleted user's events lose their actor_id through the foreign key, which PostgreSQL runs with
-- the owner's rights.
REVOKE UPDATE, DELETE ON "audit_events" FROM "dsyb_app";

-- entry_contributors and entry_revisions of a published issue -------------------------------
-- Who wrote a published entry and the saved versions behind it are part of the publication, as
-- the entry itself: no row added, changed or removed once the issue is published. A correction
-- (勘误) writes neither: its wording goes to issue_correction_entries. The issue is read FOR
-- SHARE, as in the entries guard, so a write racing with the publication waits for it.

CREATE FUNCTION "dsyb_published_entry"(entry UUID) RETURNS TABLE ("serial" INTEGER, "title" TEXT)
LANGUAGE sql AS $$
  SELECT i."serial_number", e."title" FROM "entries" e JOIN "issues" i ON i."id" = e."issue_id"
   WHERE e."id" = entry AND i."status" = 'published'
     FOR SHARE OF i
$$;

CREATE FUNCTION "dsyb_guard_published_entry_part"() RETURNS TRIGGER
LANGUAGE plpgsql AS $$
DECLARE
  frozen_serial INTEGER;
  frozen_title TEXT;
  part TEXT := CASE TG_TABLE_NAME WHEN 'entry_contributors' THEN '供稿人' ELSE '修订记录' END;
BEGIN
  IF TG_OP = 'UPDATE' AND to_jsonb(NEW) = to_jsonb(OLD) THEN
    RETURN NEW;
  END IF;
  -- Deleting a user nulls author_id of their revisions through the foreign key (as for the audit
  -- trail): allowed only for a user that no longer exists.
  -- (Read through jsonb: entry_contributors has no such column.)
  IF TG_OP = 'UPDATE' AND to_jsonb(OLD) ? 'author_id'
     AND (to_jsonb(OLD) ->> 'author_id') IS NOT NULL AND (to_jsonb(NEW) ->> 'author_id') IS NULL
     AND (to_jsonb(NEW) - 'author_id') = (to_jsonb(OLD) - 'author_id')
     AND NOT EXISTS (SELECT 1 FROM "users" WHERE "id" = (to_jsonb(OLD) ->> 'author_id')::uuid) THEN
    RETURN NEW;
  END IF;
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    SELECT p."serial", p."title" INTO frozen_serial, frozen_title FROM "dsyb_published_entry"(OLD."entry_id") p;
  END IF;
  IF frozen_serial IS NULL AND TG_OP IN ('INSERT', 'UPDATE') THEN
    SELECT p."serial", p."title" INTO frozen_serial, frozen_title FROM "dsyb_published_entry"(NEW."entry_id") p;
  END IF;
  IF frozen_serial IS NOT NULL THEN
    PERFORM "dsyb_refuse_frozen"(format('总第%s期已发布，内容已冻结，不能%s条目《%s》的%s。',
      frozen_serial, CASE TG_OP WHEN 'INSERT' THEN '增加' WHEN 'DELETE' THEN '删除' ELSE '修改' END, frozen_title, part));
  END IF;
  RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
END $$;

CREATE TRIGGER "entry_contributors_freeze_published"
  BEFORE INSERT OR UPDATE OR DELETE ON "entry_contributors"
  FOR EACH ROW EXECUTE FUNCTION "dsyb_guard_published_entry_part"();
CREATE TRIGGER "entry_revisions_freeze_published"
  BEFORE INSERT OR UPDATE OR DELETE ON "entry_revisions"
  FOR EACH ROW EXECUTE FUNCTION "dsyb_guard_published_entry_part"();

CREATE TRIGGER "entry_contributors_truncate_published" BEFORE TRUNCATE ON "entry_contributors"
  FOR EACH STATEMENT EXECUTE FUNCTION "dsyb_guard_truncate_published"();
CREATE TRIGGER "entry_revisions_truncate_published" BEFORE TRUNCATE ON "entry_revisions"
  FOR EACH STATEMENT EXECUTE FUNCTION "dsyb_guard_truncate_published"();
