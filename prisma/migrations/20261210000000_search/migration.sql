-- Chinese full-text search (issue 15).
--
-- PostgreSQL cannot cut Chinese into words, so the application does it (jieba, libs/search) and
-- stores each document's words as a weighted tsvector (title A, body B, bylines and source C)
-- in the same statement or transaction as the save, one row per document in entry_search,
-- source_search and issue_search, served by GIN indexes. The words live beside the documents,
-- not in them: indexing again (a dictionary change, a reindex) then writes only these small
-- tables and their index, never the documents' rows and their trigram indexes, and a published
-- issue's text stays untouched by it.
-- A name the segmentation cut differently in a document is found through trigram indexes
-- (pg_trgm) on the documents' text, with ILIKE. Rows written before this migration have no
-- words yet: the seed step of every start indexes them, and `npm run search:reindex` redoes all.

CREATE EXTENSION IF NOT EXISTS pg_trgm;

CREATE TABLE "entry_search" (
    "entry_id" UUID NOT NULL,
    "vector" TSVECTOR NOT NULL,
    "title_vector" TSVECTOR NOT NULL,
    "sort_date" DATE,
    CONSTRAINT "entry_search_pkey" PRIMARY KEY ("entry_id"),
    CONSTRAINT "entry_search_entry_id_fkey" FOREIGN KEY ("entry_id") REFERENCES "entries"("id") ON DELETE CASCADE ON UPDATE CASCADE
);
CREATE TABLE "source_search" (
    "source_id" UUID NOT NULL,
    "vector" TSVECTOR NOT NULL,
    "title_vector" TSVECTOR NOT NULL,
    "sort_date" DATE,
    CONSTRAINT "source_search_pkey" PRIMARY KEY ("source_id"),
    CONSTRAINT "source_search_source_id_fkey" FOREIGN KEY ("source_id") REFERENCES "source_articles"("id") ON DELETE CASCADE ON UPDATE CASCADE
);
CREATE TABLE "issue_search" (
    "issue_id" UUID NOT NULL,
    "vector" TSVECTOR NOT NULL,
    "title_vector" TSVECTOR NOT NULL,
    "sort_date" DATE,
    CONSTRAINT "issue_search_pkey" PRIMARY KEY ("issue_id"),
    CONSTRAINT "issue_search_issue_id_fkey" FOREIGN KEY ("issue_id") REFERENCES "issues"("id") ON DELETE CASCADE ON UPDATE CASCADE
);

CREATE INDEX "entry_search_vector_idx" ON "entry_search" USING GIN ("vector");
CREATE INDEX "source_search_vector_idx" ON "source_search" USING GIN ("vector");
CREATE INDEX "issue_search_vector_idx" ON "issue_search" USING GIN ("vector");
-- A search ranks the documents naming the words in their title and the most recent others
-- (sort_date: the event's, the newspaper's or the issue's month), not every match: a common
-- word matches half the archive (libs/search/src/search-sql.ts).
CREATE INDEX "entry_search_title_vector_idx" ON "entry_search" USING GIN ("title_vector");
CREATE INDEX "source_search_title_vector_idx" ON "source_search" USING GIN ("title_vector");
CREATE INDEX "issue_search_title_vector_idx" ON "issue_search" USING GIN ("title_vector");
CREATE INDEX "entry_search_sort_date_idx" ON "entry_search" ("sort_date" DESC NULLS LAST);
CREATE INDEX "source_search_sort_date_idx" ON "source_search" ("sort_date" DESC NULLS LAST);
CREATE INDEX "issue_search_sort_date_idx" ON "issue_search" ("sort_date" DESC NULLS LAST);

-- The expressions must be written exactly so in queries (libs/search/src/search-sql.ts).
CREATE INDEX "entries_search_text_trgm_idx" ON "entries" USING GIN (("title" || ' ' || "body_text") gin_trgm_ops);
CREATE INDEX "source_articles_search_text_trgm_idx" ON "source_articles" USING GIN (("headline" || ' ' || "text") gin_trgm_ops);
CREATE INDEX "issues_search_text_trgm_idx" ON "issues" USING GIN ("title" gin_trgm_ops);

-- The district dictionary: names of streets, units and people that jieba must keep whole.
CREATE TABLE "search_terms" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "word" TEXT NOT NULL,
    "kind" TEXT NOT NULL DEFAULT 'term',
    "note" TEXT,
    "created_by_id" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "search_terms_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "search_terms_kind_check" CHECK ("kind" IN ('person', 'place', 'organisation', 'term')),
    CONSTRAINT "search_terms_word_check" CHECK (char_length("word") BETWEEN 2 AND 30 AND "word" !~ '\s'),
    CONSTRAINT "search_terms_created_by_id_fkey" FOREIGN KEY ("created_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE
);
CREATE UNIQUE INDEX "search_terms_word_key" ON "search_terms"("word");
