-- Accent- and typo-tolerant person search (decision 0010): trigram similarity over an unaccented,
-- lower-case column. unaccent() is only STABLE (its dictionary could change), so a generated column
-- or an index cannot call it; this wrapper names the dictionary and is declared IMMUTABLE.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
--> statement-breakpoint
CREATE EXTENSION IF NOT EXISTS unaccent;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION relais_unaccent(text) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
AS $$ SELECT public.unaccent('public.unaccent'::regdictionary, $1) $$;
