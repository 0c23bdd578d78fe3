-- A batch of page files (a month of pages) imported by the worker: the batch with its progress,
-- and each file with its bytes until it has been read, then its outcome.
CREATE TYPE "ImportStatus" AS ENUM ('queued', 'running', 'done', 'failed');

CREATE TABLE "source_import_batches" (
    "id" UUID NOT NULL,
    "newspaper" TEXT NOT NULL,
    "issue_date" DATE,
    "status" "ImportStatus" NOT NULL DEFAULT 'queued',
    "created_by_id" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finished_at" TIMESTAMPTZ(3),
    CONSTRAINT "source_import_batches_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "source_import_batches_created_by_id_fkey" FOREIGN KEY ("created_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE
);

CREATE TABLE "source_import_files" (
    "id" UUID NOT NULL,
    "batch_id" UUID NOT NULL,
    "position" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "page" TEXT,
    "issue_date" DATE,
    "bytes" BYTEA,
    "status" "ImportStatus" NOT NULL DEFAULT 'queued',
    "message" TEXT,
    "ocr" BOOLEAN NOT NULL DEFAULT false,
    "created" INTEGER NOT NULL DEFAULT 0,
    "skipped" INTEGER NOT NULL DEFAULT 0,
    CONSTRAINT "source_import_files_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "source_import_files_batch_id_fkey" FOREIGN KEY ("batch_id") REFERENCES "source_import_batches"("id") ON DELETE CASCADE ON UPDATE CASCADE
);

CREATE INDEX "source_import_files_batch_id_position_idx" ON "source_import_files"("batch_id", "position");
