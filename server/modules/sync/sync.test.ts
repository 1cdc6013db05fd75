import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { uuidv7 } from '../../../core/uuid.ts';
import { type Agent, signedInAgent } from '../../test-support/agent.ts';
import { createTestApp, type TestApp } from '../../test-support/app.ts';
import { buildPerson, buildPlace, buildTeam, buildUser } from '../../test-support/factories.ts';

let t: TestApp;
let ana: Agent;
let ben: Agent;
let other: Agent;
let teamA: string;
let teamB: string;

const op = (kind: string, entityId: string, payload: Record<string, unknown> = {}, baseVersion?: number) => ({
  id: uuidv7(),
  kind,
  entityId,
  payload,
  ...(baseVersion !== undefined ? { baseVersion } : {}),
});

async function count(table: string): Promise<number> {
  const result = (await t.database.db.execute(sql.raw(`select count(*)::int as n from ${table}`))) as unknown as {
    rows: { n: number }[];
  };
  return Number(result.rows[0]?.n);
}

beforeAll(async () => {
  t = await createTestApp();
  const db = t.database.db;
  teamA = (await buildTeam(db)).id;
  teamB = (await buildTeam(db)).id;
  ana = await signedInAgent(t.app, (await buildUser(db, { teamIds: [teamA] })).email);
  ben = await signedInAgent(t.app, (await buildUser(db, { teamIds: [teamA] })).email);
  other = await signedInAgent(t.app, (await buildUser(db, { teamIds: [teamB] })).email);
});
afterAll(() => t.close());

