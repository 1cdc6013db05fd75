-- Report rollups (decision 0032): report_encounter_counts and report_person_periods
-- follow encounters, places and outreach sessions through statement-level triggers with transition
-- tables, written as set-based upserts like coverage_counts (decision 0018). One statement builder
-- serves every event: the trigger passes it the SQL that reads its transition tables, each row
-- carrying +1 (counted) or -1 (taken back), and runs it with EXECUTE, where the transition tables
-- are still visible. An encounter's neighbourhood is its place's, or its session's place's; nil
-- UUID for none. Months are UTC months, like coverage's UTC days.
--
-- Retention purge: a purge deletes old anonymous encounters "kept as counts" inside a transaction
-- with `set local relais.retention_purge = 'on'`; the DELETE triggers then leave every count as it
-- is (the raw detail goes, the counts stay). That applies to coverage_counts too (replaced below).

-- The rows of an encounter source as the rollups need them: FROM item `rows` (aliased x), sign.
CREATE OR REPLACE FUNCTION relais_report_encounter_source(from_item text, sign int, filter text DEFAULT 'true')
RETURNS text LANGUAGE sql IMMUTABLE AS $fn$
  SELECT format(
    'SELECT x.team_id, coalesce(p.neighbourhood_id, %L::uuid) AS hood_id, x.occurred_at, x.person_id,
            x.identification, x.channel, x.initiator, x.age_band, x.gender, x.needs, x.actions, x.non_recours,
            %s AS delta
     FROM %s
     LEFT JOIN outreach_sessions s ON x.place_id IS NULL AND s.id = x.session_id
     LEFT JOIN places p ON p.id = coalesce(x.place_id, s.place_id)
     WHERE %s',
    '00000000-0000-0000-0000-000000000000', sign, from_item, filter)
$fn$;
--> statement-breakpoint
-- One statement that adds a source's deltas to both rollups. The source yields team_id, hood_id,
-- occurred_at, person_id, identification, channel, initiator, age_band, gender, needs, actions,
-- non_recours and delta. A data-modifying CTE runs even when the main query does not read it.
CREATE OR REPLACE FUNCTION relais_report_apply_sql(source text) RETURNS text LANGUAGE sql IMMUTABLE AS $fn$
  SELECT format($q$
WITH d AS (
  SELECT team_id, hood_id, date_trunc('month', occurred_at AT TIME ZONE 'UTC')::date AS month, person_id,
         identification, channel, initiator, age_band, gender, needs, actions, non_recours, delta
  FROM (%s) src
), facts AS (
  SELECT team_id, hood_id, month, 'total' AS dimension, '' AS value, delta FROM d
  UNION ALL SELECT team_id, hood_id, month, 'identification', identification, delta FROM d
  UNION ALL SELECT team_id, hood_id, month, 'channel', coalesce(channel, ''), delta FROM d
  UNION ALL SELECT team_id, hood_id, month, 'initiator', coalesce(initiator, ''), delta FROM d
  UNION ALL SELECT team_id, hood_id, month, 'ageBand', coalesce(age_band, ''), delta FROM d
  UNION ALL SELECT team_id, hood_id, month, 'gender', coalesce(gender, ''), delta FROM d
  UNION ALL SELECT team_id, hood_id, month, 'need', u.v, delta FROM d, LATERAL (SELECT DISTINCT unnest(d.needs)) u(v)
  UNION ALL SELECT team_id, hood_id, month, 'action', u.v, delta FROM d, LATERAL (SELECT DISTINCT unnest(d.actions)) u(v)
  UNION ALL SELECT team_id, hood_id, month, 'right', u.v, delta
    FROM d, LATERAL (SELECT DISTINCT r->>'right' FROM jsonb_array_elements(d.non_recours) r WHERE r->>'right' IS NOT NULL) u(v)
), counted AS (
  INSERT INTO report_encounter_counts AS c (team_id, neighbourhood_id, month, dimension, value, encounters)
  SELECT team_id, hood_id, month, dimension, value, sum(delta)::int FROM facts
  GROUP BY 1, 2, 3, 4, 5 HAVING sum(delta) <> 0
  ON CONFLICT (team_id, month, dimension, value, neighbourhood_id)
  DO UPDATE SET encounters = c.encounters + excluded.encounters
  RETURNING 1
), people_net AS (
  SELECT k.kind, k.start, d.team_id, h.hood, d.person_id,
         coalesce(sum(d.delta) FILTER (WHERE d.identification = 'pseudonymous'), 0)::int AS pseudonymous,
         coalesce(sum(d.delta) FILTER (WHERE d.identification = 'identified'), 0)::int AS identified
  FROM d
  CROSS JOIN LATERAL (VALUES (d.hood_id), ('ffffffff-ffff-ffff-ffff-ffffffffffff'::uuid)) h(hood)
  CROSS JOIN LATERAL (VALUES
    ('month', d.month),
    ('quarter', date_trunc('quarter', d.month)::date),
    ('calendarYear', date_trunc('year', d.month)::date),
    ('fiscalYear', (date_trunc('year', d.month - interval '3 months') + interval '3 months')::date)
  ) k(kind, start)
  WHERE d.person_id IS NOT NULL
  GROUP BY 1, 2, 3, 4, 5
)
INSERT INTO report_person_periods AS r (period_kind, period_start, team_id, neighbourhood_id, person_id, pseudonymous, identified)
SELECT kind, start, team_id, hood, person_id, pseudonymous, identified FROM people_net
WHERE pseudonymous <> 0 OR identified <> 0
ON CONFLICT (period_kind, period_start, team_id, neighbourhood_id, person_id)
DO UPDATE SET pseudonymous = r.pseudonymous + excluded.pseudonymous, identified = r.identified + excluded.identified
$q$, source)
$fn$;
--> statement-breakpoint
-- After a decrement, the people whose rows fell to zero are no longer met in that period.
CREATE OR REPLACE FUNCTION relais_report_cleanup_sql(source text) RETURNS text LANGUAGE sql IMMUTABLE AS $fn$
  SELECT format(
    'DELETE FROM report_person_periods r
     WHERE r.person_id IN (SELECT person_id FROM (%s) src WHERE person_id IS NOT NULL)
       AND r.pseudonymous = 0 AND r.identified = 0', source)
$fn$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION relais_report_encounters_insert() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  EXECUTE relais_report_apply_sql(relais_report_encounter_source('new_rows x', 1));
  RETURN NULL;
END;
$$;
--> statement-breakpoint
-- Only rows whose counted fields changed move anything: a follow-up ticked off costs nothing.
CREATE OR REPLACE FUNCTION relais_report_encounters_update() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  changed constant text := '(o.team_id, o.session_id, o.place_id, o.occurred_at, o.person_id, o.identification,
      o.channel, o.initiator, o.age_band, o.gender, o.needs, o.actions, o.non_recours)
    IS DISTINCT FROM (n.team_id, n.session_id, n.place_id, n.occurred_at, n.person_id, n.identification,
      n.channel, n.initiator, n.age_band, n.gender, n.needs, n.actions, n.non_recours)';
  source text;
