-- 年度大事记: the year's chronicle, compiled from the year's published monthly issues and then
-- edited on its own. Its events are copies (annual_volume_entries) that keep a link to the
-- monthly entry they came from and the wording they were taken from (upstream_*), so that a
-- recompilation after a correction (勘误) can show what changed upstream. Its own workflow uses
-- the issue's states (drafting → in_review → approved → published).

CREATE TABLE "annual_volumes" (
  "id" UUID NOT NULL DEFAULT gen_random_uuid(),
  "year" INTEGER NOT NULL,
  "title" TEXT NOT NULL,
  "compiler" TEXT NOT NULL,
  "publication_date" DATE NOT NULL,
  "status" "IssueStatus" NOT NULL DEFAULT 'drafting',
  "version" INTEGER NOT NULL DEFAULT 1,
  "masthead_id" UUID NOT NULL,
  "compiled_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "signed_off_at" TIMESTAMPTZ(3),
  "signed_off_by_id" UUID,
  "published_at" TIMESTAMPTZ(3),
  "publication" JSONB,
  "publication_hash" TEXT,
  "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  CONSTRAINT "annual_volumes_pkey" PRIMARY KEY ("id"),
  CONSTRAINT "annual_volumes_year_check" CHECK ("year" BETWEEN 1949 AND 2200),
  CONSTRAINT "annual_volumes_published_check" CHECK (("status" = 'published') = ("publication" IS NOT NULL))
);
CREATE UNIQUE INDEX "annual_volumes_year_key" ON "annual_volumes"("year");
ALTER TABLE "annual_volumes" ADD CONSTRAINT "annual_volumes_masthead_id_fkey" FOREIGN KEY ("masthead_id") REFERENCES "masthead_settings"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "annual_volumes" ADD CONSTRAINT "annual_volumes_signed_off_by_id_fkey" FOREIGN KEY ("signed_off_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

CREATE TABLE "annual_volume_entries" (
  "id" UUID NOT NULL DEFAULT gen_random_uuid(),
  "volume_id" UUID NOT NULL,
  "source_entry_id" UUID,
  "title" TEXT NOT NULL,
  "body_html" TEXT NOT NULL DEFAULT '',
  "body_text" TEXT NOT NULL DEFAULT '',
  "event_date" DATE NOT NULL,
  "event_date_precision" "DatePrecision" NOT NULL DEFAULT 'day',
  "position" INTEGER NOT NULL DEFAULT 0,
  "excluded" BOOLEAN NOT NULL DEFAULT false,
  "merged_into_id" UUID,
  "edited" BOOLEAN NOT NULL DEFAULT false,
  "upstream_title" TEXT,
  "upstream_body_html" TEXT,
  "upstream_event_date" DATE,
  "upstream_event_date_precision" "DatePrecision",
  "pending_change" TEXT,
  "pending_title" TEXT,
  "pending_body_html" TEXT,
  "pending_body_text" TEXT,
  "pending_event_date" DATE,
  "pending_event_date_precision" "DatePrecision",
  "version" INTEGER NOT NULL DEFAULT 1,
  "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  CONSTRAINT "annual_volume_entries_pkey" PRIMARY KEY ("id"),
  CONSTRAINT "annual_volume_entries_pending_check" CHECK ("pending_change" IS NULL OR "pending_change" IN ('changed', 'removed'))
);
CREATE UNIQUE INDEX "annual_volume_entries_volume_id_source_entry_id_key" ON "annual_volume_entries"("volume_id", "source_entry_id");
CREATE INDEX "annual_volume_entries_volume_id_event_date_idx" ON "annual_volume_entries"("volume_id", "event_date");
ALTER TABLE "annual_volume_entries" ADD CONSTRAINT "annual_volume_entries_volume_id_fkey" FOREIGN KEY ("volume_id") REFERENCES "annual_volumes"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "annual_volume_entries" ADD CONSTRAINT "annual_volume_entries_source_entry_id_fkey" FOREIGN KEY ("source_entry_id") REFERENCES "entries"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "annual_volume_entries" ADD CONSTRAINT "annual_volume_entries_merged_into_id_fkey" FOREIGN KEY ("merged_into_id") REFERENCES "annual_volume_entries"("id") ON DELETE SET NULL ON UPDATE CASCADE;

CREATE TABLE "annual_index_terms" (
  "id" UUID NOT NULL DEFAULT gen_random_uuid(),
  "volume_id" UUID NOT NULL,
  "term" TEXT NOT NULL,
  "kind" TEXT NOT NULL,
  "status" TEXT NOT NULL DEFAULT 'proposed',
  "origin" TEXT NOT NULL DEFAULT 'segmentation',
  "merged_into_id" UUID,
  "occurrences" INTEGER NOT NULL DEFAULT 0,
  "version" INTEGER NOT NULL DEFAULT 1,
  "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  CONSTRAINT "annual_index_terms_pkey" PRIMARY KEY ("id"),
  CONSTRAINT "annual_index_terms_kind_check" CHECK ("kind" IN ('person', 'place', 'organisation')),
  CONSTRAINT "annual_index_terms_status_check" CHECK ("status" IN ('proposed', 'accepted', 'suppressed', 'merged')),
  CONSTRAINT "annual_index_terms_origin_check" CHECK ("origin" IN ('segmentation', 'dictionary', 'editor')),
  CONSTRAINT "annual_index_terms_merged_check" CHECK (("status" = 'merged') = ("merged_into_id" IS NOT NULL))
);
CREATE UNIQUE INDEX "annual_index_terms_volume_id_term_key" ON "annual_index_terms"("volume_id", "term");
ALTER TABLE "annual_index_terms" ADD CONSTRAINT "annual_index_terms_volume_id_fkey" FOREIGN KEY ("volume_id") REFERENCES "annual_volumes"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "annual_index_terms" ADD CONSTRAINT "annual_index_terms_merged_into_id_fkey" FOREIGN KEY ("merged_into_id") REFERENCES "annual_index_terms"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- A rendition is of an issue or of a volume, never both.
ALTER TABLE "renditions" ALTER COLUMN "issue_id" DROP NOT NULL;
ALTER TABLE "renditions" ADD COLUMN "volume_id" UUID;
ALTER TABLE "renditions" ADD CONSTRAINT "renditions_volume_id_fkey" FOREIGN KEY ("volume_id") REFERENCES "annual_volumes"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "renditions" ADD CONSTRAINT "renditions_document_check" CHECK (num_nonnulls("issue_id", "volume_id") = 1);
CREATE UNIQUE INDEX "renditions_volume_id_kind_content_hash_key" ON "renditions"("volume_id", "kind", "content_hash");

-- A published volume is frozen, as a published issue is: its row (but for the sign-off user's
-- deletion), its events and its index terms. The guard reads the volume FOR SHARE so that a
-- write racing with the publication waits for it.
CREATE FUNCTION "dsyb_guard_published_volume_part"() RETURNS TRIGGER
LANGUAGE plpgsql AS $$
DECLARE
  frozen_year INTEGER;
BEGIN
  IF TG_OP = 'UPDATE' AND to_jsonb(NEW) = to_jsonb(OLD) THEN
    RETURN NEW;
  END IF;
  -- merged_into_id becomes NULL when the row it points to goes with its volume's deletion (not possible once published).
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    SELECT v."year" INTO frozen_year FROM "annual_volumes" v WHERE v."id" = OLD."volume_id" AND v."status" = 'published' FOR SHARE OF v;
  END IF;
  IF frozen_year IS NULL AND TG_OP IN ('INSERT', 'UPDATE') THEN
    SELECT v."year" INTO frozen_year FROM "annual_volumes" v WHERE v."id" = NEW."volume_id" AND v."status" = 'published' FOR SHARE OF v;
  END IF;
  IF frozen_year IS NOT NULL THEN
    PERFORM "dsyb_refuse_frozen"(format('%s年年度大事记已发布，内容已冻结，不能%s其中的%s。',
      frozen_year, CASE TG_OP WHEN 'INSERT' THEN '增加' WHEN 'DELETE' THEN '删除' ELSE '修改' END,
      CASE TG_TABLE_NAME WHEN 'annual_index_terms' THEN '索引词' ELSE '条目' END));
  END IF;
  RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
END $$;

CREATE TRIGGER "annual_volume_entries_freeze_published"
  BEFORE INSERT OR UPDATE OR DELETE ON "annual_volume_entries"
  FOR EACH ROW EXECUTE FUNCTION "dsyb_guard_published_volume_part"();
CREATE TRIGGER "annual_index_terms_freeze_published"
  BEFORE INSERT OR UPDATE OR DELETE ON "annual_index_terms"
  FOR EACH ROW EXECUTE FUNCTION "dsyb_guard_published_volume_part"();

CREATE FUNCTION "dsyb_guard_published_volume"() RETURNS TRIGGER
LANGUAGE plpgsql AS $$
BEGIN
  IF OLD."status" = 'published' AND (TG_OP = 'DELETE' OR (to_jsonb(NEW) - 'signed_off_by_id') <> (to_jsonb(OLD) - 'signed_off_by_id')) THEN
    PERFORM "dsyb_refuse_frozen"(format('%s年年度大事记已发布，内容已冻结，不能%s。', OLD."year", CASE TG_OP WHEN 'DELETE' THEN '删除' ELSE '修改' END));
  END IF;
  RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
END $$;

CREATE TRIGGER "annual_volumes_freeze_published"
  BEFORE UPDATE OR DELETE ON "annual_volumes"
  FOR EACH ROW EXECUTE FUNCTION "dsyb_guard_published_volume"();
CREATE TRIGGER "annual_volumes_truncate_published" BEFORE TRUNCATE ON "annual_volumes"
  FOR EACH STATEMENT EXECUTE FUNCTION "dsyb_guard_truncate_published"();
CREATE TRIGGER "annual_volume_entries_truncate_published" BEFORE TRUNCATE ON "annual_volume_entries"
  FOR EACH STATEMENT EXECUTE FUNCTION "dsyb_guard_truncate_published"();
