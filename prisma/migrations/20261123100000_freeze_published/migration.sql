-- A published issue (已发布) is frozen: its content and its final PDF never change (BRIEF
-- "Workflow"). The API refuses such changes already; these triggers make the database refuse
-- them too, whoever writes: another service, a script, a migration, a console.
--
-- What stays possible once an issue is published, and why:
--   issues            a correction (勘误) raising `revision` by exactly one, once its reason is
--                     recorded in issue_corrections; `version` and `updated_at` move with it.
--                     Nothing else, not even `status`: publication cannot be undone.
--   entries           nothing: no change, no deletion, no entry moved in or out.
--   issue_recipients  recording a unit's receipt (`received_at`), which by nature happens after
--                     publication; the distribution list itself (units, order) is fixed.
--   renditions        a done final PDF may only be marked superseded (`superseded_at`, once), as
--                     a correction's new PDF replaces it; it stays downloadable. Proofs, and
--                     renditions still queued or running, are not frozen: the worker finishes them.
-- audit_events is append-only at all times: no UPDATE, DELETE or TRUNCATE. The one exception is
-- the foreign key's own ON DELETE SET NULL of `actor_id` when a user is deleted; the actor's
-- name stays in `actor_name`.
--
-- Refusals use SQLSTATE ZF001 (frozen publication) and ZF002 (append-only audit trail), with a
-- message in Chinese meant for the user; the API maps both to 409.

CREATE FUNCTION "dsyb_published_serial"(issue UUID) RETURNS INTEGER
LANGUAGE sql STABLE AS $$
  SELECT "serial_number" FROM "issues" WHERE "id" = issue AND "status" = 'published'
$$;

CREATE FUNCTION "dsyb_refuse_frozen"(message TEXT) RETURNS VOID
LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION USING ERRCODE = 'ZF001', MESSAGE = message, HINT = '如需更正已发布的期刊，请发起勘误（新修订）。';
END $$;

-- issues ---------------------------------------------------------------------------------

CREATE FUNCTION "dsyb_guard_published_issue"() RETURNS TRIGGER
LANGUAGE plpgsql AS $$
DECLARE
  unchanged JSONB;
BEGIN
  IF OLD."status" <> 'published' THEN
    RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
  END IF;
  IF TG_OP = 'DELETE' THEN
    PERFORM "dsyb_refuse_frozen"(format('总第%s期已发布，内容已冻结，不能删除。', OLD."serial_number"));
  END IF;
  IF to_jsonb(NEW) = to_jsonb(OLD) THEN
    RETURN NEW;
  END IF;
  unchanged := to_jsonb(OLD) - 'revision' - 'version' - 'updated_at';
  IF (to_jsonb(NEW) - 'revision' - 'version' - 'updated_at') <> unchanged
     OR NEW."revision" <> OLD."revision" + 1
     OR NOT EXISTS (SELECT 1 FROM "issue_corrections" c WHERE c."issue_id" = OLD."id" AND c."revision" = NEW."revision") THEN
    PERFORM "dsyb_refuse_frozen"(format(
      '总第%s期已发布，内容已冻结，不能修改；只允许在登记勘误原因后把修订号加一。', OLD."serial_number"));
  END IF;
  RETURN NEW;
END $$;

CREATE TRIGGER "issues_freeze_published"
  BEFORE UPDATE OR DELETE ON "issues"
  FOR EACH ROW EXECUTE FUNCTION "dsyb_guard_published_issue"();

-- entries --------------------------------------------------------------------------------
-- The issue row is read FOR SHARE: a write racing with the publication waits for it to commit
-- and then sees the issue published, instead of slipping in before the freeze.

CREATE FUNCTION "dsyb_guard_published_entry"() RETURNS TRIGGER
LANGUAGE plpgsql AS $$
DECLARE
  serial INTEGER;
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') AND OLD."issue_id" IS NOT NULL THEN
    SELECT "serial_number" INTO serial FROM "issues" WHERE "id" = OLD."issue_id" AND "status" = 'published' FOR SHARE;
    IF serial IS NOT NULL AND (TG_OP = 'DELETE' OR to_jsonb(NEW) <> to_jsonb(OLD)) THEN
      PERFORM "dsyb_refuse_frozen"(format(
        '总第%s期已发布，内容已冻结，不能%s其中的条目《%s》。', serial, CASE WHEN TG_OP = 'DELETE' THEN '删除' ELSE '修改' END, OLD."title"));
    END IF;
  END IF;
  IF TG_OP = 'INSERT' OR (TG_OP = 'UPDATE' AND NEW."issue_id" IS DISTINCT FROM OLD."issue_id") THEN
    SELECT "serial_number" INTO serial FROM "issues" WHERE "id" = NEW."issue_id" AND "status" = 'published' FOR SHARE;
    IF serial IS NOT NULL THEN
      PERFORM "dsyb_refuse_frozen"(format('总第%s期已发布，内容已冻结，不能再加入条目《%s》。', serial, NEW."title"));
    END IF;
  END IF;
  RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
END $$;

CREATE TRIGGER "entries_freeze_published"
  BEFORE INSERT OR UPDATE OR DELETE ON "entries"
  FOR EACH ROW EXECUTE FUNCTION "dsyb_guard_published_entry"();

-- issue_recipients -----------------------------------------------------------------------

