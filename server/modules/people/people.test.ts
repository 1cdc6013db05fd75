import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Agent, signedInAgent } from '../../test-support/agent.ts';
import { createTestApp, type TestApp } from '../../test-support/app.ts';
import { buildEncounter, buildPerson, buildPersonRole, buildTeam, buildUser } from '../../test-support/factories.ts';

let t: TestApp;
let ana: Agent;
let ben: Agent;
let other: Agent;
let admin: Agent;
let teamA: string;
let teamB: string;

type AuditRow = { action: string; entity_type: string; reason: string | null; details: Record<string, unknown> | null };
async function auditOf(entityId: string): Promise<AuditRow[]> {
  const result = (await t.database.db.execute(
    sql`select action, entity_type, reason, details from audit_log where entity_id = ${entityId} order by id`,
  )) as unknown as { rows: AuditRow[] };
  return result.rows;
}

beforeAll(async () => {
  t = await createTestApp();
  const db = t.database.db;
  teamA = (await buildTeam(db)).id;
  teamB = (await buildTeam(db)).id;
  ana = await signedInAgent(t.app, (await buildUser(db, { teamIds: [teamA] })).email);
  ben = await signedInAgent(t.app, (await buildUser(db, { teamIds: [teamA] })).email);
  other = await signedInAgent(t.app, (await buildUser(db, { teamIds: [teamB] })).email);
  admin = await signedInAgent(t.app, (await buildUser(db, { role: 'admin' })).email);
});
afterAll(() => t.close());

describe('duplicate search', () => {
  beforeAll(async () => {
    const db = t.database.db;
    await buildPerson(db, teamA, { nickname: 'José du parc', firstName: 'José', lastName: 'Gagnon' });
    await buildPerson(db, teamA, { nickname: 'Mathieu', lastName: 'Tremblay' });
    await buildPerson(db, teamA, { nickname: 'Grand Louis' });
    await buildPerson(db, teamB, { nickname: 'Josée' });
  });

  const nicknames = async (agent: Agent, search: string) =>
    (await agent.get(`/api/people?search=${encodeURIComponent(search)}`))
      .json()
      .items.map((p: { nickname: string }) => p.nickname);

  it('finds "José" for "Jose", and "Mathieu" for the typo "Matheiu"', async () => {
    expect(await nicknames(ana, 'Jose')).toContain('José du parc');
    expect(await nicknames(ana, 'gagnon')).toEqual(['José du parc']);
    expect(await nicknames(ana, 'Matheiu')).toContain('Mathieu');
    expect(await nicknames(ana, 'MATHIEU')).toEqual(['Mathieu']);
  });

  it('ranks the best match first, with a score, and never shows another team’s people', async () => {
    const found = (await ana.get('/api/people?search=louis')).json();
    expect(found.items[0]).toMatchObject({ nickname: 'Grand Louis' });
    expect(found.items[0].score).toBeGreaterThan(0.5);
    expect(await nicknames(ana, 'Josée')).not.toContain('Josée');
    expect(await nicknames(other, 'Jose')).toEqual(['Josée']);
  });

  it('lists summaries without identity fields', async () => {
    const body = (await ana.get('/api/people?search=jose')).json();
    expect(JSON.stringify(body)).not.toContain('Gagnon');
    expect(body.items[0].identified).toBe(true);
  });
});

