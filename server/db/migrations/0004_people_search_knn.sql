DROP INDEX "people_search_trgm_idx";--> statement-breakpoint
CREATE INDEX "people_search_trgm_idx" ON "people" USING gist ("search_text" gist_trgm_ops);