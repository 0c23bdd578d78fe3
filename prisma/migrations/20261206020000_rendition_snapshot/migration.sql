-- The issue snapshot a rendition was requested with, which the worker prints instead of reading
-- the live tables again (libs/db/src/issue-snapshot-store.ts). Renditions without one (requested
-- before this column) are checked against their content hash by the worker instead.
ALTER TABLE "renditions" ADD COLUMN "snapshot" JSONB;

-- The figures of stored snapshots, kept once each and named by their content.
CREATE TABLE "snapshot_images" (
    "sha256" TEXT NOT NULL,
    "media_type" TEXT NOT NULL,
    "bytes" BYTEA NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "snapshot_images_pkey" PRIMARY KEY ("sha256")
);

-- A stored snapshot reads back as it was written only if the images it names stay as they are.
CREATE FUNCTION "dsyb_guard_snapshot_image"() RETURNS TRIGGER
LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION USING ERRCODE = 'ZF001', MESSAGE = '排版内容中的图片一经保存不能修改或删除。';
END $$;

CREATE TRIGGER "snapshot_images_immutable"
  BEFORE UPDATE OR DELETE ON "snapshot_images"
  FOR EACH ROW EXECUTE FUNCTION "dsyb_guard_snapshot_image"();