describe('consent and identity', () => {
  it('refuses identity without consent, by field', async () => {
    const response = await ana.post('/api/people', { nickname: 'Coco', firstName: 'Corinne', phone: '819 555-0101' });
    expect(response.statusCode).toBe(422);
    expect(
      response
        .json()
        .error.fields.map((f: { path: string }) => f.path)
        .sort(),
    ).toEqual(['firstName', 'phone']);
    const saved = (await ana.get('/api/people?search=coco')).json();
    expect(saved.total).toBe(0);
  });

  it('records consent (date, scope, by whom) with identity', async () => {
    const person = (await ana.post('/api/people', { nickname: 'Coco', languages: ['fr'] })).json();
    expect(person.identity).toBeNull();
    const consented = await ana.post(`/api/people/${person.id}/consent`, {
      scope: 'identityAndContact',
      firstName: 'Corinne',
      phone: '819 555-0101',
    });
    expect(consented.statusCode).toBe(200);
    expect(consented.json().consent).toMatchObject({ scope: 'identityAndContact' });
    expect(consented.json().identity).toMatchObject({ firstName: 'Corinne', phone: '819 555-0101' });
  });

  it('withdrawal erases every identity field and is logged without the values', async () => {
    const person = (
      await ana.post('/api/people', {
        nickname: 'Momo',
        consent: { scope: 'identity' },
        firstName: 'Mohamed',
        lastName: 'Benali',
        email: 'momo@example.org',
      })
    ).json();
    const identified = (await ana.post('/api/encounters', { personId: person.id })).json();
    expect(identified.identification).toBe('identified');
    const withdrawn = await ben.post(`/api/people/${person.id}/consent/withdraw`, {});
    expect(withdrawn.statusCode).toBe(200);
    expect(withdrawn.json()).toMatchObject({ identity: null, consent: null, nickname: 'Momo' });
    expect(withdrawn.json().consentWithdrawnAt).not.toBeNull();
    const stored = (await t.database.db.execute(
      sql`select first_name, last_name, email, search_text from people where id = ${person.id}`,
    )) as unknown as { rows: Record<string, string | null>[] };
    expect(stored.rows[0]).toMatchObject({ first_name: null, last_name: null, email: null });
    expect(stored.rows[0]?.search_text).not.toContain('benali');
    const trail = await auditOf(person.id);
    const erasure = trail.find((e) => e.entity_type === 'person_identity');
    expect(erasure).toMatchObject({ action: 'consent_withdraw' });
    expect(erasure?.details?.erased).toEqual(['firstName', 'lastName', 'email']);
    expect(JSON.stringify(trail)).not.toContain('Benali');
    expect((await ana.get(`/api/encounters/${identified.id}`)).json().identification).toBe('pseudonymous');
    // Identity cannot come back without a new consent.
    expect((await ana.patch(`/api/people/${person.id}`, { baseVersion: 3, firstName: 'Mo' })).statusCode).toBe(422);
  });
});

describe('roles over time', () => {
  it('shows the trajectory from participant to volunteer on the timeline', async () => {
    const person = (await ana.post('/api/people', { nickname: 'Lulu' })).json();
    await ana.post(`/api/people/${person.id}/roles`, { role: 'participant', startedOn: '2025-09-01' });
    const withVolunteer = await ana.post(`/api/people/${person.id}/roles`, {
      role: 'volunteer',
      startedOn: '2026-02-01',
    });
    expect(withVolunteer.statusCode).toBe(201);
    const participant = withVolunteer.json().roles.find((r: { role: string }) => r.role === 'participant');
    const ended = await ana.patch(`/api/people/${person.id}/roles/${participant.id}`, {
      baseVersion: 1,
      endedOn: '2026-01-31',
    });
    expect(ended.json().roles.find((r: { id: string }) => r.id === participant.id).endedOn).toBe('2026-01-31');
    // Roles do not move the person's version: no false conflict for someone editing the person.
    expect(ended.json().version).toBe(1);
    const timeline = (await ana.get(`/api/people/${person.id}/timeline`)).json();
    expect(timeline.items.map((i: { type: string }) => i.type)).toEqual(['roleStarted', 'roleEnded', 'roleStarted']);
  });
});