describe('sync', () => {
  it('applies an offline morning in order: session, new person, encounters, tallies, end', async () => {
    const sessionId = uuidv7();
    const personId = uuidv7();
    const place = await buildPlace(t.database.db, teamA);
    const batch = [
      op('session.start', sessionId, { kind: 'walk', placeId: place.id, startedAt: '2026-11-25T09:00:00-05:00' }),
      op('person.create', personId, { nickname: 'La dame au chien', ageBand: '65to79', languages: ['fr'] }),
      op('encounter.create', uuidv7(), { sessionId, personId, needs: ['isolation'], actions: ['listen'] }),
      op('encounter.create', uuidv7(), { sessionId, needs: ['food'], actions: ['orient'], ageBand: '25to34' }),
      op('session.tally', sessionId, { kind: 'greeting', delta: 4 }),
      op('session.observe', sessionId, { body: 'Banc cassé.', themes: ['publicSpace'] }),
      op('session.end', sessionId, { endedAt: '2026-11-25T11:30:00-05:00' }),
    ];
    const response = await ana.post('/api/sync', { items: batch });
    expect(response.statusCode).toBe(200);
    const { results, counts } = response.json();
    expect(counts).toEqual({ applied: 7, duplicate: 0, invalid: 0, conflict: 0 });
    expect(results.map((r: { index: number }) => r.index)).toEqual([0, 1, 2, 3, 4, 5, 6]);
    const session = (await ana.get(`/api/sessions/${sessionId}`)).json();
    expect(session).toMatchObject({ status: 'ended', encounterCount: 2, onDate: '2026-11-25' });
    expect(session.tallies).toEqual([{ kind: 'greeting', count: 4 }]);
    expect((await ana.get(`/api/people/${personId}`)).json().encounterCount).toBe(1);
  });

  it('gives a person created and met in the same batch their last encounter in search and in the offline cache', async () => {
    const personId = uuidv7();
    const batch = [
      op('person.create', personId, { nickname: 'Gaëtan du parc Jacques-Cartier' }),
      op('encounter.create', uuidv7(), { personId, occurredAt: '2026-11-24T15:00:00Z', needs: ['food'] }),
      op('encounter.create', uuidv7(), { personId, occurredAt: '2026-11-25T10:30:00Z', needs: ['housing'] }),
    ];
    expect((await ana.post('/api/sync', { items: batch })).json().counts.applied).toBe(3);
    const found = (await ana.get('/api/people?search=gaetan%20jacques')).json().items;
    expect(found.find((p: { id: string }) => p.id === personId)?.lastEncounterAt).toBe('2026-11-25T10:30:00.000Z');
    const cached = (await ana.get('/api/sync/reference')).json().people;
    expect(cached.find((p: { id: string }) => p.id === personId)?.lastEncounterAt).toBe('2026-11-25T10:30:00.000Z');
  });

  it('logs the offline cache of people once an hour, not at every refresh', async () => {
    const cacheReads = async () => {
      const result = (await t.database.db.execute(
        sql`select count(*)::int as n from audit_log where details ->> 'offlineCache' = 'true'`,
      )) as unknown as { rows: { n: number }[] };
      return Number(result.rows[0]?.n);
    };
    await buildPerson(t.database.db, teamB, { nickname: 'Cache' });
    const before = await cacheReads();
    expect((await other.get('/api/sync/reference')).json().people.length).toBeGreaterThan(0);
    expect(await cacheReads()).toBe(before + 1);
    await other.get('/api/sync/reference');
    await other.get('/api/sync/reference');
    expect(await cacheReads()).toBe(before + 1);
  });

  it('is idempotent: the same batch sent twice changes nothing the second time', async () => {
    const sessionId = uuidv7();
    const batch = [
      op('session.start', sessionId, { kind: 'stand' }),
      op('session.tally', sessionId, { kind: 'flyer', delta: 10 }),
      op('encounter.create', uuidv7(), { sessionId, needs: ['rights'] }),
    ];
    const first = (await ana.post('/api/sync', { items: batch })).json();
    const encountersBefore = await count('encounters');
    const auditBefore = await count('audit_log');
    const second = (await ana.post('/api/sync', { items: batch })).json();
    expect(second.counts).toEqual({ applied: 0, duplicate: 3, invalid: 0, conflict: 0 });
    expect(second.results.map((r: { entityId: string }) => r.entityId)).toEqual(
      first.results.map((r: { entityId: string }) => r.entityId),
    );
    expect(second.results[0].version).toBe(first.results[0].version);
    expect(await count('encounters')).toBe(encountersBefore);
    expect(await count('audit_log')).toBe(auditBefore);
    expect((await ana.get(`/api/sessions/${sessionId}`)).json().tallies).toEqual([{ kind: 'flyer', count: 10 }]);
  });

  it('answers a replayed contact as a duplicate, but refuses a contact id another worker already used', async () => {
    const contact = op('encounter.create', uuidv7(), { needs: ['food'] });
    expect((await ana.post('/api/sync', { items: [contact] })).json().counts.applied).toBe(1);
    const replay = (await ana.post('/api/sync', { items: [{ ...contact, id: uuidv7() }] })).json();
    expect(replay.results[0]).toMatchObject({ status: 'duplicate', entityId: contact.entityId, version: 1 });
    const stolen = (await ben.post('/api/sync', { items: [{ ...contact, id: uuidv7() }] })).json();
    expect(stolen.results[0]).toMatchObject({ status: 'invalid', error: { code: 'already_exists' } });
  });

  it('reports bad items one by one, in both languages, and applies the good ones', async () => {
    const good = op('encounter.create', uuidv7(), { needs: ['food'] });
    const batch = [
      op('encounter.create', uuidv7(), { needs: ['teleportation'] }),
      { id: 'not-a-uuid', kind: 'encounter.create', entityId: uuidv7(), payload: {} },
      op('encounter.create', uuidv7(), { needs: 'food', gps: '45.4,-71.9' }),
      op('session.dance', uuidv7()),
      good,
      op('person.update', uuidv7(), { nickname: 'Sans version' }),
    ];
    const response = await ana.post('/api/sync', { items: batch });
    expect(response.statusCode).toBe(200);
    const { results, counts } = response.json();
    expect(counts).toMatchObject({ applied: 1, invalid: 5 });
    expect(results[0]).toMatchObject({ status: 'invalid', errors: [expect.objectContaining({ path: 'needs.0' })] });
    expect(results[0].errors[0].message.fr).toMatch(/teleportation/);
    // The id is echoed as sent, so the phone can find the item in its outbox.
    expect(results[1]).toMatchObject({ status: 'invalid', id: 'not-a-uuid' });
    expect(results[1].errors.map((e: { path: string }) => e.path)).toContain('id');
    expect(results[2].errors.map((e: { path: string }) => e.path).sort()).toEqual(['payload.gps', 'payload.needs']);
    expect(results[3].errors[0]).toMatchObject({ path: 'kind' });
    expect(results[4]).toMatchObject({ status: 'applied', id: good.id, entityId: good.entityId, version: 1 });
    expect(results[5].errors.map((e: { path: string }) => e.path)).toContain('baseVersion');
    // An invalid item is not remembered: corrected, it can be sent again under the same id.
    const corrected = { ...batch[0], payload: { needs: ['housing'] } };
    expect((await ana.post('/api/sync', { items: [corrected] })).json().results[0].status).toBe('applied');
  });

  it('detects two phones editing one person: the stale one gets a conflict with the current record', async () => {
    const personId = uuidv7();
    await ana.post('/api/sync', { items: [op('person.create', personId, { nickname: 'Bob' })] });
    const fromAna = await ana.post('/api/sync', {
      items: [op('person.update', personId, { household: 'alone' }, 1)],
    });
    expect(fromAna.json().results[0]).toMatchObject({ status: 'applied', version: 2 });
    const fromBen = await ben.post('/api/sync', {
      items: [op('person.update', personId, { household: 'couple' }, 1)],
    });
    expect(fromBen.json().results[0]).toMatchObject({ status: 'conflict' });
    expect(fromBen.json().results[0].current).toMatchObject({ household: 'alone', version: 2 });
    expect((await ana.get(`/api/people/${personId}`)).json().household).toBe('alone');
  });

  it('adds tallies from two phones, whatever the order', async () => {
    const sessionId = uuidv7();
    await ana.post('/api/sync', { items: [op('session.start', sessionId, { kind: 'walk' })] });
    await ben.post('/api/sync', { items: [op('session.tally', sessionId, { kind: 'greeting', delta: 7 })] });
    await ana.post('/api/sync', { items: [op('session.tally', sessionId, { kind: 'greeting', delta: 5 })] });
    expect((await ana.get(`/api/sessions/${sessionId}`)).json().tallies).toEqual([{ kind: 'greeting', count: 12 }]);
  });

  it('keeps another team out: their records are unknown, nothing is written', async () => {
    const sessionId = uuidv7();
    await ana.post('/api/sync', { items: [op('session.start', sessionId, { kind: 'walk' })] });
    const intruder = await other.post('/api/sync', {
      items: [
        op('session.tally', sessionId, { kind: 'greeting', delta: 100 }),
        op('encounter.create', uuidv7(), { sessionId }),
        op('person.create', uuidv7(), { nickname: 'X', teamId: teamA }),
      ],
    });
    expect(intruder.json().counts).toMatchObject({ applied: 0, invalid: 3 });
    expect(intruder.json().results[0].error.code).toBe('not_found');
    expect((await ana.get(`/api/sessions/${sessionId}`)).json().tallies).toEqual([]);
  });

  it('sends an encounter for a merged person to the survivor', async () => {
    const survivor = await buildPerson(t.database.db, teamA);
    const duplicate = await buildPerson(t.database.db, teamA);
    await ana.post(`/api/people/${survivor.id}/merge`, { absorbedId: duplicate.id });
    const encounterId = uuidv7();
    const result = (
      await ben.post('/api/sync', { items: [op('encounter.create', encounterId, { personId: duplicate.id })] })
    ).json();
    expect(result.results[0].status).toBe('applied');
    expect((await ana.get(`/api/encounters/${encounterId}`)).json().personId).toBe(survivor.id);
  });

  it('takes a batch of 500 encounters in one request', async () => {
    const sessionId = uuidv7();
    const items = [
      op('session.start', sessionId, { kind: 'event' }),
      ...Array.from({ length: 500 }, (_, i) =>
        op('encounter.create', uuidv7(), {
          sessionId,
          needs: [i % 2 ? 'food' : 'housing'],
          actions: ['listen'],
          ...(i % 50 === 0 ? { note: `Note ${i}` } : {}),
        }),
      ),
    ];
    const before = await count('encounters');
    const response = await ana.post('/api/sync', { items });
    expect(response.json().counts.applied).toBe(501);
    expect(await count('encounters')).toBe(before + 500);
    expect((await ana.get(`/api/sessions/${sessionId}`)).json().encounterCount).toBe(500);
  });

  it('gives the offline cache only the caller’s teams, with no identity', async () => {
    await buildPerson(t.database.db, teamA, { nickname: 'Ti-Loup', firstName: 'Louis', lastName: 'Secret' });
    await buildPerson(t.database.db, teamB, { nickname: 'Autre équipe' });
    const data = (await ana.get('/api/sync/reference')).json();
    expect(data.teams.map((team: { id: string }) => team.id)).toEqual([teamA]);
    expect(data.people.map((p: { nickname: string }) => p.nickname)).toContain('Ti-Loup');
    expect(data.people.map((p: { nickname: string }) => p.nickname)).not.toContain('Autre équipe');
    expect(JSON.stringify(data)).not.toContain('Secret');
    expect(data.taxonomies.filter((term: { kind: string }) => term.kind === 'barrier').length).toBeGreaterThanOrEqual(
      8,
    );
    expect(data.members.length).toBe(2);
  });

  it('refuses a body that is not a batch', async () => {
    expect((await ana.post('/api/sync', { items: [] })).statusCode).toBe(400);
    expect((await ana.post('/api/sync', [{ id: uuidv7() }])).statusCode).toBe(400);
  });
});
