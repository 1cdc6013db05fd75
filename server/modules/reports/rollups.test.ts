import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { alignCountingZone, countingZoneNotice } from '../../ops/counting-zone.ts';
import { createTestApp, type TestApp } from '../../test-support/app.ts';
import { buildNeighbourhood, buildPerson, buildPlace, buildTeam } from '../../test-support/factories.ts';
import { allNeighbourhoods } from './report-sql.ts';

/**
 * The report rollups (decision 0032) must always equal the same counts computed
 * from scratch on the raw encounters, after every kind of change; and a retention purge must leave
 * them (and coverage_counts) as they were.
 */
let t: TestApp;
let teamA: string;
let teamB: string;
let hoodNorth: string;
let hoodSouth: string;
let parkNorth: string;
let marketSouth: string;
const people: string[] = [];
let roundAtPark: string;

const rows = async <T>(query: ReturnType<typeof sql>) =>
  ((await t.database.db.execute(query)) as unknown as { rows: T[] }).rows;

/** Encounter counts from the raw tables, written independently of the triggers. */
const rawCounts = () =>
  rows(sql`
  with e as (
    select e.*, coalesce(pl.neighbourhood_id, '00000000-0000-0000-0000-000000000000'::uuid) as hood,
           to_char(e.occurred_at at time zone relais_counting_zone(), 'YYYY-MM') || '-01' as m
    from encounters e
    left join outreach_sessions s on s.id = e.session_id
    left join places pl on pl.id = case when e.place_id is not null then e.place_id else s.place_id end
  )
  select * from (
    select team_id, hood, m, 'total' as dimension, '' as value, count(*)::int as n from e group by 1, 2, 3
    union all select team_id, hood, m, 'identification', identification, count(*)::int from e group by 1, 2, 3, 5
    union all select team_id, hood, m, 'channel', coalesce(channel, ''), count(*)::int from e group by 1, 2, 3, 5
    union all select team_id, hood, m, 'initiator', coalesce(initiator, ''), count(*)::int from e group by 1, 2, 3, 5
    union all select team_id, hood, m, 'ageBand', coalesce(age_band, ''), count(*)::int from e group by 1, 2, 3, 5
    union all select team_id, hood, m, 'gender', coalesce(gender, ''), count(*)::int from e group by 1, 2, 3, 5
    union all select team_id, hood, m, 'need', n, count(distinct e.id)::int from e, unnest(e.needs) n group by 1, 2, 3, 5
    union all select team_id, hood, m, 'action', a, count(distinct e.id)::int from e, unnest(e.actions) a group by 1, 2, 3, 5
    union all select team_id, hood, m, 'right', r->>'right', count(distinct e.id)::int
      from e, jsonb_array_elements(e.non_recours) r group by 1, 2, 3, 5
  ) f order by 1, 2, 3, 4, 5`);

const keptCounts = () =>
  rows(sql`select team_id, neighbourhood_id as hood, month::text as m, dimension, value, encounters as n
    from report_encounter_counts where encounters <> 0 order by 1, 2, 3, 4, 5`);

/** Each person's encounters per period from the raw tables (fiscal year: April to March). */
const rawPeople = () =>
  rows(sql`
  with e as (
    select e.team_id, e.person_id, e.identification, (e.occurred_at at time zone relais_counting_zone())::date as d,
           coalesce(pl.neighbourhood_id, '00000000-0000-0000-0000-000000000000'::uuid) as hood
    from encounters e
    left join outreach_sessions s on s.id = e.session_id
    left join places pl on pl.id = coalesce(e.place_id, s.place_id)
    where e.person_id is not null
  ), starts as (
    select e.*, k.kind, k.start from e cross join lateral (values
      ('month', make_date(extract(year from d)::int, extract(month from d)::int, 1)),
      ('quarter', make_date(extract(year from d)::int, ((extract(month from d)::int - 1) / 3) * 3 + 1, 1)),
      ('calendarYear', make_date(extract(year from d)::int, 1, 1)),
      ('fiscalYear', case when extract(month from d) >= 4 then make_date(extract(year from d)::int, 4, 1)
                          else make_date(extract(year from d)::int - 1, 4, 1) end)
    ) k(kind, start)
  ), scoped as (
    select kind, start, team_id, hood, person_id, identification from starts
    union all
    select kind, start, team_id, 'ffffffff-ffff-ffff-ffff-ffffffffffff'::uuid, person_id, identification from starts
  )
  select kind, start::text, team_id, hood, person_id,
         count(*) filter (where identification = 'pseudonymous')::int as pseudonymous,
         count(*) filter (where identification = 'identified')::int as identified
  from scoped group by 1, 2, 3, 4, 5 order by 1, 2, 3, 4, 5`);

const keptPeople = () =>
  rows(sql`select period_kind as kind, period_start::text as start, team_id, neighbourhood_id as hood, person_id,
    pseudonymous, identified from report_person_periods order by 1, 2, 3, 4, 5`);

