-- CreateEnum
CREATE TYPE "Role" AS ENUM ('admin', 'editor', 'reviewer');
CREATE TYPE "IssueStatus" AS ENUM ('drafting', 'in_review', 'approved', 'published');
CREATE TYPE "EntryStatus" AS ENUM ('draft', 'submitted', 'approved', 'changes_requested');
CREATE TYPE "DatePrecision" AS ENUM ('day', 'month');
CREATE TYPE "ContributorRole" AS ENUM ('reporter', 'correspondent', 'photographer');
CREATE TYPE "RenditionKind" AS ENUM ('proof', 'final');
CREATE TYPE "RenditionStatus" AS ENUM ('queued', 'running', 'done', 'failed');

-- CreateTable
CREATE TABLE "masthead_settings" (
    "id" UUID NOT NULL,
    "key" TEXT NOT NULL,
    "publication_title" TEXT NOT NULL,
    "notice" TEXT NOT NULL,
    "sponsor" TEXT NOT NULL,
    "publisher" TEXT NOT NULL,
    "phone" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "paper" TEXT NOT NULL DEFAULT 'a4',
    "updated_at" TIMESTAMPTZ(3) NOT NULL,
    CONSTRAINT "masthead_settings_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "issues" (
    "id" UUID NOT NULL,
    "year" INTEGER NOT NULL,
    "month" INTEGER NOT NULL,
    "serial_number" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "compiler" TEXT NOT NULL,
    "publication_date" DATE NOT NULL,
    "coverage_start" DATE NOT NULL,
    "coverage_end" DATE NOT NULL,
    "deadline" DATE,
    "status" "IssueStatus" NOT NULL DEFAULT 'drafting',
    "revision" INTEGER NOT NULL DEFAULT 1,
    "version" INTEGER NOT NULL DEFAULT 1,
    "masthead_id" UUID NOT NULL,
    "signed_off_at" TIMESTAMPTZ(3),
    "signed_off_by_id" UUID,
    "published_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,
    CONSTRAINT "issues_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "issue_corrections" (
    "id" UUID NOT NULL,
    "issue_id" UUID NOT NULL,
    "revision" INTEGER NOT NULL,
    "reason" TEXT NOT NULL,
    "created_by_id" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "issue_corrections_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "sections" (
    "id" UUID NOT NULL,
    "key" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "active" BOOLEAN NOT NULL DEFAULT true,
    CONSTRAINT "sections_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "entries" (
    "id" UUID NOT NULL,
    "issue_id" UUID,
    "section_id" UUID NOT NULL,
    "position" INTEGER NOT NULL DEFAULT 0,
    "title" TEXT NOT NULL,
    "body_html" TEXT NOT NULL DEFAULT '',
    "body_text" TEXT NOT NULL DEFAULT '',
    "event_date" DATE NOT NULL,
    "event_date_precision" "DatePrecision" NOT NULL DEFAULT 'day',
    "status" "EntryStatus" NOT NULL DEFAULT 'draft',
    "version" INTEGER NOT NULL DEFAULT 1,
    "source_id" UUID,
    "created_by_id" UUID,
    "updated_by_id" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,
    CONSTRAINT "entries_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "entry_revisions" (
    "id" UUID NOT NULL,
    "entry_id" UUID NOT NULL,
    "version" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "body_html" TEXT NOT NULL,
    "body_text" TEXT NOT NULL,
    "event_date" DATE NOT NULL,
    "event_date_precision" "DatePrecision" NOT NULL,
    "section_id" UUID NOT NULL,
    "status" "EntryStatus" NOT NULL,
    "author_id" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "entry_revisions_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "review_comments" (
    "id" UUID NOT NULL,
    "entry_id" UUID NOT NULL,
    "entry_version" INTEGER NOT NULL,
    "author_id" UUID NOT NULL,
    "body" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "review_comments_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "source_articles" (
    "id" UUID NOT NULL,
    "newspaper" TEXT NOT NULL,
    "issue_date" DATE,
    "page" TEXT,
    "headline" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,
    CONSTRAINT "source_articles_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "contributors" (
    "id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "role" "ContributorRole" NOT NULL DEFAULT 'correspondent',
    "organisation" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "contributors_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "entry_contributors" (
    "entry_id" UUID NOT NULL,
    "contributor_id" UUID NOT NULL,
    "role" "ContributorRole" NOT NULL,
    CONSTRAINT "entry_contributors_pkey" PRIMARY KEY ("entry_id","contributor_id","role")
);

CREATE TABLE "source_contributors" (
    "source_id" UUID NOT NULL,
    "contributor_id" UUID NOT NULL,
    "role" "ContributorRole" NOT NULL,
    CONSTRAINT "source_contributors_pkey" PRIMARY KEY ("source_id","contributor_id","role")
);

CREATE TABLE "recipient_units" (
    "id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "category" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "active" BOOLEAN NOT NULL DEFAULT true,
    CONSTRAINT "recipient_units_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "issue_recipients" (
    "issue_id" UUID NOT NULL,
    "recipient_id" UUID NOT NULL,
    "position" INTEGER NOT NULL,
    "received_at" TIMESTAMPTZ(3),
    CONSTRAINT "issue_recipients_pkey" PRIMARY KEY ("issue_id","recipient_id")
);

