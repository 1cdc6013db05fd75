import { readdirSync, readFileSync } from 'node:fs';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { consentEvents, people } from '../../db/schema/index.ts';
import { type Agent, signedInAgent } from '../../test-support/agent.ts';
import { createTestApp, type TestApp } from '../../test-support/app.ts';
import { buildPerson, buildTeam, buildUser } from '../../test-support/factories.ts';

/** The consent register and the privacy incident register (issue 8, point 6), with their exports. */
let t: TestApp;
let ana: Agent;
let coordinator: Agent;
let otherCoordinator: Agent;
let admin: Agent;
let teamA: string;
let teamB: string;
const reason = { 'x-access-reason': encodeURIComponent('Contrôle annuel du registre') };

beforeAll(async () => {
  t = await createTestApp();
  const db = t.database.db;
  teamA = (await buildTeam(db)).id;
  teamB = (await buildTeam(db)).id;
  ana = await signedInAgent(t.app, (await buildUser(db, { teamIds: [teamA] })).email);
  coordinator = await signedInAgent(t.app, (await buildUser(db, { teamIds: [teamA], role: 'coordinator' })).email);
  otherCoordinator = await signedInAgent(t.app, (await buildUser(db, { teamIds: [teamB], role: 'coordinator' })).email);
  admin = await signedInAgent(t.app, (await buildUser(db, { role: 'admin' })).email);
});
afterAll(() => t.close());

describe('consent register', () => {
  it('lists consents given and withdrawn through the usual paths, by period, and exports them', async () => {
    const person = (await ana.post('/api/people', { nickname: 'Bérénice', consent: { scope: 'identity' } })).json();
    await ana.post(`/api/people/${person.id}/consent/withdraw`, {});
    const other = (await ana.post('/api/people', { nickname: 'Octave' })).json();
    await ana.post(`/api/people/${other.id}/consent`, { scope: 'identityAndContact', givenAt: '2026-03-10T10:00:00Z' });

    const all = (await coordinator.get(`/api/consent-register?teamId=${teamA}`)).json().items;
    expect(all.map((l: { kind: string; person: { nickname: string } }) => [l.kind, l.person.nickname])).toEqual([
      ['withdrawn', 'Bérénice'],
      ['given', 'Bérénice'],
      ['given', 'Octave'],
    ]);
    const march = (await coordinator.get(`/api/consent-register?teamId=${teamA}&from=2026-03-01&to=2026-03-31`)).json();
    expect(march.items).toHaveLength(1);
    expect(march.items[0]).toMatchObject({ scope: 'identityAndContact', person: { id: other.id } });

    const csv = await coordinator.get(`/api/consent-register.csv?teamId=${teamA}`);
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.headers['content-disposition']).toContain('registre-consentements');
    const rows = csv.body.replace('\uFEFF', '').trim().split('\r\n');
    expect(rows[0]).toBe('date,événement,portée,personne,noté par');
    expect(rows).toHaveLength(4);
    expect(csv.body).toContain('consentement retiré');
  });

  it('is for coordination: a worker is refused, another team does not exist, an admin states a reason', async () => {
    expect((await ana.get(`/api/consent-register?teamId=${teamA}`)).statusCode).toBe(403);
    expect((await otherCoordinator.get(`/api/consent-register?teamId=${teamA}`)).statusCode).toBe(404);
    expect((await otherCoordinator.get('/api/consent-register')).json().items).toEqual([]);
    expect((await admin.get(`/api/consent-register?teamId=${teamA}`)).json().error.code).toBe('reason_required');
    expect((await admin.get(`/api/consent-register?teamId=${teamA}`, { headers: reason })).statusCode).toBe(200);
    const bad = await coordinator.get('/api/consent-register?from=mardi');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields[0].path).toBe('from');
  });
});

describe('consent register backfill', () => {
  it('starts the register from what the people rows know: the consent on record and a dated withdrawal', async () => {
    const db = t.database.db;
    const team = (await buildTeam(db)).id;
    const consented = await buildPerson(db, team, { firstName: 'Aline' });
    const withdrawn = await buildPerson(db, team);
    await db
      .update(people)
      .set({ consentWithdrawnAt: new Date('2026-02-01T10:00:00Z') })
      .where(eq(people.id, withdrawn.id));
    await buildPerson(db, team);
    // The migration's own statements, run again on rows written without the consent paths.
    // Found by name, not number: migrations are renumbered when branches meet.
    const folder = new URL('../../db/migrations/', import.meta.url);
    const name = readdirSync(folder).find((file) => file.endsWith('_peoples_rights.sql'));
    const migration = readFileSync(new URL(String(name), folder), 'utf8');
    const backfill = migration
      .split('--> statement-breakpoint')
      .filter((s) => s.includes('INSERT INTO "consent_events"'));
    expect(backfill).toHaveLength(2);
    for (const statement of backfill) await db.execute(sql.raw(statement));
    const lines = await db.select().from(consentEvents).where(eq(consentEvents.teamId, team));
    expect(lines.map((l) => [l.personId, l.kind, l.scope]).sort()).toEqual(
      [
        [consented.id, 'given', 'identity'],
        [withdrawn.id, 'withdrawn', null],
      ].sort(),
    );
  });
});

