-- Intake: 实习生 bylines, byline order kept on sources and entries, and the duplicate check
-- of imported articles (same newspaper, date and headline) served by an index.
ALTER TYPE "ContributorRole" ADD VALUE IF NOT EXISTS 'intern';

ALTER TABLE "source_contributors" ADD COLUMN "position" INTEGER NOT NULL DEFAULT 0;
ALTER TABLE "entry_contributors" ADD COLUMN "position" INTEGER NOT NULL DEFAULT 0;

CREATE INDEX "source_articles_newspaper_issue_date_headline_idx" ON "source_articles"("newspaper", "issue_date", "headline");
