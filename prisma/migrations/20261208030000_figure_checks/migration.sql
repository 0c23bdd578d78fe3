-- What a finished rendition printed other than asked: figures shown as placeholders (an image
-- the compiler could not decode, a web address, a GIF…), each naming the entry and the figure.
-- The PDF is complete; the warnings say where to look (apps/worker/src/render-job.ts).
ALTER TABLE "renditions" ADD COLUMN "warnings" TEXT[] DEFAULT ARRAY[]::TEXT[];
