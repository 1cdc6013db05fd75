import { hash } from '@node-rs/argon2';
import { generatedPassword } from '../scripts/generate/accounts.ts';
import type { DatabaseHandle } from '../server/db/client.ts';
import { alignCountingZone } from '../server/ops/counting-zone.ts';

/**
 * A database of a whole organisation's field work: 1 000 000 encounters over two calendar years,
 * spread over ten teams, each with its neighbourhoods, places, people, workers and rounds. Written
 * with set-based SQL (generate_series) in chunks, through the app's own tables and triggers, so
 * the derived counts (coverage_counts) are kept exactly as the app keeps them. Deterministic: the
 * same rows on every engine and every run (hash-derived choices, no random()).
 */
export const million = {
  encounters: 1_000_000,
  teams: 10,
  placesPerTeam: 30,
  peoplePerTeam: 3_000,
  neighbourhoodsPerTeam: 5,
  firstDay: '2025-01-01',
  days: 730,
  chunk: 50_000,
  /** Counted as a Québec deployment counts: days, months and fiscal years in its local time. */
  timeZone: 'America/Toronto',
};

export type MillionData = {
  teamIds: string[];
  workerEmails: string[];
  firstDay: string;
  lastDay: string;
  timeZone: string;
};

/** Team t's id, and the ids of its places, people and neighbourhoods, derived from numbers. */
const idOf = (prefix: string, expression: string) => `(${prefix} || lpad(to_hex(${expression}), 12, '0'))::uuid`;
const teamId = (t: string) => idOf(`'00000000-0000-7000-8000-'`, t);
const placeId = (t: string, p: string) => idOf(`'00000000-0001-7000-8000-'`, `(${t}) * 1000 + (${p})`);
const personId = (t: string, p: string) => idOf(`'00000000-0002-7000-8000-'`, `(${t}) * 100000 + (${p})`);
const hoodId = (t: string, h: string) => idOf(`'00000000-0003-7000-8000-'`, `(${t}) * 100 + (${h})`);
const userId = (t: string) => idOf(`'00000000-0004-7000-8000-'`, t);
const sessionId = (t: string, d: string) => idOf(`'00000000-0005-7000-8000-'`, `(${t}) * 10000 + (${d})`);

/** A deterministic pseudo-random integer in [0, modulo) from a row number and a salt. */
const pick = (row: string, salt: number, modulo: number) => `(abs(hashint4((${row})::int # ${salt})) % ${modulo})`;

