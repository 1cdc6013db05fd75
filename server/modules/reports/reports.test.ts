import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ShownReport } from '../../../core/reports/shape.ts';
import { alignCountingZone } from '../../ops/counting-zone.ts';
import { type Agent, signedInAgent } from '../../test-support/agent.ts';
import { createTestApp, type TestApp } from '../../test-support/app.ts';
import { buildNeighbourhood, buildPerson, buildPlace, buildTeam, buildUser } from '../../test-support/factories.ts';

/**
 * Reports through the API equal the raw tables cell by cell (the raw SQL is written here, not
 * borrowed from the engine), are scoped by team, and refuse bad periods and templates by field.
 */
let t: TestApp;
let worker: Agent;
let organizer: Agent;
let outsider: Agent;
let coordinator: Agent;
let teamA: string;
let teamB: string;
let hoodNorth: string;

const rows = async <T>(query: ReturnType<typeof sql>) =>
  ((await t.database.db.execute(query)) as unknown as { rows: T[] }).rows;

async function addEncounters(teamId: string, places: string[], people: string[], count: number) {
  await t.database.db.execute(sql`
    insert into encounters (id, team_id, person_id, occurred_at, place_id, channel, initiator, identification, needs, actions)
    select gen_random_uuid(), ${teamId}::uuid,
      case when i % 3 = 0 then null else (${sql.raw(`array['${people.join("','")}']`)}::uuid[])[1 + (i * 7) % ${people.length}] end,
      timestamptz '2025-02-10 12:00Z' + (i % 400) * interval '1 day',
      case when i % 6 = 0 then null else (${sql.raw(`array['${places.join("','")}']`)}::uuid[])[1 + i % ${places.length}] end,
      (array['street','home','phone'])[1 + i % 3], (array['person','worker'])[1 + i % 2],
      case when i % 3 = 0 then 'anonymous' when i % 4 = 0 then 'identified' else 'pseudonymous' end,
      case when i % 2 = 0 then array['food','housing'] else array['health'] end, array['listen']
    from generate_series(1, ${count}) i`);
}

/** Every shown figure of a table by row and column key (null when hidden). */
function cellsOf(report: ShownReport, tableId: string) {
  const table = report.tables.find((candidate) => candidate.id === tableId);
  if (!table) throw new Error(`no table ${tableId}`);
  const cells = new Map<string, number | null | 'secondary'>();
  for (const row of table.rows)
    for (const [index, cell] of row.cells.entries()) {
      const hiddenToo = 'hidden' in cell && cell.hidden === 'secondary';
      cells.set(`${row.key}@${table.columns[index]?.key}`, hiddenToo ? 'secondary' : cell.value);
    }
  return cells;
}

/**
 * A shown cell equals the raw count; a cell hidden as small hides a raw count under the threshold
 * (one hidden so that it cannot be recovered by subtraction may hide any count).
 */
function expectSame(shown: Map<string, number | null | 'secondary'>, raw: Map<string, number>, threshold = 5) {
  for (const [key, value] of shown) {
    const expected = raw.get(key) ?? 0;
    if (value === null) expect(expected, key).toBeLessThan(threshold);
    else if (value !== 'secondary') expect(value, key).toBe(expected);
  }
  for (const [key, value] of raw)
    if (value >= threshold && shown.get(key) !== 'secondary') expect(shown.get(key), key).toBe(value);
}

beforeAll(async () => {
  t = await createTestApp();
  const db = t.database.db;
  teamA = (await buildTeam(db, { name: 'Équipe Ascot' })).id;
  teamB = (await buildTeam(db, { name: 'Équipe Jardins' })).id;
  hoodNorth = (await buildNeighbourhood(db, teamA, { name: 'Nord' })).id;
  const hoodSouth = (await buildNeighbourhood(db, teamA, { name: 'Sud' })).id;
  const placesA = [(await buildPlace(db, teamA)).id, (await buildPlace(db, teamA)).id];
  await rows(sql`update places set neighbourhood_id = ${hoodNorth} where id = ${placesA[0]}`);
  await rows(sql`update places set neighbourhood_id = ${hoodSouth} where id = ${placesA[1]}`);
  const peopleA = [];
  for (let i = 0; i < 9; i++) peopleA.push((await buildPerson(db, teamA)).id);
  const placesB = [(await buildPlace(db, teamB)).id];
  const peopleB = [(await buildPerson(db, teamB)).id, (await buildPerson(db, teamB)).id];
  await addEncounters(teamA, placesA, peopleA, 600);
  await addEncounters(teamB, placesB, peopleB, 90);
  worker = await signedInAgent(t.app, (await buildUser(db, { teamIds: [teamA] })).email);
  coordinator = await signedInAgent(t.app, (await buildUser(db, { teamIds: [teamA], role: 'coordinator' })).email);
  outsider = await signedInAgent(t.app, (await buildUser(db, { teamIds: [teamB] })).email);
  organizer = await signedInAgent(t.app, (await buildUser(db, { role: 'organizer' })).email);
});
afterAll(() => t.close());