BEGIN
  source := relais_report_encounter_source('old_rows x JOIN new_rows n ON n.id = x.id CROSS JOIN LATERAL (SELECT x.*) o', -1, changed)
    || ' UNION ALL '
    || relais_report_encounter_source('new_rows x JOIN old_rows o ON o.id = x.id CROSS JOIN LATERAL (SELECT x.*) n', 1, changed);
  EXECUTE relais_report_apply_sql(source);
  EXECUTE relais_report_cleanup_sql(relais_report_encounter_source('old_rows x', -1));
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION relais_report_encounters_delete() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF current_setting('relais.retention_purge', true) = 'on' THEN
    RETURN NULL;
  END IF;
  EXECUTE relais_report_apply_sql(relais_report_encounter_source('old_rows x', -1));
  EXECUTE relais_report_cleanup_sql(relais_report_encounter_source('old_rows x', -1));
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER encounters_report_insert AFTER INSERT ON encounters
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION relais_report_encounters_insert();
--> statement-breakpoint
CREATE TRIGGER encounters_report_update AFTER UPDATE ON encounters
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION relais_report_encounters_update();
--> statement-breakpoint
CREATE TRIGGER encounters_report_delete AFTER DELETE ON encounters
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION relais_report_encounters_delete();
--> statement-breakpoint
-- A place that changes neighbourhood takes its encounters (and those of rounds held there without
-- a place of their own) from the old neighbourhood to the new one. Counts a purge kept stay where
-- they were counted: their detail is gone.
CREATE OR REPLACE FUNCTION relais_report_places_update() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  moved text;
  source text;