export async function fillMillionEncounters(
  database: DatabaseHandle,
  log: (line: string) => void,
): Promise<MillionData> {
  const m = million;
  const q = (text: string) => database.query(text);
  await alignCountingZone(database, m.timeZone);
  const passwordHash = await hash(generatedPassword, { algorithm: 2, memoryCost: 19_456, timeCost: 2, parallelism: 1 });
  await q(`insert into teams (id, name, code)
    select ${teamId('t')}, 'Équipe ' || t, 'million-' || t from generate_series(0, ${m.teams - 1}) t`);
  await q(`insert into users (id, email, name, role, password_hash)
    select ${userId('t')}, 'worker' || t || '@million.bench', 'Intervenante ' || t, 'worker', '${passwordHash}'
    from generate_series(0, ${m.teams - 1}) t`);
  await q(`insert into team_memberships (team_id, user_id)
    select ${teamId('t')}, ${userId('t')} from generate_series(0, ${m.teams - 1}) t`);
  await q(`insert into neighbourhoods (id, team_id, name, code)
    select ${hoodId('t', 'h')}, ${teamId('t')}, 'Quartier ' || t || '-' || h, 'million-' || t || '-' || h
    from generate_series(0, ${m.teams - 1}) t, generate_series(0, ${m.neighbourhoodsPerTeam - 1}) h`);
  const placeKinds = `(array['park','localDeQuartier','market','cafe','schoolGate','street'])`;
  await q(`insert into places (id, team_id, neighbourhood_id, name, kind, latitude, longitude)
    select ${placeId('t', 'p')}, ${teamId('t')}, ${hoodId('t', `p % ${m.neighbourhoodsPerTeam}`)},
      'Lieu ' || t || '-' || p, ${placeKinds}[1 + p % 6], 45.40 + t * 0.01 + p * 0.0005, -71.90 + p * 0.0007
    from generate_series(0, ${m.teams - 1}) t, generate_series(0, ${m.placesPerTeam - 1}) p`);
  await q(`insert into people (id, team_id, nickname)
    select ${personId('t', 'p')}, ${teamId('t')}, 'Personne ' || t || '-' || p
    from generate_series(0, ${m.teams - 1}) t, generate_series(0, ${m.peoplePerTeam - 1}) p`);
  // About one round a day per team, at one of its places.
  const sessionKinds = `(array['walk','doorToDoor','stand','placePresence','dropIn','event'])`;
  await q(`insert into outreach_sessions (id, team_id, kind, on_date, place_id, created_by)
    select ${sessionId('t', 'd')}, ${teamId('t')}, ${sessionKinds}[1 + ${pick('t * 1000 + d', 11, 6)}],
      '${m.firstDay}'::date + d, ${placeId('t', pick('t * 1000 + d', 12, m.placesPerTeam))}, ${userId('t')}
    from generate_series(0, ${m.teams - 1}) t, generate_series(0, ${m.days - 1}) d
    where ${pick('t * 1000 + d', 13, 7)} < 6`);

  const needs = `(array['food','housing','health','income','rights','family','isolation','mentalHealth'])`;
  const bands = `(array['18to24','25to34','35to49','50to64','65to79'])`;
  const channels = `(array['street','home','local','phone','partnerPremises'])`;
  for (let start = 0; start < m.encounters; start += m.chunk) {
    const end = Math.min(m.encounters, start + m.chunk) - 1;
    // Row i: team i % teams; day spread over the two years; six in ten anonymous, the rest
    // pseudonymous or identified with one of the team's people; a place for nine in ten.
    await q(`insert into encounters (id, team_id, session_id, person_id, occurred_at, place_id, channel,
        identification, age_band, needs, actions, created_by)
      select
        (md5('million-' || i)::uuid),
        ${teamId(`i % ${m.teams}`)},
        null,
        case when ${pick('i', 1, 10)} < 6 then null else ${personId(`i % ${m.teams}`, pick('i', 2, m.peoplePerTeam))} end,
        '${m.firstDay}'::timestamptz + ((i / ${m.teams}) % ${m.days}) * interval '1 day' + ${pick('i', 3, 600)} * interval '1 minute' + interval '9 hours',
        case when ${pick('i', 4, 10)} = 0 then null else ${placeId(`i % ${m.teams}`, pick('i', 5, m.placesPerTeam))} end,
        ${channels}[1 + ${pick('i', 6, 5)}],
        case when ${pick('i', 1, 10)} < 6 then 'anonymous' when ${pick('i', 1, 10)} < 9 then 'pseudonymous' else 'identified' end,
        ${bands}[1 + ${pick('i', 7, 5)}],
        array[${needs}[1 + ${pick('i', 8, 8)}]] || case when ${pick('i', 9, 3)} = 0 then array[${needs}[1 + ${pick('i', 10, 8)}]] else '{}'::text[] end,
        array['listen'],
        ${userId(`i % ${m.teams}`)}
      from generate_series(${start}, ${end}) i`);
    log(`    ${(end + 1).toLocaleString('en')} / ${m.encounters.toLocaleString('en')} encounters`);
  }
  await q('analyze');
  const lastDay = new Date(Date.parse(`${m.firstDay}T00:00:00Z`) + (m.days - 1) * 86_400_000)
    .toISOString()
    .slice(0, 10);
  const teamIds = (await database.query<{ id: string }>('select id from teams order by code')).map((row) => row.id);
  const workerEmails = Array.from({ length: m.teams }, (_, t) => `worker${t}@million.bench`);
  return { teamIds, workerEmails, firstDay: m.firstDay, lastDay, timeZone: m.timeZone };
}