describe('reports', () => {
  it('gives the CIUSSS report of the whole organisation by team over a fiscal year, equal to the raw tables', async () => {
    const answer = await organizer.get('/api/reports/run?templateId=ciusssActivity&year=2025');
    expect(answer.statusCode).toBe(200);
    const report = answer.json() as ShownReport;
    expect(report.period).toMatchObject({ type: 'fiscalYear', from: '2025-04-01', to: '2026-03-31' });
    const fiscal = sql`occurred_at >= '2025-04-01T00:00Z' and occurred_at < '2026-04-01T00:00Z'`;
    const raw = new Map<string, number>();
    for (const row of await rows<{ col: string; value: string; n: number }>(sql`
      select 'team:' || team_id as col, channel as value, count(*)::int as n from encounters where ${fiscal} group by 1, 2
      union all select 'all', channel, count(*)::int from encounters where ${fiscal} group by 2
      union all select 'team:' || team_id, 'total', count(*)::int from encounters where ${fiscal} group by 1
      union all select 'all', 'total', count(*)::int from encounters where ${fiscal}`))
      raw.set(`${row.value}@${row.col}`, row.n);
    expectSame(cellsOf(report, 'encounters.byChannel'), raw);

    const people = new Map<string, number>();
    for (const row of await rows<{ col: string; level: string; n: number }>(sql`
      with p as (select team_id, person_id,
                   case when bool_or(identification = 'identified') then 'identified' else 'pseudonymous' end as top
                 from encounters where ${fiscal} and person_id is not null group by 1, 2)
      select 'team:' || team_id as col, top as level, count(*)::int as n from p group by 1, 2
      union all select 'all', top, count(distinct person_id)::int from p group by 2
      union all select 'team:' || team_id, 'total', count(*)::int from p group by 1
      union all select 'all', 'total', count(distinct person_id)::int from p`))
      people.set(`${row.level}@${row.col}`, row.n);
    expectSame(cellsOf(report, 'people.distinctByIdentification'), people);
    // Team B's two people are fewer than five: hidden, never shown.
    expect(cellsOf(report, 'people.distinctByIdentification').get(`total@team:${teamB}`)).toBeNull();
    // Counts only: no person's id or nickname anywhere in the answer.
    const text = JSON.stringify(report);
    for (const person of await rows<{ id: string; nickname: string }>(sql`select id, nickname from people`)) {
      expect(text).not.toContain(person.id);
      expect(text).not.toContain(person.nickname);
    }
  });

  it('counts a custom period with partial months, by neighbourhood, from rollups and raw days alike, in local time', async () => {
    // Québec time: two late-evening contacts that UTC would put on the next day, one each side of the period.
    await alignCountingZone(t.database, 'America/Toronto');
    await t.database.db.execute(sql`insert into encounters (id, team_id, occurred_at, channel, identification, needs, actions)
      values (gen_random_uuid(), ${teamA}, '2025-03-17T03:30Z', 'street', 'anonymous', array['food'], '{}'),
             (gen_random_uuid(), ${teamA}, '2025-09-05T02:00Z', 'street', 'anonymous', array['food'], '{}')`);
    const template = await coordinator.post('/api/reports/templates', {
      name: 'Besoins par quartier',
      indicators: ['needs', 'encounters.byMonth', 'people.distinctByIdentification'],
      grouping: 'neighbourhood',
      periodType: 'custom',
    });
    expect(template.statusCode).toBe(201);
    const answer = await worker.get(`/api/reports/run?templateId=${template.json().id}&from=2025-03-17&to=2025-09-04`);
    expect(answer.statusCode).toBe(200);
    const report = answer.json() as ShownReport;
    const inPeriod = sql`e.team_id = ${teamA} and e.occurred_at >= timestamp '2025-03-17' at time zone 'America/Toronto'
      and e.occurred_at < timestamp '2025-09-05' at time zone 'America/Toronto'`;
    const raw = new Map<string, number>();
    for (const row of await rows<{ col: string; value: string; n: number }>(sql`
      with e as (select e.*, coalesce(p.neighbourhood_id, '00000000-0000-0000-0000-000000000000') as hood
                 from encounters e left join places p on p.id = e.place_id where ${inPeriod})
      select 'hood:' || hood as col, n.v as value, count(*)::int as n from e, unnest(e.needs) n(v) group by 1, 2
      union all select 'all', n.v, count(*)::int from e, unnest(e.needs) n(v) group by 2`))
      raw.set(`${row.value}@${row.col}`, row.n);
    expectSame(cellsOf(report, 'needs'), raw);
    const months = new Map<string, number>();
    for (const row of await rows<{ m: string; n: number }>(sql`
      select to_char(e.occurred_at at time zone 'America/Toronto', 'YYYY-MM-01') as m, count(*)::int as n from encounters e
      where ${inPeriod} group by 1`))
      months.set(`${row.m}@all`, row.n);
    const shownMonths = new Map(
      [...cellsOf(report, 'encounters.byMonth')].filter(([key]) => key.endsWith('@all') && !key.startsWith('total')),
    );
    expectSame(shownMonths, months);
    expect(cellsOf(report, 'encounters.byMonth').get('total@all')).toBe(
      [...months.values()].reduce((a, b) => a + b, 0),
    );
    await alignCountingZone(t.database, 'UTC');
  });

  it('stays within the caller’s teams: another team or its neighbourhood is a 404', async () => {
    expect((await outsider.get(`/api/reports/run?templateId=dashboard&teamId=${teamA}`)).statusCode).toBe(404);
    expect((await outsider.get(`/api/reports/run?templateId=dashboard&neighbourhoodId=${hoodNorth}`)).statusCode).toBe(
      404,
    );
    expect((await outsider.get(`/api/reports/dashboard?teamId=${teamA}`)).statusCode).toBe(404);
    const own = (await outsider.get('/api/reports/run?templateId=ciusssActivity&year=2025')).json() as ShownReport;
    // One team: its column would repeat the total, so the total stands alone.
    const columns = own.tables[0]?.columns.map((column) => column.key);
    expect(columns).toEqual(['all']);
    expect(own.scope.fr).toContain('Équipe');
  });

  it('refuses bad periods, unknown templates and lower thresholds, naming the field in both languages', async () => {
    const fieldOf = async (url: string) => {
      const answer = await worker.get(url);
      expect(answer.statusCode).toBe(422);
      const fields = answer.json().error.fields as { path: string; message: { fr: string; en: string } }[];
      expect(fields[0]?.message.fr).toBeTruthy();
      expect(fields[0]?.message.en).toBeTruthy();
      return fields[0]?.path;
    };
    expect(await fieldOf('/api/reports/run?templateId=dashboard&from=2025-06-01&to=2025-05-01')).toBe('to');
    expect(await fieldOf('/api/reports/run?templateId=dashboard&periodType=calendarYear&year=1850')).toBe('year');
    expect(await fieldOf('/api/reports/run?templateId=dashboard&periodType=quarter&year=2025&quarter=5')).toBe(
      'quarter',
    );
    expect(await fieldOf('/api/reports/run?templateId=nope')).toBe('templateId');
    expect(await fieldOf('/api/reports/run?templateId=dashboard&periodType=custom&from=2025-01-01')).toBe('to');
    const lower = await coordinator.post('/api/reports/templates', {
      name: 'Trop fin',
      indicators: ['needs'],
      periodType: 'month',
      threshold: 3,
    });
    expect(lower.statusCode).toBe(400);
    expect(JSON.stringify(lower.json())).toContain('threshold');
    const unknown = await coordinator.post('/api/reports/templates', {
      name: 'x',
      indicators: ['secrets'],
      periodType: 'month',
    });
    expect(unknown.statusCode).toBe(400);
    expect(JSON.stringify(unknown.json())).toContain('indicators');
  });

  it('saves templates for coordination only, with versions, and keeps built-in ones read-only', async () => {
    expect(
      (await worker.post('/api/reports/templates', { name: 'x', indicators: ['needs'], periodType: 'month' }))
        .statusCode,
    ).toBe(403);
    const made = (
      await coordinator.post('/api/reports/templates', {
        name: 'Mensuel',
        indicators: ['needs'],
        periodType: 'month',
        threshold: 10,
      })
    ).json();
    expect(made).toMatchObject({ version: 1, threshold: 10, builtIn: false, grouping: 'none' });
    const changed = await coordinator.patch(`/api/reports/templates/${made.id}`, {
      version: 1,
      name: 'Mensuel (besoins)',
    });
    expect(changed.json()).toMatchObject({ version: 2, name: { fr: 'Mensuel (besoins)' } });
    const stale = await organizer.patch(`/api/reports/templates/${made.id}`, { version: 1, threshold: 8 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().current.version).toBe(2);
    const run = (await worker.get(`/api/reports/run?templateId=${made.id}&year=2025&month=6`)).json() as ShownReport;
    expect(run.threshold).toBe(10);
    expect((await coordinator.patch('/api/reports/templates/raqAnnual', { version: 1, name: 'x' })).statusCode).toBe(
      403,
    );
    const list = (await worker.get('/api/reports/templates')).json().items as { id: string }[];
    expect(list.map((item) => item.id)).toEqual(
      expect.arrayContaining(['dashboard', 'ciusssActivity', 'raqAnnual', made.id]),
    );
    expect((await coordinator.request('DELETE', `/api/reports/templates/${made.id}?version=1`)).statusCode).toBe(409);
    expect((await coordinator.request('DELETE', `/api/reports/templates/${made.id}?version=2`)).statusCode).toBe(200);
    expect((await worker.get(`/api/reports/run?templateId=${made.id}`)).statusCode).toBe(422);
  });

  it('runs the RAQ annual report and the dashboard with every table', async () => {
    const raq = await organizer.get('/api/reports/run?templateId=raqAnnual&year=2025');
    expect(raq.statusCode).toBe(200);
    expect((raq.json() as ShownReport).tables.map((table) => table.id)).toContain('time.byCriterion');
    const dashboard = await worker.get('/api/reports/dashboard?from=2025-01-01&to=2025-12-31');
    expect(dashboard.statusCode).toBe(200);
    expect((dashboard.json() as ShownReport).tables).toHaveLength(12);
  });
});
