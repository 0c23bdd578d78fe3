-- Page numbering of the printed issue (issue 13, item 7). 'from-cover': every page counts from
-- the cover (page 1), numbers printed from the first body page on, as in the reference issue
-- (总第97期: the first entry is on page 4, after the cover and two pages of contents);
-- 'from-body': the first body page is page 1.
ALTER TABLE "masthead_settings"
    ADD COLUMN "page_numbering" TEXT NOT NULL DEFAULT 'from-cover',
    ADD CONSTRAINT "masthead_settings_page_numbering_check" CHECK ("page_numbering" IN ('from-cover', 'from-body'));