CREATE TABLE "users" (
    "id" UUID NOT NULL,
    "username" TEXT NOT NULL,
    "display_name" TEXT NOT NULL,
    "password_hash" TEXT NOT NULL,
    "roles" "Role"[],
    "active" BOOLEAN NOT NULL DEFAULT true,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,
    CONSTRAINT "users_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "renditions" (
    "id" UUID NOT NULL,
    "issue_id" UUID NOT NULL,
    "kind" "RenditionKind" NOT NULL,
    "status" "RenditionStatus" NOT NULL DEFAULT 'queued',
    "progress" INTEGER NOT NULL DEFAULT 0,
    "content_hash" TEXT NOT NULL,
    "issue_revision" INTEGER NOT NULL,
    "pages" INTEGER,
    "bytes" INTEGER,
    "sha256" TEXT,
    "storage_key" TEXT,
    "error" TEXT,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "requested_by_id" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "started_at" TIMESTAMPTZ(3),
    "finished_at" TIMESTAMPTZ(3),
    "render_ms" INTEGER,
    "superseded_at" TIMESTAMPTZ(3),
    CONSTRAINT "renditions_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "audit_events" (
    "id" BIGSERIAL NOT NULL,
    "actor_id" UUID,
    "actor_name" TEXT,
    "action" TEXT NOT NULL,
    "entity_type" TEXT NOT NULL,
    "entity_id" TEXT,
    "before" JSONB,
    "after" JSONB,
    "ip" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "audit_events_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "masthead_settings_key_key" ON "masthead_settings"("key");
CREATE UNIQUE INDEX "issues_serial_number_key" ON "issues"("serial_number");
CREATE UNIQUE INDEX "issues_year_month_key" ON "issues"("year", "month");
CREATE UNIQUE INDEX "issue_corrections_issue_id_revision_key" ON "issue_corrections"("issue_id", "revision");
CREATE UNIQUE INDEX "sections_key_key" ON "sections"("key");
CREATE INDEX "entries_issue_id_section_id_position_idx" ON "entries"("issue_id", "section_id", "position");
CREATE INDEX "entries_status_idx" ON "entries"("status");
CREATE UNIQUE INDEX "entry_revisions_entry_id_version_key" ON "entry_revisions"("entry_id", "version");
CREATE INDEX "review_comments_entry_id_idx" ON "review_comments"("entry_id");
CREATE UNIQUE INDEX "contributors_name_organisation_key" ON "contributors"("name", "organisation");
CREATE UNIQUE INDEX "recipient_units_name_key" ON "recipient_units"("name");
CREATE UNIQUE INDEX "users_username_key" ON "users"("username");
CREATE INDEX "renditions_status_idx" ON "renditions"("status");
CREATE UNIQUE INDEX "renditions_issue_id_kind_content_hash_key" ON "renditions"("issue_id", "kind", "content_hash");
CREATE INDEX "audit_events_entity_type_entity_id_idx" ON "audit_events"("entity_type", "entity_id");
CREATE INDEX "audit_events_created_at_idx" ON "audit_events"("created_at");

-- AddForeignKey
ALTER TABLE "issues" ADD CONSTRAINT "issues_masthead_id_fkey" FOREIGN KEY ("masthead_id") REFERENCES "masthead_settings"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "issues" ADD CONSTRAINT "issues_signed_off_by_id_fkey" FOREIGN KEY ("signed_off_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "issue_corrections" ADD CONSTRAINT "issue_corrections_issue_id_fkey" FOREIGN KEY ("issue_id") REFERENCES "issues"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "issue_corrections" ADD CONSTRAINT "issue_corrections_created_by_id_fkey" FOREIGN KEY ("created_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "entries" ADD CONSTRAINT "entries_issue_id_fkey" FOREIGN KEY ("issue_id") REFERENCES "issues"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "entries" ADD CONSTRAINT "entries_section_id_fkey" FOREIGN KEY ("section_id") REFERENCES "sections"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "entries" ADD CONSTRAINT "entries_source_id_fkey" FOREIGN KEY ("source_id") REFERENCES "source_articles"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "entries" ADD CONSTRAINT "entries_created_by_id_fkey" FOREIGN KEY ("created_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "entries" ADD CONSTRAINT "entries_updated_by_id_fkey" FOREIGN KEY ("updated_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "entry_revisions" ADD CONSTRAINT "entry_revisions_entry_id_fkey" FOREIGN KEY ("entry_id") REFERENCES "entries"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "entry_revisions" ADD CONSTRAINT "entry_revisions_author_id_fkey" FOREIGN KEY ("author_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "review_comments" ADD CONSTRAINT "review_comments_entry_id_fkey" FOREIGN KEY ("entry_id") REFERENCES "entries"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "review_comments" ADD CONSTRAINT "review_comments_author_id_fkey" FOREIGN KEY ("author_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "entry_contributors" ADD CONSTRAINT "entry_contributors_entry_id_fkey" FOREIGN KEY ("entry_id") REFERENCES "entries"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "entry_contributors" ADD CONSTRAINT "entry_contributors_contributor_id_fkey" FOREIGN KEY ("contributor_id") REFERENCES "contributors"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "source_contributors" ADD CONSTRAINT "source_contributors_source_id_fkey" FOREIGN KEY ("source_id") REFERENCES "source_articles"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "source_contributors" ADD CONSTRAINT "source_contributors_contributor_id_fkey" FOREIGN KEY ("contributor_id") REFERENCES "contributors"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "issue_recipients" ADD CONSTRAINT "issue_recipients_issue_id_fkey" FOREIGN KEY ("issue_id") REFERENCES "issues"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "issue_recipients" ADD CONSTRAINT "issue_recipients_recipient_id_fkey" FOREIGN KEY ("recipient_id") REFERENCES "recipient_units"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "renditions" ADD CONSTRAINT "renditions_issue_id_fkey" FOREIGN KEY ("issue_id") REFERENCES "issues"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "renditions" ADD CONSTRAINT "renditions_requested_by_id_fkey" FOREIGN KEY ("requested_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "audit_events" ADD CONSTRAINT "audit_events_actor_id_fkey" FOREIGN KEY ("actor_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;