BEGIN
  IF NOT EXISTS (SELECT 1 FROM old_rows o JOIN new_rows n ON n.id = o.id
                 WHERE o.neighbourhood_id IS DISTINCT FROM n.neighbourhood_id) THEN
    RETURN NULL;
  END IF;
  moved := 'SELECT e.*, coalesce(o.neighbourhood_id, ''00000000-0000-0000-0000-000000000000''::uuid) AS old_hood,
                   coalesce(n.neighbourhood_id, ''00000000-0000-0000-0000-000000000000''::uuid) AS new_hood
            FROM old_rows o JOIN new_rows n ON n.id = o.id AND o.neighbourhood_id IS DISTINCT FROM n.neighbourhood_id
            JOIN encounters e ON e.place_id = n.id
            UNION ALL
            SELECT e.*, coalesce(o.neighbourhood_id, ''00000000-0000-0000-0000-000000000000''::uuid),
                   coalesce(n.neighbourhood_id, ''00000000-0000-0000-0000-000000000000''::uuid)
            FROM old_rows o JOIN new_rows n ON n.id = o.id AND o.neighbourhood_id IS DISTINCT FROM n.neighbourhood_id
            JOIN outreach_sessions s ON s.place_id = n.id
            JOIN encounters e ON e.session_id = s.id AND e.place_id IS NULL';
  source := format(
    'SELECT team_id, old_hood AS hood_id, occurred_at, person_id, identification, channel, initiator, age_band, gender,
            needs, actions, non_recours, -1 AS delta FROM (%1$s) m
     UNION ALL
     SELECT team_id, new_hood, occurred_at, person_id, identification, channel, initiator, age_band, gender,
            needs, actions, non_recours, 1 FROM (%1$s) m', moved);
  EXECUTE relais_report_apply_sql(source);
  EXECUTE relais_report_cleanup_sql(source);
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER places_report_update AFTER UPDATE ON places
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION relais_report_places_update();
--> statement-breakpoint
-- A round that changes place moves the encounters that take their place from it.
CREATE OR REPLACE FUNCTION relais_report_sessions_update() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  moved text;
  source text;
BEGIN
  IF NOT EXISTS (SELECT 1 FROM old_rows o JOIN new_rows n ON n.id = o.id WHERE o.place_id IS DISTINCT FROM n.place_id) THEN
    RETURN NULL;
  END IF;
  moved := 'SELECT e.*, coalesce(po.neighbourhood_id, ''00000000-0000-0000-0000-000000000000''::uuid) AS old_hood,
                   coalesce(pn.neighbourhood_id, ''00000000-0000-0000-0000-000000000000''::uuid) AS new_hood
            FROM old_rows o JOIN new_rows n ON n.id = o.id AND o.place_id IS DISTINCT FROM n.place_id
            JOIN encounters e ON e.session_id = n.id AND e.place_id IS NULL
            LEFT JOIN places po ON po.id = o.place_id
            LEFT JOIN places pn ON pn.id = n.place_id';
  source := format(
    'SELECT team_id, old_hood AS hood_id, occurred_at, person_id, identification, channel, initiator, age_band, gender,
            needs, actions, non_recours, -1 AS delta FROM (%1$s) m WHERE old_hood <> new_hood
     UNION ALL
     SELECT team_id, new_hood, occurred_at, person_id, identification, channel, initiator, age_band, gender,
            needs, actions, non_recours, 1 FROM (%1$s) m WHERE old_hood <> new_hood', moved);
  EXECUTE relais_report_apply_sql(source);
  EXECUTE relais_report_cleanup_sql(source);
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER sessions_report_update AFTER UPDATE ON outreach_sessions
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION relais_report_sessions_update();
--> statement-breakpoint
-- Coverage keeps its counts through a retention purge too (decision 0018, amended).
CREATE OR REPLACE FUNCTION relais_coverage_encounters_delete() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF current_setting('relais.retention_purge', true) = 'on' THEN
    RETURN NULL;
  END IF;
  INSERT INTO coverage_counts AS c (team_id, place_id, day, encounters)
  SELECT o.team_id, coalesce(o.place_id, s.place_id, '00000000-0000-0000-0000-000000000000'::uuid),
         (o.occurred_at AT TIME ZONE 'UTC')::date, -count(*)::int
  FROM old_rows o LEFT JOIN outreach_sessions s ON s.id = o.session_id
  GROUP BY 1, 2, 3
  ON CONFLICT (team_id, place_id, day) DO UPDATE SET encounters = c.encounters + excluded.encounters;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION relais_coverage_sessions_delete() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF current_setting('relais.retention_purge', true) = 'on' THEN
    RETURN NULL;
  END IF;
  INSERT INTO coverage_counts AS c (team_id, place_id, day, sessions)
  SELECT team_id, coalesce(place_id, '00000000-0000-0000-0000-000000000000'::uuid), on_date, -count(*)::int
  FROM old_rows GROUP BY 1, 2, 3
  ON CONFLICT (team_id, place_id, day) DO UPDATE SET sessions = c.sessions + excluded.sessions;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
-- Field work recorded before this migration.
DO $$
BEGIN
  EXECUTE relais_report_apply_sql(relais_report_encounter_source('encounters x', 1));
END;
$$;
