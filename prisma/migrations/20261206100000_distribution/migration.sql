-- Distribution (分发): each unit on a published issue's 发放范围 receives the issue through a
-- personalised PDF and a link of its own, by e-mail where it asks for it, and its receipt (签收)
-- is recorded. See apps/api/src/distribution.

-- 下载链接 / 电子邮件 / 纸质
CREATE TYPE "DeliveryMethod" AS ENUM ('link', 'email', 'paper');

-- The e-mail of a delivery: none (not an e-mail unit) → queued → sent, or retrying → failed.
CREATE TYPE "MailStatus" AS ENUM ('none', 'queued', 'retrying', 'sent', 'failed');

-- A recipient unit as an addressee.
ALTER TABLE "recipient_units"
    ADD COLUMN "contact_person" TEXT,
    ADD COLUMN "phone" TEXT,
    ADD COLUMN "emails" TEXT[] DEFAULT ARRAY[]::TEXT[],
    ADD COLUMN "paper_copies" INTEGER NOT NULL DEFAULT 1,
    ADD COLUMN "delivery_method" "DeliveryMethod" NOT NULL DEFAULT 'link',
    ADD CONSTRAINT "recipient_units_paper_copies_check" CHECK ("paper_copies" BETWEEN 0 AND 1000);

-- One dispatch of one revision of a published issue: the final PDF it was made from.
CREATE TABLE "dispatches" (
    "id" UUID NOT NULL,
    "issue_id" UUID NOT NULL,
    "issue_revision" INTEGER NOT NULL,
    "rendition_id" UUID NOT NULL,
    "created_by_id" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "dispatches_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "dispatches_issue_id_idx" ON "dispatches"("issue_id");
ALTER TABLE "dispatches" ADD CONSTRAINT "dispatches_issue_id_fkey" FOREIGN KEY ("issue_id") REFERENCES "issues"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "dispatches" ADD CONSTRAINT "dispatches_rendition_id_fkey" FOREIGN KEY ("rendition_id") REFERENCES "renditions"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "dispatches" ADD CONSTRAINT "dispatches_created_by_id_fkey" FOREIGN KEY ("created_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- What one unit received of one revision, and what it did with it.
CREATE TABLE "deliveries" (
    "id" UUID NOT NULL,
    "dispatch_id" UUID NOT NULL,
    "issue_id" UUID NOT NULL,
    "recipient_id" UUID NOT NULL,
    "issue_revision" INTEGER NOT NULL,
    "position" INTEGER NOT NULL,
    "unit_name" TEXT NOT NULL,
    "method" "DeliveryMethod" NOT NULL,
    "emails" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "paper_copies" INTEGER NOT NULL DEFAULT 0,
    "link_base" TEXT NOT NULL,
    "pdf_status" "RenditionStatus" NOT NULL DEFAULT 'queued',
    "pdf_storage_key" TEXT,
    "pdf_bytes" INTEGER,
    "pdf_sha256" TEXT,
    "pdf_error" TEXT,
    "mail_status" "MailStatus" NOT NULL DEFAULT 'none',
    "mail_attempts" INTEGER NOT NULL DEFAULT 0,
    "mail_error" TEXT,
    "sent_at" TIMESTAMPTZ(3),
    "reminded_at" TIMESTAMPTZ(3),
    "reminders" INTEGER NOT NULL DEFAULT 0,
    "first_opened_at" TIMESTAMPTZ(3),
    "last_opened_at" TIMESTAMPTZ(3),
    "open_count" INTEGER NOT NULL DEFAULT 0,
    "first_downloaded_at" TIMESTAMPTZ(3),
    "download_count" INTEGER NOT NULL DEFAULT 0,
    "confirmed_at" TIMESTAMPTZ(3),
    "confirmed_by_name" TEXT,
    "confirmed_on_paper" BOOLEAN NOT NULL DEFAULT false,
    "superseded_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,
    CONSTRAINT "deliveries_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "deliveries_issue_id_recipient_id_issue_revision_key" ON "deliveries"("issue_id", "recipient_id", "issue_revision");
CREATE INDEX "deliveries_dispatch_id_idx" ON "deliveries"("dispatch_id");
CREATE INDEX "deliveries_pdf_status_mail_status_idx" ON "deliveries"("pdf_status", "mail_status");
ALTER TABLE "deliveries" ADD CONSTRAINT "deliveries_dispatch_id_fkey" FOREIGN KEY ("dispatch_id") REFERENCES "dispatches"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "deliveries" ADD CONSTRAINT "deliveries_issue_id_fkey" FOREIGN KEY ("issue_id") REFERENCES "issues"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "deliveries" ADD CONSTRAINT "deliveries_recipient_id_fkey" FOREIGN KEY ("recipient_id") REFERENCES "recipient_units"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- The links of a delivery: only the sha256 of each token is kept. A reminder adds a link, a
-- re-issue revokes the others; each expires.
CREATE TABLE "delivery_links" (
    "id" UUID NOT NULL,
    "delivery_id" UUID NOT NULL,
    "token_hash" TEXT NOT NULL,
    "purpose" TEXT NOT NULL,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,
    "revoked_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "delivery_links_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "delivery_links_token_hash_key" ON "delivery_links"("token_hash");
CREATE INDEX "delivery_links_delivery_id_idx" ON "delivery_links"("delivery_id");
ALTER TABLE "delivery_links" ADD CONSTRAINT "delivery_links_delivery_id_fkey" FOREIGN KEY ("delivery_id") REFERENCES "deliveries"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- 分发设置: the office's mail server and the rules of its links (one row, key 'default').
CREATE TABLE "delivery_settings" (
    "id" UUID NOT NULL,
    "key" TEXT NOT NULL,
    "public_url" TEXT,
    "smtp_host" TEXT,
    "smtp_port" INTEGER NOT NULL DEFAULT 465,
    "smtp_secure" BOOLEAN NOT NULL DEFAULT true,
    "smtp_user" TEXT,
    "smtp_password" TEXT,
    "sender" TEXT,
    "attach_pdf" BOOLEAN NOT NULL DEFAULT false,
    "link_ttl_days" INTEGER NOT NULL DEFAULT 90,
    "overdue_days" INTEGER NOT NULL DEFAULT 7,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,
    CONSTRAINT "delivery_settings_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "delivery_settings_key_key" ON "delivery_settings"("key");
INSERT INTO "delivery_settings" ("id", "key", "updated_at") VALUES (gen_random_uuid(), 'default', CURRENT_TIMESTAMP);

-- A delivery names the final PDF it was made from: that file is part of the record, like the
-- published final itself.
CREATE FUNCTION "dsyb_guard_delivery"() RETURNS TRIGGER
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    RAISE EXCEPTION USING ERRCODE = 'ZF001', MESSAGE = '分发记录不能删除。';
  END IF;
  IF NEW."issue_id" <> OLD."issue_id" OR NEW."recipient_id" <> OLD."recipient_id" OR NEW."issue_revision" <> OLD."issue_revision"
     OR NEW."unit_name" <> OLD."unit_name" OR NEW."dispatch_id" <> OLD."dispatch_id"
     OR (OLD."pdf_sha256" IS NOT NULL AND NEW."pdf_sha256" IS DISTINCT FROM OLD."pdf_sha256") THEN
    RAISE EXCEPTION USING ERRCODE = 'ZF001', MESSAGE = format('发给「%s」的第%s次修订分发记录不能改动其单位、期次或已生成的文件。', OLD."unit_name", OLD."issue_revision");
  END IF;
  RETURN NEW;
END $$;

CREATE TRIGGER "deliveries_guard"
  BEFORE UPDATE OR DELETE ON "deliveries"
  FOR EACH ROW EXECUTE FUNCTION "dsyb_guard_delivery"();

CREATE FUNCTION "dsyb_guard_dispatch"() RETURNS TRIGGER
LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION USING ERRCODE = 'ZF001', MESSAGE = '分发记录不能修改或删除。';
END $$;

CREATE TRIGGER "dispatches_immutable"
  BEFORE UPDATE OR DELETE ON "dispatches"
  FOR EACH ROW EXECUTE FUNCTION "dsyb_guard_dispatch"();