type PersonRow = {
  kind: string;
  start: string;
  team_id: string;
  hood: string;
  pseudonymous: number;
  identified: number;
};

/** How many people per period, team, neighbourhood and level, added up here from the raw rows. */
async function rawPeopleCounts() {
  const counts = new Map<string, number>();
  for (const row of (await rawPeople()) as PersonRow[]) {
    const level = row.identified > 0 ? 'identified' : 'pseudonymous';
    const key = [row.kind, row.start, row.team_id, row.hood, level].join('|');
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return [...counts].map(([key, people]) => `${key}|${people}`).sort();
}

const keptPeopleCounts = async () =>
  (
    await rows<{ key: string }>(sql`select concat_ws('|', period_kind, period_start::text, team_id, neighbourhood_id,
      level, people) as key from report_people_counts where people <> 0`)
  )
    .map((row) => row.key)
    .sort();

async function expectExact() {
  expect(await keptCounts()).toEqual(await rawCounts());
  expect(await keptPeople()).toEqual(await rawPeople());
  expect(await keptPeopleCounts()).toEqual(await rawPeopleCounts());
}

/** `count` encounters of a team, varied deterministically over a year and a half. */
async function addEncounters(teamId: string, count: number, seed: number) {
  await t.database.db.execute(sql`
    insert into encounters (id, team_id, session_id, person_id, occurred_at, place_id, channel, initiator,
      identification, age_band, gender, needs, actions, non_recours)
    select gen_random_uuid(), ${teamId}::uuid,
      case when i % 5 = 0 then ${roundAtPark}::uuid end,
      case when i % 3 = 0 then null else (${sql.raw(`array['${people.join("','")}']`)}::uuid[])[1 + (i * 7 + ${seed}) % ${people.length}] end,
      timestamptz '2025-01-15 10:00Z' + ((i * 13 + ${seed}) % 540) * interval '1 day' + (i % 24) * interval '1 hour',
      case when i % 5 = 0 then null when i % 4 = 0 then null when i % 2 = 0 then ${parkNorth}::uuid else ${marketSouth}::uuid end,
      (array['street','home','phone',null])[1 + i % 4], (array['person','worker',null])[1 + i % 3],
      case when i % 3 = 0 then 'anonymous' when i % 2 = 0 then 'identified' else 'pseudonymous' end,
      (array['18to24','25to34',null])[1 + i % 3], (array['woman','man',null,'nonBinary'])[1 + i % 4],
      (array[array['food','housing'], array['food','food'], array['health','rights']])[1 + i % 3:1 + i % 3][1:2]::text[],
      case when i % 2 = 0 then array['listen'] else array['listen','orient'] end,
      case when i % 4 = 1 then '[{"right":"rent","barrier":"forms"},{"right":"health","barrier":"language"}]'::jsonb else '[]'::jsonb end
    from generate_series(1, ${count}) i`);
}

beforeAll(async () => {
  t = await createTestApp();
  const db = t.database.db;
  teamA = (await buildTeam(db)).id;
  teamB = (await buildTeam(db)).id;
  hoodNorth = (await buildNeighbourhood(db, teamA)).id;
  hoodSouth = (await buildNeighbourhood(db, teamA)).id;
  parkNorth = (await buildPlace(db, teamA)).id;
  marketSouth = (await buildPlace(db, teamA)).id;
  await rows(sql`update places set neighbourhood_id = ${hoodNorth} where id = ${parkNorth}`);
  await rows(sql`update places set neighbourhood_id = ${hoodSouth} where id = ${marketSouth}`);
  for (let i = 0; i < 7; i++) people.push((await buildPerson(db, teamA)).id);
  roundAtPark = (
    await rows<{ id: string }>(sql`insert into outreach_sessions (id, team_id, kind, on_date, place_id)
      values (gen_random_uuid(), ${teamA}, 'walk', '2025-03-01', ${parkNorth}) returning id`)
  )[0]!.id;
  await addEncounters(teamA, 400, 1);
});
afterAll(() => t.close());

describe('report rollups', () => {
  it('equal the raw counts after a bulk insert', async () => {
    await expectExact();
    expect((await keptPeople()).length).toBeGreaterThan(20);
  });

  it('stay exact when identification, needs, dates and people change, and when people are merged', async () => {
    await rows(
      sql`update encounters set identification = 'identified' where identification = 'pseudonymous' and channel = 'home'`,
    );
    await rows(sql`update encounters set needs = array['isolation'], occurred_at = occurred_at + interval '40 days'
      where channel = 'phone'`);
    // A merge moves every encounter of one person to the survivor.
    await rows(sql`update encounters set person_id = ${people[0]} where person_id = ${people[1]}`);
    await rows(sql`update encounters set follow_up_on = '2026-01-01' where channel = 'street'`);
    await expectExact();
    expect((await keptPeople()).some((row) => (row as { person_id: string }).person_id === people[1])).toBe(false);
  });

  it('stay exact when a person is erased (their encounters turn anonymous) and when encounters are deleted', async () => {
    await rows(
      sql`update encounters set person_id = null, identification = 'anonymous' where person_id = ${people[2]}`,
    );
    await rows(sql`delete from people where id = ${people[2]}`);
    people.splice(2, 1);
    await rows(sql`delete from encounters where initiator = 'worker' and age_band = '18to24'`);
    await expectExact();
  });

  it('stay exact when a place or a round changes neighbourhood', async () => {
    await rows(sql`update places set neighbourhood_id = ${hoodSouth} where id = ${parkNorth}`);
    await expectExact();
    await rows(sql`update places set neighbourhood_id = null where id = ${marketSouth}`);
    await expectExact();
    await rows(sql`update outreach_sessions set place_id = ${marketSouth} where id = ${roundAtPark}`);
    await expectExact();
  });

  it('count in the deployment’s time zone: a change recounts everything, and late on 31 March stays in March', async () => {
    const outcome = await alignCountingZone(t.database, 'America/Toronto');
    expect(outcome).toMatchObject({ zone: 'America/Toronto', changed: true, from: 'UTC' });
    const [{ n }] = (await rows<{ n: number }>(sql`select count(*)::int as n from encounters`)) as [{ n: number }];
    expect(countingZoneNotice(outcome)).toContain(`${n} encounters counted again`);
    // A new database has nothing to count again, and the start says nothing.
    expect(countingZoneNotice({ zone: 'America/Toronto', changed: true, from: 'UTC', encounters: 0 })).toBeNull();
    await expectExact();
    // 23:30 on 31 March in Québec is 03:30 on 1 April in UTC.
    const lateComer = (await buildPerson(t.database.db, teamA)).id;
    const busStop = (await buildPlace(t.database.db, teamA)).id;
    await rows(sql`insert into encounters (id, team_id, person_id, place_id, occurred_at, channel, identification, needs, actions)
      values (gen_random_uuid(), ${teamA}, ${lateComer}, ${busStop}, '2026-04-01T03:30:00Z', 'street', 'identified', '{}', '{}')`);
    const periods = await rows<{
      kind: string;
      start: string;
    }>(sql`select period_kind as kind, period_start::text as start
      from report_person_periods where person_id = ${lateComer} and neighbourhood_id = ${allNeighbourhoods}::uuid
      order by 1`);
    expect(periods).toEqual([
      { kind: 'calendarYear', start: '2026-01-01' },
      { kind: 'fiscalYear', start: '2025-04-01' },
      { kind: 'month', start: '2026-03-01' },
      { kind: 'quarter', start: '2026-01-01' },
    ]);
    expect(await rows(sql`select day::text, encounters from coverage_counts where place_id = ${busStop}`)).toEqual([
      { day: '2026-03-31', encounters: 1 },
    ]);
    await expectExact();
    expect(await alignCountingZone(t.database, 'America/Toronto')).toEqual({ zone: 'America/Toronto', changed: false });
  });

  it('keep every count, coverage included, when a retention purge deletes anonymous encounters', async () => {
    await addEncounters(teamB, 50, 3);
    const before = { counts: await keptCounts(), people: await keptPeople() };
    const coverageBefore = await rows(sql`select * from coverage_counts order by 1, 2, 3`);
    const [{ purged }] = (await rows<{ purged: number }>(sql`select count(*)::int as purged from encounters
      where team_id = ${teamB} and identification = 'anonymous' and occurred_at < '2026-01-01'`)) as [
      { purged: number },
    ];
    expect(purged).toBeGreaterThan(0);
    await t.database.db.transaction(async (tx) => {
      await tx.execute(sql`set local relais.retention_purge = 'on'`);
      await tx.execute(sql`delete from encounters where identification = 'anonymous' and occurred_at < '2026-01-01'`);
    });
    expect(await keptCounts()).toEqual(before.counts);
    expect(await keptPeople()).toEqual(before.people);
    expect(await rows(sql`select * from coverage_counts order by 1, 2, 3`)).toEqual(coverageBefore);
    // Outside a purge, a deletion takes its counts back again: only the purged ones stay counted.
    await rows(sql`delete from encounters where team_id = ${teamB}`);
    const [{ total }] = (await rows<{ total: number }>(sql`select coalesce(sum(encounters), 0)::int as total
      from report_encounter_counts where team_id = ${teamB} and dimension = 'total'`)) as [{ total: number }];
    expect(total).toBe(purged);
    // Recounting in another zone would lose what the purge kept: the database keeps its zone.
    const counts = await keptCounts();
    expect(await alignCountingZone(t.database, 'Europe/Brussels')).toEqual({
      zone: 'America/Toronto',
      changed: false,
      refused: 'Europe/Brussels',
    });
    expect(countingZoneNotice({ zone: 'America/Toronto', changed: false, refused: 'Europe/Brussels' })).toContain(
      'purge',
    );
    expect(await keptCounts()).toEqual(counts);
  });
});
