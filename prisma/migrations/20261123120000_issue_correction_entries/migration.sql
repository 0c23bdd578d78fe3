-- 勘误: the corrected wording of entries of a published issue. The published entry rows stay
-- frozen as printed; a correction's rendition applies these on top of them.

-- CreateTable
CREATE TABLE "issue_correction_entries" (
    "id" UUID NOT NULL,
    "correction_id" UUID NOT NULL,
    "entry_id" UUID NOT NULL,
    "title" TEXT NOT NULL,
    "body_html" TEXT NOT NULL,
    "body_text" TEXT NOT NULL,
    CONSTRAINT "issue_correction_entries_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "issue_correction_entries_correction_id_entry_id_key" ON "issue_correction_entries"("correction_id", "entry_id");

-- AddForeignKey
ALTER TABLE "issue_correction_entries" ADD CONSTRAINT "issue_correction_entries_correction_id_fkey" FOREIGN KEY ("correction_id") REFERENCES "issue_corrections"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "issue_correction_entries" ADD CONSTRAINT "issue_correction_entries_entry_id_fkey" FOREIGN KEY ("entry_id") REFERENCES "entries"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- A correction is itself a record: once made, it is neither changed nor withdrawn.
CREATE FUNCTION "dsyb_guard_correction"() RETURNS TRIGGER
LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION USING ERRCODE = 'ZF001', MESSAGE = '勘误一经登记不能修改或删除；如需再次更正，请另行登记勘误。';
END $$;

CREATE TRIGGER "issue_corrections_append_only"
  BEFORE UPDATE OR DELETE ON "issue_corrections"
  FOR EACH ROW EXECUTE FUNCTION "dsyb_guard_correction"();

CREATE TRIGGER "issue_correction_entries_append_only"
  BEFORE UPDATE OR DELETE ON "issue_correction_entries"
  FOR EACH ROW EXECUTE FUNCTION "dsyb_guard_correction"();
