-- 勘误 as a workflow (issue 13): an editor starts a correction of a published issue — the reason
-- and the corrected wording of the entries concerned — and a reviewer signs it off or returns it.
-- Only the sign-off makes the correction itself (issue_corrections, append-only, with its new
-- revision and publication); the request records who asked, who decided, and when.
CREATE TYPE "CorrectionRequestStatus" AS ENUM ('pending', 'signed_off', 'returned');

CREATE TABLE "issue_correction_requests" (
    "id" UUID NOT NULL,
    "issue_id" UUID NOT NULL,
    "status" "CorrectionRequestStatus" NOT NULL DEFAULT 'pending',
    "reason" TEXT NOT NULL,
    -- [{ entryId, title, bodyHtml, bodyText }]: the corrected wording, as the sign-off will publish it.
    "entries" JSONB NOT NULL,
    "created_by_id" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "decided_by_id" UUID,
    "decided_at" TIMESTAMPTZ(3),
    "decision_comment" TEXT,
    "correction_id" UUID,
    CONSTRAINT "issue_correction_requests_pkey" PRIMARY KEY ("id")
);

CREATE UNIQUE INDEX "issue_correction_requests_correction_id_key" ON "issue_correction_requests"("correction_id");
CREATE INDEX "issue_correction_requests_issue_id_idx" ON "issue_correction_requests"("issue_id");

ALTER TABLE "issue_correction_requests" ADD CONSTRAINT "issue_correction_requests_issue_id_fkey" FOREIGN KEY ("issue_id") REFERENCES "issues"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "issue_correction_requests" ADD CONSTRAINT "issue_correction_requests_created_by_id_fkey" FOREIGN KEY ("created_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "issue_correction_requests" ADD CONSTRAINT "issue_correction_requests_decided_by_id_fkey" FOREIGN KEY ("decided_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "issue_correction_requests" ADD CONSTRAINT "issue_correction_requests_correction_id_fkey" FOREIGN KEY ("correction_id") REFERENCES "issue_corrections"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