CREATE FUNCTION "dsyb_guard_published_recipients"() RETURNS TRIGGER
LANGUAGE plpgsql AS $$
DECLARE
  serial INTEGER;
BEGIN
  IF TG_OP = 'UPDATE' AND (to_jsonb(NEW) - 'received_at') = (to_jsonb(OLD) - 'received_at') THEN
    RETURN NEW;
  END IF;
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    serial := "dsyb_published_serial"(OLD."issue_id");
  END IF;
  IF serial IS NULL AND TG_OP IN ('INSERT', 'UPDATE') THEN
    serial := "dsyb_published_serial"(NEW."issue_id");
  END IF;
  IF serial IS NOT NULL THEN
    PERFORM "dsyb_refuse_frozen"(format('总第%s期已发布，发放范围已冻结，只能登记各单位的签收。', serial));
  END IF;
  RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
END $$;

CREATE TRIGGER "issue_recipients_freeze_published"
  BEFORE INSERT OR UPDATE OR DELETE ON "issue_recipients"
  FOR EACH ROW EXECUTE FUNCTION "dsyb_guard_published_recipients"();

-- renditions -----------------------------------------------------------------------------

CREATE FUNCTION "dsyb_guard_published_rendition"() RETURNS TRIGGER
LANGUAGE plpgsql AS $$
DECLARE
  serial INTEGER;
BEGIN
  IF OLD."kind" <> 'final' OR OLD."status" <> 'done' THEN
    RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
  END IF;
  serial := "dsyb_published_serial"(OLD."issue_id");
  IF serial IS NULL THEN
    RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
  END IF;
  IF TG_OP = 'DELETE' THEN
    PERFORM "dsyb_refuse_frozen"(format('总第%s期已发布，其正式版 PDF 不能删除。', serial));
  END IF;
  IF (to_jsonb(NEW) - 'superseded_at') <> (to_jsonb(OLD) - 'superseded_at')
     OR (OLD."superseded_at" IS NOT NULL AND NEW."superseded_at" IS DISTINCT FROM OLD."superseded_at") THEN
    PERFORM "dsyb_refuse_frozen"(format('总第%s期已发布，其正式版 PDF 不能修改，只能在勘误后标记为已被取代。', serial));
  END IF;
  RETURN NEW;
END $$;

CREATE TRIGGER "renditions_freeze_published"
  BEFORE UPDATE OR DELETE ON "renditions"
  FOR EACH ROW EXECUTE FUNCTION "dsyb_guard_published_rendition"();

-- TRUNCATE bypasses row triggers: refuse it on these tables while anything is published.

CREATE FUNCTION "dsyb_guard_truncate_published"() RETURNS TRIGGER
LANGUAGE plpgsql AS $$
BEGIN
  IF EXISTS (SELECT 1 FROM "issues" WHERE "status" = 'published') THEN
    PERFORM "dsyb_refuse_frozen"(format('已有期刊发布，内容已冻结，不能清空表 %s。', TG_TABLE_NAME));
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER "issues_truncate_published" BEFORE TRUNCATE ON "issues"
  FOR EACH STATEMENT EXECUTE FUNCTION "dsyb_guard_truncate_published"();
CREATE TRIGGER "entries_truncate_published" BEFORE TRUNCATE ON "entries"
  FOR EACH STATEMENT EXECUTE FUNCTION "dsyb_guard_truncate_published"();
CREATE TRIGGER "issue_recipients_truncate_published" BEFORE TRUNCATE ON "issue_recipients"
  FOR EACH STATEMENT EXECUTE FUNCTION "dsyb_guard_truncate_published"();
CREATE TRIGGER "renditions_truncate_published" BEFORE TRUNCATE ON "renditions"
  FOR EACH STATEMENT EXECUTE FUNCTION "dsyb_guard_truncate_published"();

-- audit_events -----------------------------------------------------------------------------

CREATE FUNCTION "dsyb_guard_audit_append_only"() RETURNS TRIGGER
LANGUAGE plpgsql AS $$
BEGIN
  -- Deleting a user nulls actor_id through the foreign key; allowed only for a user that no
  -- longer exists, so nobody can anonymise the events of an existing user this way.
  IF TG_OP = 'UPDATE' THEN
    IF OLD."actor_id" IS NOT NULL AND NEW."actor_id" IS NULL
       AND (to_jsonb(NEW) - 'actor_id') = (to_jsonb(OLD) - 'actor_id')
       AND NOT EXISTS (SELECT 1 FROM "users" WHERE "id" = OLD."actor_id") THEN
      RETURN NEW;
    END IF;
  END IF;
  RAISE EXCEPTION USING ERRCODE = 'ZF002',
    MESSAGE = '操作记录只能追加，不能修改、删除或清空。',
    HINT = '操作记录是每项修改的凭据（谁、何时、改了什么）。';
END $$;

CREATE TRIGGER "audit_events_append_only"
  BEFORE UPDATE OR DELETE ON "audit_events"
  FOR EACH ROW EXECUTE FUNCTION "dsyb_guard_audit_append_only"();
CREATE TRIGGER "audit_events_no_truncate"
  BEFORE TRUNCATE ON "audit_events"
  FOR EACH STATEMENT EXECUTE FUNCTION "dsyb_guard_audit_append_only"();
