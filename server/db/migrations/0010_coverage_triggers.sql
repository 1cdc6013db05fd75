-- Outreach coverage (decision 0018): coverage_counts follows sessions and encounters through
-- statement-level triggers with transition tables, so a sync of 500 encounters costs one upsert
-- per place and day, not 500. An encounter without a place counts at its session's place; with
-- neither, at the nil place. Encounters count on their UTC day, sessions on their own date.
CREATE OR REPLACE FUNCTION relais_coverage_encounters() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  WITH changes AS (
    SELECT n.team_id, coalesce(n.place_id, s.place_id, '00000000-0000-0000-0000-000000000000'::uuid) AS place_id,
           (n.occurred_at AT TIME ZONE 'UTC')::date AS day, 1 AS delta
    FROM new_rows n LEFT JOIN outreach_sessions s ON s.id = n.session_id
    UNION ALL
    SELECT o.team_id, coalesce(o.place_id, s.place_id, '00000000-0000-0000-0000-000000000000'::uuid),
           (o.occurred_at AT TIME ZONE 'UTC')::date, -1
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
-- Transition tables cannot be shared by several events: one trigger per event, one function.
CREATE OR REPLACE FUNCTION relais_coverage_encounters_insert() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO coverage_counts AS c (team_id, place_id, day, encounters)
  SELECT n.team_id, coalesce(n.place_id, s.place_id, '00000000-0000-0000-0000-000000000000'::uuid),
         (n.occurred_at AT TIME ZONE 'UTC')::date, count(*)::int
  FROM new_rows n LEFT JOIN outreach_sessions s ON s.id = n.session_id
  GROUP BY 1, 2, 3
  ON CONFLICT (team_id, place_id, day) DO UPDATE SET encounters = c.encounters + excluded.encounters;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION relais_coverage_encounters_delete() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
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
CREATE TRIGGER encounters_coverage_insert AFTER INSERT ON encounters
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION relais_coverage_encounters_insert();
--> statement-breakpoint
CREATE TRIGGER encounters_coverage_update AFTER UPDATE ON encounters
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION relais_coverage_encounters();
--> statement-breakpoint
CREATE TRIGGER encounters_coverage_delete AFTER DELETE ON encounters
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION relais_coverage_encounters_delete();
--> statement-breakpoint
CREATE OR REPLACE FUNCTION relais_coverage_sessions() RETURNS trigger
LANGUAGE plpgsql AS $$
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
           (e.occurred_at AT TIME ZONE 'UTC')::date AS day, count(*)::int AS n
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
CREATE OR REPLACE FUNCTION relais_coverage_sessions_insert() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO coverage_counts AS c (team_id, place_id, day, sessions)
  SELECT team_id, coalesce(place_id, '00000000-0000-0000-0000-000000000000'::uuid), on_date, count(*)::int
  FROM new_rows GROUP BY 1, 2, 3
  ON CONFLICT (team_id, place_id, day) DO UPDATE SET sessions = c.sessions + excluded.sessions;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION relais_coverage_sessions_delete() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO coverage_counts AS c (team_id, place_id, day, sessions)
  SELECT team_id, coalesce(place_id, '00000000-0000-0000-0000-000000000000'::uuid), on_date, -count(*)::int
  FROM old_rows GROUP BY 1, 2, 3
  ON CONFLICT (team_id, place_id, day) DO UPDATE SET sessions = c.sessions + excluded.sessions;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER sessions_coverage_insert AFTER INSERT ON outreach_sessions
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION relais_coverage_sessions_insert();
--> statement-breakpoint
CREATE TRIGGER sessions_coverage_update AFTER UPDATE ON outreach_sessions
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION relais_coverage_sessions();
--> statement-breakpoint
CREATE TRIGGER sessions_coverage_delete AFTER DELETE ON outreach_sessions
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION relais_coverage_sessions_delete();
--> statement-breakpoint
-- Field work recorded before this migration.
INSERT INTO coverage_counts (team_id, place_id, day, sessions, encounters)
SELECT team_id, place_id, day, sum(sessions)::int, sum(encounters)::int FROM (
  SELECT team_id, coalesce(place_id, '00000000-0000-0000-0000-000000000000'::uuid) AS place_id, on_date AS day,
         1 AS sessions, 0 AS encounters
  FROM outreach_sessions
  UNION ALL
  SELECT e.team_id, coalesce(e.place_id, s.place_id, '00000000-0000-0000-0000-000000000000'::uuid),
         (e.occurred_at AT TIME ZONE 'UTC')::date, 0, 1
  FROM encounters e LEFT JOIN outreach_sessions s ON s.id = e.session_id
) f GROUP BY 1, 2, 3;
