import { base, Faker, fr, fr_BE, fr_CA } from '@faker-js/faker';
import { sql } from 'drizzle-orm';
import { uuidv7 } from '../core/uuid.ts';
import type { DatabaseHandle } from '../server/db/client.ts';
import { insertRows } from '../server/ops/bulk-insert.ts';
import { readTables, runnerOf } from '../server/ops/catalog.ts';

/**
 * Issue #4's figures: one sync batch of 500 encounters against the same rows inserted with raw SQL
 * in one transaction, and person search over 50 000 people (p95), through the app and as SQL.
 */
type Timing = { p50: number; p95: number; max: number; runs: number };

export type FieldworkFigures = {
  syncBatch: Timing;
  syncBatchRaw: Timing;
  syncApplied: number;
  search: Timing;
  searchRaw: Timing;
  people: number;
};

export type Caller = { base: string; cookie: string; csrfToken: string; teamId: string; userId: string };

const batchSize = 500;
const peopleCount = 50_000;

function timing(samples: number[]): Timing {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] ?? 0;
  return { p50: at(0.5), p95: at(0.95), max: sorted.at(-1) ?? 0, runs: sorted.length };
}

async function timed(work: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  await work();
  return performance.now() - start;
}

const needs = ['housing', 'food', 'income', 'isolation', 'mentalHealth', 'rights'];
const actions = ['listen', 'inform', 'orient', 'accompany'];

function encounterPayload(k: number) {
  return {
    occurredAt: new Date(Date.now() - k * 60_000).toISOString(),
    channel: 'street',
    initiator: 'worker',
    ageBand: '25to34',
    needs: [needs[k % needs.length]],
    actions: [actions[k % actions.length]],
    durationMinutes: 10,
  };
}

/** One batch as the phone sends it after a day offline: 500 anonymous encounters. */
async function syncOnce(caller: Caller): Promise<number> {
  const items = Array.from({ length: batchSize }, (_, k) => ({
    id: uuidv7(),
    kind: 'encounter.create',
    entityId: uuidv7(),
    payload: encounterPayload(k),
  }));
  const response = await fetch(`${caller.base}/api/sync`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie: caller.cookie, 'x-csrf-token': caller.csrfToken },
    body: JSON.stringify({ items }),
  });
  if (response.status !== 200) throw new Error(`sync answered ${response.status}: ${await response.text()}`);
  const { results } = (await response.json()) as { results: { status: string }[] };
  return results.filter((r) => r.status === 'applied').length;
}

/** The same 500 rows, inserted by hand in one transaction: the floor the sync is compared to. */
async function insertRaw(database: DatabaseHandle, caller: Caller): Promise<void> {
  const rows = Array.from({ length: batchSize }, (_, k) => {
    const p = encounterPayload(k);
    return {
      id: uuidv7(),
      team_id: caller.teamId,
      occurred_at: p.occurredAt,
      identification: 'anonymous',
      channel: p.channel,
      initiator: p.initiator,
      age_band: p.ageBand,
      needs: p.needs,
      actions: p.actions,
      duration_minutes: p.durationMinutes,
      created_by: caller.userId,
    };
  });
  await database.db.transaction(async (tx) => {
    await tx.execute(sql`
      insert into encounters (id, team_id, occurred_at, identification, channel, initiator, age_band, needs, actions, duration_minutes, created_by)
      select id, team_id, occurred_at, identification, channel, initiator, age_band, needs, actions, duration_minutes, created_by
      from json_populate_recordset(null::encounters, ${JSON.stringify(rows)}::json)`);
  });
}

/** A typo a worker makes on a phone: accents dropped, two letters swapped. */
function typo(name: string, k: number): string {
  const plain = name.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
  if (plain.length < 4 || k % 2 === 0) return plain;
  const i = 1 + (k % (plain.length - 2));
  return plain.slice(0, i) + plain[i + 1] + plain[i] + plain.slice(i + 2);
}

/**
 * 50 000 people in the caller's team (the worst case: search is scoped to one's teams), named
 * like the field's people with faker's Québec and Belgian names; returns 200 search terms,
 * each a typed-on-a-phone version of a real nickname or name.
 */
async function addPeople(database: DatabaseHandle, caller: Caller): Promise<string[]> {
  const faker = new Faker({ locale: [fr_CA, fr_BE, fr, base] });
  faker.seed(4);
  const rows = Array.from({ length: peopleCount }, () => {
    const identified = faker.datatype.boolean(0.15);
    return {
      id: uuidv7(),
      team_id: caller.teamId,
      nickname:
        faker.person.firstName() + (faker.datatype.boolean(0.3) ? ` ${faker.string.alpha(1).toUpperCase()}.` : ''),
      first_name: identified ? faker.person.firstName() : null,
      last_name: identified ? faker.person.lastName() : null,
      consent_given_at: identified ? new Date().toISOString() : null,
      consent_scope: identified ? 'identity' : null,
      age_band: '25to34',
      created_by: caller.userId,
    };
  });
  const table = (await readTables(runnerOf(database.db))).find((t) => t.name === 'people');
  if (!table) throw new Error('no people table');
  await insertRows(runnerOf(database.db), table, rows);
  return Array.from({ length: 200 }, (_, k) => {
    const person = rows[(k * 7919) % rows.length]!;
    return typo(k % 3 === 0 && person.last_name ? person.last_name : person.nickname.split(' ')[0]!, k);
  });
}

export async function measureFieldwork(
  database: DatabaseHandle,
  caller: Caller,
  log: (line: string) => void,
): Promise<FieldworkFigures> {
  log(`  POST /api/sync, ${batchSize} encounters per batch…`);
  let syncApplied = 0;
  syncApplied = await syncOnce(caller); // warm-up: first compile of every statement
  const syncSamples: number[] = [];
  for (let run = 0; run < 12; run++) {
    syncSamples.push(
      await timed(async () => {
        syncApplied = await syncOnce(caller);
      }),
    );
  }
  const rawSamples: number[] = [];
  await insertRaw(database, caller);
  for (let run = 0; run < 12; run++) rawSamples.push(await timed(() => insertRaw(database, caller)));

  log(`  person search over ${peopleCount.toLocaleString('en')} people…`);
  const terms = await addPeople(database, caller);
  await database.query('analyze people');
  const searchSamples: number[] = [];
  const rawSearchSamples: number[] = [];
  for (let k = 0; k < 200; k++) {
    const query = terms[k] as string;
    searchSamples.push(
      await timed(async () => {
        const response = await fetch(`${caller.base}/api/people?search=${encodeURIComponent(query)}&limit=20`, {
          headers: { cookie: caller.cookie },
        });
        if (response.status !== 200) throw new Error(`search answered ${response.status}: ${await response.text()}`);
        await response.arrayBuffer();
      }),
    );
    rawSearchSamples.push(
      await timed(() =>
        // The app's query (people.repo.ts searchPeople), without the presenter and the HTTP around it.
        database.db.execute(sql`
          select id, nickname from people
          where team_id = ${caller.teamId} and merged_into_id is null
            and relais_unaccent(lower(${query})) <% search_text
          order by word_similarity(relais_unaccent(lower(${query})), search_text) desc, nickname, id limit 21`),
      ),
    );
  }
  return {
    syncBatch: timing(syncSamples),
    syncBatchRaw: timing(rawSamples),
    syncApplied,
    search: timing(searchSamples),
    searchRaw: timing(rawSearchSamples),
    people: peopleCount,
  };
}
