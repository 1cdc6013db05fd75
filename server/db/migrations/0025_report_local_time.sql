-- Counting in the deployment's local time, and distinct people as additive counts (decision 0032,
-- amended).
--
-- 1. Months, fiscal years and coverage days were UTC: a contact at 23:30 on 31 March in Québec
--    counted in April, in the next fiscal year. They now follow the counting time zone, kept in
--    `settings` under `countingTimeZone` (UTC until the server first sets it from RELAIS_TIME_ZONE,
--    which recounts the rollups: server/ops/counting-zone.ts). Every trigger and every report query
--    reads it through relais_counting_zone(), so counts and the periods asked of them always agree.
-- 2. report_people_counts: per period, team, neighbourhood (or "all") and level, how many people;
--    kept by the same statement that keeps report_person_periods, from the rows it returns, so a
--    year of the whole organisation is a few dozen rows to add instead of one row per person.

CREATE OR REPLACE FUNCTION relais_counting_zone() RETURNS text LANGUAGE sql STABLE AS $fn$
  SELECT coalesce((SELECT value #>> '{}' FROM settings WHERE key = 'countingTimeZone'), 'UTC')
$fn$;
--> statement-breakpoint
-- The counted level of a person's row in a period: none when no encounter is left.
CREATE OR REPLACE FUNCTION relais_person_level(pseudonymous int, identified int) RETURNS text
LANGUAGE sql IMMUTABLE AS $fn$
  SELECT CASE WHEN identified > 0 THEN 'identified' WHEN pseudonymous > 0 THEN 'pseudonymous' END
$fn$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION relais_report_apply_sql(source text) RETURNS text LANGUAGE sql IMMUTABLE AS $fn$
  SELECT format($q$
WITH tz AS (SELECT relais_counting_zone() AS name
), d AS (
  SELECT team_id, hood_id, date_trunc('month', occurred_at AT TIME ZONE tz.name)::date AS month, person_id,
         identification, channel, initiator, age_band, gender, needs, actions, non_recours, delta
  FROM (%s) src CROSS JOIN tz
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
  HAVING coalesce(sum(d.delta) FILTER (WHERE d.identification = 'pseudonymous'), 0) <> 0
      OR coalesce(sum(d.delta) FILTER (WHERE d.identification = 'identified'), 0) <> 0
), upserted AS (
  INSERT INTO report_person_periods AS r (period_kind, period_start, team_id, neighbourhood_id, person_id, pseudonymous, identified)
  SELECT kind, start, team_id, hood, person_id, pseudonymous, identified FROM people_net
  ON CONFLICT (period_kind, period_start, team_id, neighbourhood_id, person_id)
  DO UPDATE SET pseudonymous = r.pseudonymous + excluded.pseudonymous, identified = r.identified + excluded.identified
  RETURNING r.period_kind, r.period_start, r.team_id, r.neighbourhood_id, r.person_id, r.pseudonymous, r.identified
), moves AS (
  -- Each changed row leaves its level before (its values less this statement's) for its level after.
  SELECT u.period_kind, u.period_start, u.team_id, u.neighbourhood_id,
         relais_person_level(u.pseudonymous - p.pseudonymous, u.identified - p.identified) AS level, -1 AS n
  FROM upserted u JOIN people_net p
    ON p.kind = u.period_kind AND p.start = u.period_start AND p.team_id = u.team_id
   AND p.hood = u.neighbourhood_id AND p.person_id = u.person_id
  UNION ALL
  SELECT period_kind, period_start, team_id, neighbourhood_id, relais_person_level(pseudonymous, identified), 1
  FROM upserted
)
INSERT INTO report_people_counts AS c (period_kind, period_start, team_id, neighbourhood_id, level, people)
SELECT period_kind, period_start, team_id, neighbourhood_id, level, sum(n)::int FROM moves
WHERE level IS NOT NULL
GROUP BY 1, 2, 3, 4, 5 HAVING sum(n) <> 0
ON CONFLICT (period_kind, period_start, team_id, neighbourhood_id, level)
DO UPDATE SET people = c.people + excluded.people
$q$, source)
$fn$;
--> statement-breakpoint
-- Coverage days in local time too (decision 0018, amended).
CREATE OR REPLACE FUNCTION relais_coverage_encounters() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  counting_zone constant text := relais_counting_zone();
BEGIN
  WITH changes AS (
    SELECT n.team_id, coalesce(n.place_id, s.place_id, '00000000-0000-0000-0000-000000000000'::uuid) AS place_id,
           (n.occurred_at AT TIME ZONE counting_zone)::date AS day, 1 AS delta
    FROM new_rows n LEFT JOIN outreach_sessions s ON s.id = n.session_id
    UNION ALL
    SELECT o.team_id, coalesce(o.place_id, s.place_id, '00000000-0000-0000-0000-000000000000'::uuid),
           (o.occurred_at AT TIME ZONE counting_zone)::date, -1
    FROM old_rows o LEFT JOIN outreach_sessions s ON s.id = o.session_id
  ), net AS (
    SELECT team_id, place_id, day, sum(delta)::int AS delta FROM changes GROUP BY 1, 2, 3 HAVING sum(delta) <> 0
  )
  INSERT INTO coverage_counts AS c (team_id, place_id, day, encounters)
  SELECT team_id, place_id, day, delta FROM net
  ON CONFLICT (team_id, place_id, day) DO UPDATE SET encounters = c.encounters + excluded.encounters;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION relais_coverage_encounters_insert() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  counting_zone constant text := relais_counting_zone();
BEGIN
  INSERT INTO coverage_counts AS c (team_id, place_id, day, encounters)
  SELECT n.team_id, coalesce(n.place_id, s.place_id, '00000000-0000-0000-0000-000000000000'::uuid),
         (n.occurred_at AT TIME ZONE counting_zone)::date, count(*)::int
  FROM new_rows n LEFT JOIN outreach_sessions s ON s.id = n.session_id
  GROUP BY 1, 2, 3
  ON CONFLICT (team_id, place_id, day) DO UPDATE SET encounters = c.encounters + excluded.encounters;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION relais_coverage_encounters_delete() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  counting_zone constant text := relais_counting_zone();
BEGIN
  IF current_setting('relais.retention_purge', true) = 'on' THEN
    RETURN NULL;
  END IF;
  INSERT INTO coverage_counts AS c (team_id, place_id, day, encounters)
  SELECT o.team_id, coalesce(o.place_id, s.place_id, '00000000-0000-0000-0000-000000000000'::uuid),
         (o.occurred_at AT TIME ZONE counting_zone)::date, -count(*)::int
  FROM old_rows o LEFT JOIN outreach_sessions s ON s.id = o.session_id
  GROUP BY 1, 2, 3
  ON CONFLICT (team_id, place_id, day) DO UPDATE SET encounters = c.encounters + excluded.encounters;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION relais_coverage_sessions() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  counting_zone constant text := relais_counting_zone();
BEGIN
  WITH changes AS (
    SELECT n.team_id, coalesce(n.place_id, '00000000-0000-0000-0000-000000000000'::uuid) AS place_id, n.on_date AS day, 1 AS delta
    FROM new_rows n
    UNION ALL
    SELECT o.team_id, coalesce(o.place_id, '00000000-0000-0000-0000-000000000000'::uuid), o.on_date, -1
    FROM old_rows o
  ), net AS (
    SELECT team_id, place_id, day, sum(delta)::int AS delta FROM changes GROUP BY 1, 2, 3 HAVING sum(delta) <> 0
  )
  INSERT INTO coverage_counts AS c (team_id, place_id, day, sessions)
  SELECT team_id, place_id, day, delta FROM net
  ON CONFLICT (team_id, place_id, day) DO UPDATE SET sessions = c.sessions + excluded.sessions;
  -- Encounters that take their place from the session move with it.
  WITH moved AS (
    SELECT e.team_id, coalesce(o.place_id, '00000000-0000-0000-0000-000000000000'::uuid) AS old_place,
           coalesce(n.place_id, '00000000-0000-0000-0000-000000000000'::uuid) AS new_place,
           (e.occurred_at AT TIME ZONE counting_zone)::date AS day, count(*)::int AS n
    FROM old_rows o JOIN new_rows n ON n.id = o.id
    JOIN encounters e ON e.session_id = n.id AND e.place_id IS NULL
    WHERE o.place_id IS DISTINCT FROM n.place_id
    GROUP BY 1, 2, 3, 4
  ), changes AS (
    SELECT team_id, old_place AS place_id, day, -n AS delta FROM moved
    UNION ALL
    SELECT team_id, new_place, day, n FROM moved
  )
  INSERT INTO coverage_counts AS c (team_id, place_id, day, encounters)
  SELECT team_id, place_id, day, sum(delta)::int FROM changes GROUP BY 1, 2, 3
  ON CONFLICT (team_id, place_id, day) DO UPDATE SET encounters = c.encounters + excluded.encounters;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
-- Counts everything again from the raw rows in the counting time zone: the report rollups and the
-- encounters' side of coverage. Refused (returns false, nothing changed) when the rollups hold
-- more encounters than the table, that is counts a retention purge kept after their detail went:
-- recounting would lose them.
CREATE OR REPLACE FUNCTION relais_recount_rollups() RETURNS boolean
LANGUAGE plpgsql AS $$
BEGIN
  IF (SELECT coalesce(sum(encounters), 0) FROM report_encounter_counts WHERE dimension = 'total')
     > (SELECT count(*) FROM encounters) THEN
    RETURN false;
  END IF;
  DELETE FROM report_encounter_counts;
  DELETE FROM report_person_periods;
  DELETE FROM report_people_counts;
  EXECUTE relais_report_apply_sql(relais_report_encounter_source('encounters x', 1));
  UPDATE coverage_counts SET encounters = 0 WHERE encounters <> 0;
  INSERT INTO coverage_counts AS c (team_id, place_id, day, encounters)
  SELECT e.team_id, coalesce(e.place_id, s.place_id, '00000000-0000-0000-0000-000000000000'::uuid),
         (e.occurred_at AT TIME ZONE relais_counting_zone())::date, count(*)::int
  FROM encounters e LEFT JOIN outreach_sessions s ON s.id = e.session_id
  GROUP BY 1, 2, 3
  ON CONFLICT (team_id, place_id, day) DO UPDATE SET encounters = excluded.encounters;
  DELETE FROM coverage_counts WHERE encounters = 0 AND sessions = 0;
  RETURN true;
END;
$$;
--> statement-breakpoint
-- The people counted so far.
INSERT INTO report_people_counts (period_kind, period_start, team_id, neighbourhood_id, level, people)
SELECT period_kind, period_start, team_id, neighbourhood_id, relais_person_level(pseudonymous, identified), count(*)::int
FROM report_person_periods
WHERE relais_person_level(pseudonymous, identified) IS NOT NULL
GROUP BY 1, 2, 3, 4, 5;
