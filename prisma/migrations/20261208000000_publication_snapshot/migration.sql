-- A publication is a snapshot (issue 17). At publication, and at each correction (勘误), the
-- issue's content as the PDF prints it — masthead, sections with their names and order, the
-- recipient units' names, the entries with their titles and bodies, the issue's own fields — is
-- stored here for that revision (libs/db/src/issue-publication.ts). Final PDFs of a published
-- issue are rendered from it alone, so renaming a section or a unit, or editing the masthead,
-- no longer changes what a published issue prints. Figures are referred to by their sha256 in
-- snapshot_images, as in renditions.snapshot.

CREATE TABLE "issue_publications" (
    "issue_id" UUID NOT NULL,
    "revision" INTEGER NOT NULL,
    "snapshot" JSONB NOT NULL,
    -- snapshotContentHash of the snapshot: equal to the content_hash of a final rendition of it.
    "content_hash" TEXT NOT NULL,
    "published_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "issue_publications_pkey" PRIMARY KEY ("issue_id", "revision"),
    CONSTRAINT "issue_publications_issue_id_fkey" FOREIGN KEY ("issue_id") REFERENCES "issues"("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- Databases published before this migration. Their issues have no publication yet; the best
-- record of what each revision printed is the snapshot stored with its final PDF
-- (renditions.snapshot, since 20261206020000_rendition_snapshot). Of several done finals of one
-- revision (a final requested again after a section, unit or masthead was renamed printed the new
-- wording), the first one made after the revision was published is taken, or failing that the
-- last one made before it (made while the issue was signed off, and published as it was).
-- Revisions with no stored snapshot get theirs at the first request that needs it, from the
-- tables as they are then (publicationOf in libs/db/src/issue-publication.ts).
INSERT INTO "issue_publications" ("issue_id", "revision", "snapshot", "content_hash", "published_at")
SELECT DISTINCT ON (r."issue_id", r."issue_revision")
       r."issue_id", r."issue_revision", r."snapshot", r."content_hash", w."published_at"
FROM "renditions" r
JOIN "issues" i ON i."id" = r."issue_id" AND i."status" = 'published'
LEFT JOIN "issue_corrections" c ON c."issue_id" = r."issue_id" AND c."revision" = r."issue_revision"
CROSS JOIN LATERAL (SELECT COALESCE(c."created_at", i."published_at", r."created_at") AS "published_at") w
WHERE r."kind" = 'final' AND r."status" = 'done' AND r."snapshot" IS NOT NULL AND r."issue_revision" <= i."revision"
ORDER BY r."issue_id", r."issue_revision",
         (r."created_at" < w."published_at"),
         CASE WHEN r."created_at" >= w."published_at" THEN r."created_at" END ASC,
         r."created_at" DESC, r."id";

-- The other done finals of a current revision printed something else than its publication: they
-- are marked superseded (the freeze allows exactly that), and stay downloadable.
UPDATE "renditions" r SET "superseded_at" = CURRENT_TIMESTAMP
FROM "issue_publications" p
JOIN "issues" i ON i."id" = p."issue_id" AND i."revision" = p."revision"
WHERE r."issue_id" = p."issue_id" AND r."issue_revision" = p."revision"
  AND r."kind" = 'final' AND r."status" = 'done' AND r."superseded_at" IS NULL
  AND r."content_hash" <> p."content_hash";

-- A publication is written once, for the issue's current revision of a published issue, and is
-- then neither changed nor deleted (SQLSTATE ZF001 like the other freeze triggers, which the API
-- maps to 409). The issue row is read FOR SHARE so that a correction raising the revision waits.
CREATE FUNCTION "dsyb_guard_publication"() RETURNS TRIGGER
LANGUAGE plpgsql AS $$
DECLARE
  serial INTEGER;
  current_revision INTEGER;
BEGIN
  IF TG_OP = 'INSERT' THEN
    SELECT "serial_number", "revision" INTO serial, current_revision
      FROM "issues" WHERE "id" = NEW."issue_id" AND "status" = 'published' FOR SHARE;
    IF serial IS NULL THEN
      PERFORM "dsyb_refuse_frozen"('期刊尚未发布，不能登记其发布内容。');
    END IF;
    IF NEW."revision" <> current_revision THEN
      PERFORM "dsyb_refuse_frozen"(format('总第%s期现为第%s版，只能登记这一版的发布内容。', serial, current_revision));
    END IF;
    RETURN NEW;
  END IF;
  SELECT "serial_number" INTO serial FROM "issues" WHERE "id" = OLD."issue_id";
  PERFORM "dsyb_refuse_frozen"(format('总第%s期第%s版的发布内容一经登记不能修改或删除。', serial, OLD."revision"));
  RETURN NULL;
END $$;

CREATE TRIGGER "issue_publications_immutable"
  BEFORE INSERT OR UPDATE OR DELETE ON "issue_publications"
  FOR EACH ROW EXECUTE FUNCTION "dsyb_guard_publication"();

-- TRUNCATE bypasses row triggers: refused, as on the other frozen tables, while anything is published.
CREATE TRIGGER "issue_publications_truncate_published" BEFORE TRUNCATE ON "issue_publications"
  FOR EACH STATEMENT EXECUTE FUNCTION "dsyb_guard_truncate_published"();