describe('incident register', () => {
  it('records an incident with the team’s people, completes and closes it, and exports it', async () => {
    const mine = await buildPerson(t.database.db, teamA, { nickname: 'Fernand' });
    const created = await coordinator.post('/api/privacy-incidents', {
      occurredOn: '2026-11-10',
      nature: 'misdirectedMessage',
      dataConcerned: 'Un texto avec une adresse de rendez-vous',
      peopleAffected: 1,
      affectedPersonIds: [mine.id],
    });
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json()).toMatchObject({
      teamId: teamA,
      natureLabel: { fr: 'Message envoyé à la mauvaise personne' },
      affectedPeople: [{ id: mine.id, nickname: 'Fernand' }],
      closedOn: null,
      version: 1,
    });
    const id = created.json().id;
    const closed = await coordinator.patch(`/api/privacy-incidents/${id}`, {
      baseVersion: 1,
      measures: 'Message supprimé par le destinataire, excuses présentées.',
      notifiedTo: 'Responsable de la protection des données',
      notifiedOn: '2026-11-11',
      closedOn: '2026-11-12',
    });
    expect(closed.json()).toMatchObject({ closedOn: '2026-11-12', version: 2 });
    const stale = await coordinator.patch(`/api/privacy-incidents/${id}`, { baseVersion: 1, closedOn: null });
    expect(stale.statusCode).toBe(409);

    const csv = await coordinator.get(`/api/privacy-incidents.csv?teamId=${teamA}`);
    expect(csv.body).toContain('Message envoyé à la mauvaise personne');
    expect(csv.body).toContain('2026-11-12');
    expect(csv.body).not.toContain('Fernand');
  });

  it('never links nor shows people across teams', async () => {
    const theirs = await buildPerson(t.database.db, teamB, { nickname: 'Hortense' });
    const refused = await coordinator.post('/api/privacy-incidents', {
      occurredOn: '2026-11-10',
      nature: 'unauthorisedAccess',
      dataConcerned: 'Fiche consultée',
      peopleAffected: 1,
      affectedPersonIds: [theirs.id],
    });
    expect(refused.statusCode).toBe(422);
    expect(refused.json().error.fields[0]).toMatchObject({
      path: 'affectedPersonIds',
      message: { en: expect.any(String) },
    });
    const theirIncident = await otherCoordinator.post('/api/privacy-incidents', {
      occurredOn: '2026-11-09',
      nature: 'lostDevice',
      dataConcerned: 'Téléphone de service',
      peopleAffected: 4,
      affectedPersonIds: [theirs.id],
    });
    expect(theirIncident.statusCode).toBe(201);
    const listed = (await coordinator.get('/api/privacy-incidents')).json().items.map((i: { id: string }) => i.id);
    expect(listed).not.toContain(theirIncident.json().id);
    expect((await coordinator.get(`/api/privacy-incidents?teamId=${teamB}`)).statusCode).toBe(404);
    const patch = await coordinator.patch(`/api/privacy-incidents/${theirIncident.json().id}`, {
      baseVersion: 1,
      closedOn: '2026-11-10',
    });
    expect(patch.statusCode).toBe(404);
    // An admin sees every incident; the linked people only with a stated reason.
    const seen = (await admin.get(`/api/privacy-incidents?teamId=${teamB}`)).json().items[0];
    expect(seen).toMatchObject({ peopleAffected: 4, affectedPeople: [] });
    const withReason = (await admin.get(`/api/privacy-incidents?teamId=${teamB}`, { headers: reason })).json().items[0];
    expect(withReason.affectedPeople).toEqual([{ id: theirs.id, nickname: 'Hortense' }]);
  });

  it('lets an admin record the organisation’s incidents, which every coordinator reads', async () => {
    const org = await admin.post('/api/privacy-incidents', {
      occurredOn: '2026-10-01',
      nature: 'other',
      dataConcerned: 'Sauvegarde envoyée au mauvais serveur',
      peopleAffected: 0,
    });
    expect(org.statusCode, org.body).toBe(201);
    expect(org.json().teamId).toBeNull();
    const listed = (await otherCoordinator.get('/api/privacy-incidents')).json().items.map((i: { id: string }) => i.id);
    expect(listed).toContain(org.json().id);
    expect((await coordinator.patch(`/api/privacy-incidents/${org.json().id}`, { baseVersion: 1 })).statusCode).toBe(
      404,
    );
    const orgByCoordinator = await coordinator.post('/api/privacy-incidents', {
      teamId: null,
      occurredOn: '2026-10-01',
      nature: 'other',
      dataConcerned: 'x',
    });
    expect(orgByCoordinator.json().error.fields[0].path).toBe('teamId');
  });

  it('refuses bad input naming the field, and saves nothing', async () => {
    const bad = await coordinator.post('/api/privacy-incidents', {
      occurredOn: 'hier',
      nature: 'fire',
      dataConcerned: '',
    });
    expect(bad.statusCode).toBe(400);
    expect(
      bad
        .json()
        .error.fields.map((f: { path: string }) => f.path)
        .sort(),
    ).toEqual(['dataConcerned', 'nature', 'occurredOn']);
    const fewer = await coordinator.post('/api/privacy-incidents', {
      occurredOn: '2026-11-01',
      nature: 'other',
      dataConcerned: 'Fiches',
      peopleAffected: 0,
      affectedPersonIds: [(await buildPerson(t.database.db, teamA)).id],
    });
    expect(fewer.statusCode).toBe(400);
    expect(fewer.json().error.fields[0]).toMatchObject({
      path: 'peopleAffected',
      message: { en: expect.stringContaining('linked') },
    });
    expect(
      (await ana.post('/api/privacy-incidents', { occurredOn: '2026-11-01', nature: 'other', dataConcerned: 'x' }))
        .statusCode,
    ).toBe(403);
  });
});
