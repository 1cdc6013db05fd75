CREATE INDEX "actors_inactive_idx" ON "actors" USING btree ("id") WHERE not "actors"."active";--> statement-breakpoint
-- The planner prices trigram word similarity like an equality and scans every actor (decision 0012);
-- a function's own SET steers only its statement onto the trigram index, with no transaction around
-- the search (BEGIN, SET LOCAL and COMMIT were most of the actor search's time).
CREATE OR REPLACE FUNCTION relais_actor_name_matches(query text)
RETURNS TABLE (id uuid, rank real)
LANGUAGE sql STABLE ROWS 20
SET enable_seqscan = off
AS $$ SELECT a.id, word_similarity(query, a.search_text) FROM actors a WHERE query <% a.search_text $$;