describe('merging duplicates', () => {
  it('moves every encounter and role to the survivor, leaves a pointer, and logs both', async () => {
    const db = t.database.db;
    const survivor = await buildPerson(db, teamA, { nickname: 'Ti-Paul', ageBand: '35to49' });
    const duplicate = await buildPerson(db, teamA, { nickname: 'Paul', firstName: 'Paul', lastName: 'Roy' });
    for (let i = 0; i < 3; i++) await buildEncounter(db, teamA, { personId: survivor.id });
    for (let i = 0; i < 4; i++) await buildEncounter(db, teamA, { personId: duplicate.id });
    await buildPersonRole(db, duplicate.id, 'helper');
    const merged = await ana.post(`/api/people/${survivor.id}/merge`, { absorbedId: duplicate.id });
    expect(merged.statusCode).toBe(200);
    expect(merged.json()).toMatchObject({ encounterCount: 7, ageBand: '35to49' });
    expect(merged.json().identity).toMatchObject({ firstName: 'Paul', lastName: 'Roy' });
    expect(merged.json().roles.map((r: { role: string }) => r.role)).toEqual(['helper']);
    const tombstone = (await ana.get(`/api/people/${duplicate.id}`)).json();
    expect(tombstone.mergedIntoId).toBe(survivor.id);
    expect(tombstone.encounterCount).toBe(0);
    const listed = (await ana.get('/api/people?search=paul')).json().items.map((p: { id: string }) => p.id);
    expect(listed).toEqual([survivor.id]);
    expect(
      (await auditOf(survivor.id)).some((e) => e.action === 'merge' && e.details?.mergedFrom === duplicate.id),
    ).toBe(true);
    expect(
      (await auditOf(duplicate.id)).some((e) => e.action === 'merge' && e.details?.mergedInto === survivor.id),
    ).toBe(true);
    expect(
      (await ana.patch(`/api/people/${duplicate.id}`, { baseVersion: 2, ageBand: '18to24' })).json().error.code,
    ).toBe('person_merged');
  });

  it('refuses to merge across teams', async () => {
    const mine = await buildPerson(t.database.db, teamA);
    const theirs = await buildPerson(t.database.db, teamB);
    const response = await ana.post(`/api/people/${mine.id}/merge`, { absorbedId: theirs.id });
    expect(response.statusCode).toBe(422);
    expect(response.json().error.fields[0].path).toBe('absorbedId');
  });
});

describe('reading a person', () => {
  it('logs every read; another team is told it does not exist', async () => {
    const person = await buildPerson(t.database.db, teamA, { nickname: 'Nana' });
    expect((await ben.get(`/api/people/${person.id}`)).statusCode).toBe(200);
    expect((await other.get(`/api/people/${person.id}`)).statusCode).toBe(404);
    expect((await other.get(`/api/people/${person.id}/timeline`)).statusCode).toBe(404);
    expect((await auditOf(person.id)).filter((e) => e.action === 'read')).toHaveLength(1);
  });

  it('lets an admin read only with a stated reason, kept in the log', async () => {
    const person = await buildPerson(t.database.db, teamA, { nickname: 'Didi' });
    const refused = await admin.get(`/api/people/${person.id}`);
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.code).toBe('reason_required');
    const reason = encodeURIComponent('Demande d’accès no 2026-14');
    const allowed = await admin.get(`/api/people/${person.id}`, { headers: { 'x-access-reason': reason } });
    expect(allowed.statusCode).toBe(200);
    expect((await auditOf(person.id)).at(-1)).toMatchObject({ action: 'read', reason: 'Demande d’accès no 2026-14' });
    expect((await admin.post('/api/people', { nickname: 'X', teamId: teamA })).statusCode).toBe(403);
  });

  it('detects two workers editing one person: the second sees the conflict, nothing overwritten', async () => {
    const person = (await ana.post('/api/people', { nickname: 'Fifi' })).json();
    expect((await ana.patch(`/api/people/${person.id}`, { baseVersion: 1, household: 'alone' })).statusCode).toBe(200);
    const second = await ben.patch(`/api/people/${person.id}`, { baseVersion: 1, household: 'family' });
    expect(second.statusCode).toBe(409);
    expect(second.json().current).toMatchObject({ household: 'alone', version: 2 });
  });
});
