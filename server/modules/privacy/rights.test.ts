import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { uuidv7 } from '../../../core/uuid.ts';
import { type Agent, signedInAgent } from '../../test-support/agent.ts';
import { createTestApp, type TestApp } from '../../test-support/app.ts';
import { buildService } from '../../test-support/directory-factories.ts';
import { buildNeighbourhood, buildTeam, buildUser } from '../../test-support/factories.ts';

/**
 * The access request and the erasure (issue 8, point 6), on a person with one of every record the
 * API can make about them, beside a neighbour who must never show in their export.
 */
let t: TestApp;
let ana: Agent;
let coordinator: Agent;
let otherCoordinator: Agent;
let admin: Agent;
let teamA: string;
let person: { id: string };
let tombstoneId: string;
let neighbour: { id: string };
let sessionId: string;
const encounterIds: string[] = [];
const who = {
  nickname: 'Zéphyrine',
  firstName: 'Ondine',
  lastName: 'Bastarache',
  phone: '819 555-0199',
  email: 'ondine.bastarache@example.org',
};
const reasonHeader = { 'x-access-reason': encodeURIComponent('Plainte 12 : vérification') };

/** A write the world needs: it must have been saved (200 or 201). */
async function created(response: { statusCode: number; body: string; json(): unknown }) {
  expect([200, 201], response.body).toContain(response.statusCode);
  return response.json() as Record<string, unknown> & { id: string };
}

beforeAll(async () => {
  t = await createTestApp();
  const db = t.database.db;
  teamA = (await buildTeam(db)).id;
  const teamB = (await buildTeam(db)).id;
  const hood = (await buildNeighbourhood(db, teamA)).id;
  ana = await signedInAgent(t.app, (await buildUser(db, { teamIds: [teamA], role: 'organizer' })).email);
  coordinator = await signedInAgent(t.app, (await buildUser(db, { teamIds: [teamA], role: 'coordinator' })).email);
  otherCoordinator = await signedInAgent(t.app, (await buildUser(db, { teamIds: [teamB], role: 'coordinator' })).email);
  admin = await signedInAgent(t.app, (await buildUser(db, { role: 'admin' })).email);
  const serviceId = (await buildService(db, { name: 'Maison d’hébergement' })).id;

  const { nickname, ...identity } = who;
  person = await created(
    await ana.post('/api/people', {
      nickname,
      ageBand: '35to49',
      ...identity,
      consent: { scope: 'identityAndContact' },
    }),
  );
  await created(await ana.post(`/api/people/${person.id}/consent/withdraw`, {}));
  await created(await ana.post(`/api/people/${person.id}/consent`, { scope: 'identity', ...identity }));
  neighbour = await created(await ana.post('/api/people', { nickname: 'Gaspard', ageBand: '50to64' }));
  const duplicate = await created(await ana.post('/api/people', { nickname: 'Zéfou' }));
  tombstoneId = duplicate.id;
  await created(await ana.post(`/api/people/${person.id}/merge`, { absorbedId: duplicate.id }));

  for (const day of ['2026-11-02', '2026-11-03']) {
    const encounter = await created(
      await ana.post('/api/encounters', {
        personId: person.id,
        occurredAt: `${day}T15:00:00Z`,
        needs: ['housing'],
        actions: ['listen'],
        nonRecours: [{ right: 'housingAllowance', barrier: 'language', detail: 'Ondine n’ose pas appeler' }],
        followUpOn: '2026-12-01',
        followUpWhat: 'Rappeler Ondine au 819 555-0199',
        note: 'Ondine Bastarache dort chez sa sœur.',
      }),
    );
    encounterIds.push(encounter.id);
  }
  await created(await ana.post('/api/encounters', { occurredAt: '2026-11-02T16:00:00Z', needs: ['food'] }));
  await created(await ana.post('/api/encounters', { personId: neighbour.id, occurredAt: '2026-11-03T10:00:00Z' }));
  const syncOp = {
    id: uuidv7(),
    kind: 'person.update',
    entityId: person.id,
    payload: { household: 'alone' },
    baseVersion: (await ana.get(`/api/people/${person.id}`)).json().version,
  };
  expect((await ana.post('/api/sync', { items: [syncOp] })).json().counts.applied).toBe(1);
  await created(
    await ana.post(`/api/people/${person.id}/roles`, {
      role: 'volunteer',
      startedOn: '2026-10-01',
      note: 'Aide Ondine',
    }),
  );

  const referral = await created(
    await ana.post('/api/referrals', { personId: person.id, serviceId, needs: ['housing'] }),
  );
  await created(await ana.post(`/api/referrals/${referral.id}/notes`, { note: 'Ondine viendra mardi.' }));
  const support = await created(
    await ana.post('/api/bridging-supports', { referralId: referral.id, purpose: 'Ondine attend' }),
  );
  await created(
    await ana.post(`/api/bridging-supports/${support.id}/contacts`, { kind: 'call', note: 'Ondine rassurée' }),
  );
  await created(await ana.post('/api/bridging-supports', { personId: person.id, purpose: 'Ondine seule' }));

  const activity = await created(
    await ana.post('/api/activities', { title: 'Soupe du mardi', kind: 'meal', groupType: 'open' }),
  );
  sessionId = uuidv7();
  await created(
    await ana.post(`/api/activities/${activity.id}/sessions`, {
      id: sessionId,
      onDate: '2026-11-04',
      headCounts: { '35to49': 2 },
      attendees: [{ personId: person.id }, { personId: neighbour.id }],
    }),
  );
  await created(
    await ana.post('/api/projects', {
      neighbourhoodId: hood,
      title: 'Jardin partagé',
      issue: 'Un terrain vague que les voisins veulent cultiver.',
      approach: 'sociocommunity',
      startedOn: '2026-05-01',
      citizens: [{ personId: person.id, role: 'initiator', since: '2026-05-01' }],
    }),
  );
  await created(
    await coordinator.post('/api/privacy-incidents', {
      occurredOn: '2026-11-05',
      nature: 'lostDevice',
      dataConcerned: 'Fiches de la tournée du soir',
      peopleAffected: 3,
      affectedPersonIds: [person.id],
    }),
  );
  // Someone read the record: the access request shows it.
  await ana.get(`/api/people/${person.id}`);
});
afterAll(() => t.close());

describe('access request', () => {
  it('holds every record made about the person, in the reader’s language, and nothing of anyone else', async () => {
    const response = await coordinator.get(`/api/people/${person.id}/access-request`);
    expect(response.statusCode, response.body).toBe(200);
    expect(response.headers['content-disposition']).toContain('attachment');
    const doc = response.json();
    expect(doc).toMatchObject({
      format: 'relais.access-request/1',
      person: { ...who, household: 'alone', mergedRecords: [{ id: tombstoneId, nickname: 'Zéfou' }] },
      consentHistory: [
        { kind: 'given', scope: 'identityAndContact' },
        { kind: 'withdrawn', scope: 'identityAndContact' },
        { kind: 'given', scope: 'identity' },
      ],
      // Attending and starting a project opened roles of their own (the trajectory).
      roles: expect.arrayContaining([expect.objectContaining({ role: 'volunteer', note: 'Aide Ondine' })]),
      referrals: [
        {
          service: 'Maison d’hébergement',
          events: expect.arrayContaining([expect.objectContaining({ note: 'Ondine viendra mardi.' })]),
        },
      ],
      activities: [{ activity: 'Soupe du mardi', onDate: '2026-11-04' }],
      projects: [{ project: 'Jardin partagé', role: 'initiator' }],
      incidents: [{ nature: 'lostDevice' }],
    });
    expect(doc.encounters.map((e: { id: string }) => e.id)).toEqual(encounterIds);
    expect(doc.encounters[0]).toMatchObject({
      needs: [{ code: 'housing', label: expect.any(String) }],
      nonRecours: [{ detail: 'Ondine n’ose pas appeler' }],
      followUp: { what: 'Rappeler Ondine au 819 555-0199' },
      confidentialNote: 'Ondine Bastarache dort chez sa sœur.',
    });
    expect(doc.encounters[0].needs[0].label).not.toBe('housing');
    expect(doc.bridgingSupports.map((b: { purpose: string }) => b.purpose).sort()).toEqual([
      'Ondine attend',
      'Ondine seule',
    ]);
    expect(doc.accessLog.some((a: { action: string }) => a.action === 'read')).toBe(true);
    expect(response.body).not.toContain(neighbour.id);
    expect(response.body).not.toContain('Gaspard');
    const audit = (await t.database.db.execute(
      sql`select count(*)::int as n from audit_log where action = 'access_request' and entity_id = ${person.id}`,
    )) as unknown as { rows: { n: number }[] };
    expect(audit.rows[0]?.n).toBe(1);
  });

  it('gives the same facts as a readable page', async () => {
    const page = await coordinator.get(`/api/people/${person.id}/access-request?format=html`);
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toContain('text/html');
    expect(page.body).toContain('Données détenues sur Zéphyrine');
    expect(page.body).toContain('Ondine Bastarache dort chez sa sœur.');
  });

  it('is the coordinator’s: a worker is refused, another team is told the person does not exist, an admin states a reason', async () => {
    expect((await ana.get(`/api/people/${person.id}/access-request`)).statusCode).toBe(403);
    expect((await otherCoordinator.get(`/api/people/${person.id}/access-request`)).statusCode).toBe(404);
    expect((await admin.get(`/api/people/${person.id}/access-request`)).json().error.code).toBe('reason_required');
    expect((await admin.get(`/api/people/${person.id}/access-request`, { headers: reasonHeader })).statusCode).toBe(
      200,
    );
  });
});

type Hit = { table: string; column: string };

/** Every text, uuid, array and json column of the database that holds one of the needles. */
async function whereFound(needles: string[]): Promise<Hit[]> {
  const db = t.database.db;
  const columns = (await db.execute(sql`select table_name, column_name from information_schema.columns c
    join information_schema.tables using (table_schema, table_name)
    where table_schema = 'public' and table_type = 'BASE TABLE'
      and data_type in ('text', 'character varying', 'uuid', 'jsonb', 'json', 'ARRAY')`)) as unknown as {
    rows: { table_name: string; column_name: string }[];
  };
  const patterns = sql.join(
    needles.map((n) => sql`${`%${n}%`}`),
    sql`, `,
  );
  const hits: Hit[] = [];
  for (const { table_name, column_name } of columns.rows) {
    const found = (await db.execute(
      sql`select count(*)::int as n from ${sql.identifier(table_name)}
        where ${sql.identifier(column_name)}::text ilike any (array[${patterns}])`,
    )) as unknown as { rows: { n: number }[] };
    if ((found.rows[0]?.n ?? 0) > 0) hits.push({ table: table_name, column: column_name });
  }
  return hits;
}

async function countsByDay() {
  return (
    (await t.database.db.execute(
      sql`select occurred_at::date::text as day, count(*)::int as n, sum(cardinality(needs))::int as needs
      from encounters where team_id = ${teamA} group by 1 order by 1`,
    )) as unknown as { rows: unknown[] }
  ).rows;
}

describe('erasure on request', () => {
  it('refuses without a reason or with the wrong nickname, naming the field in both languages, and erases nothing', async () => {
    const noReason = await coordinator.post(`/api/people/${person.id}/erasure`, { confirmNickname: who.nickname });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().error.fields[0]).toMatchObject({
      path: 'reason',
      message: { fr: expect.any(String), en: expect.any(String) },
    });
    const wrong = await coordinator.post(`/api/people/${person.id}/erasure`, {
      reason: 'Demande écrite du 20 novembre',
      confirmNickname: 'Gaspard',
    });
    expect(wrong.statusCode).toBe(422);
    expect(wrong.json().error.fields[0]).toMatchObject({
      path: 'confirmNickname',
      message: { fr: expect.stringContaining('surnom'), en: expect.stringContaining('nickname') },
    });
    const body = { reason: 'Demande écrite du 20 novembre', confirmNickname: who.nickname };
    expect((await otherCoordinator.post(`/api/people/${person.id}/erasure`, body)).statusCode).toBe(404);
    expect((await ana.post(`/api/people/${person.id}/erasure`, body)).statusCode).toBe(403);
    expect((await admin.post(`/api/people/${person.id}/erasure`, body, { headers: reasonHeader })).statusCode).toBe(
      403,
    );
    expect((await coordinator.get(`/api/people/${person.id}`)).statusCode).toBe(200);
  });

  it('leaves nothing of the person but the audit log’s uuid, and the counts hold', async () => {
    const before = await countsByDay();
    const sessionBefore = (await ana.get(`/api/activity-sessions/${sessionId}`)).json();
    const erased = await coordinator.post(`/api/people/${person.id}/erasure`, {
      reason: 'Demande écrite du 20 novembre',
      requestedBy: 'person',
      confirmNickname: ' zéphyrine ',
    });
    expect(erased.statusCode, erased.body).toBe(200);
    expect(erased.json()).toMatchObject({
      encountersAnonymised: 2,
      notesDeleted: 2,
      referralsDetached: 1,
      bridgingSupportsDeleted: 1,
      attendanceCounted: 1,
      projectRowsRemoved: 1,
      rolesRemoved: 3,
      mergedRecordsErased: 1,
      consentLinesKept: 3,
    });
    expect(erased.json().syncResultsScrubbed).toBeGreaterThan(0);

    const { nickname, firstName, lastName, phone, email } = who;
    const hits = await whereFound([person.id, tombstoneId, nickname, 'Zéfou', firstName, lastName, phone, email]);
    expect(hits.sort((a, b) => a.column.localeCompare(b.column))).toEqual([
      { table: 'audit_log', column: 'details' },
      { table: 'audit_log', column: 'entity_id' },
    ]);
    expect(await whereFound([nickname, 'Zéfou', firstName, lastName, phone, email])).toEqual([]);

    expect(await countsByDay()).toEqual(before);
    const sessionAfter = (await ana.get(`/api/activity-sessions/${sessionId}`)).json();
    expect(sessionAfter.total).toBe(sessionBefore.total);
    expect(sessionAfter.headCounts['35to49']).toBe(3);
    expect((await ana.get(`/api/encounters/${encounterIds[0]}`)).json()).toMatchObject({
      personId: null,
      identification: 'anonymous',
      needs: ['housing'],
      followUpWhat: null,
      hasNote: false,
    });
    expect((await coordinator.get(`/api/people/${person.id}`)).statusCode).toBe(404);
    expect((await ana.get('/api/people?search=zephyrine')).json().items).toEqual([]);
    expect((await ana.get(`/api/people/${neighbour.id}`)).statusCode).toBe(200);

    const audit = (await t.database.db.execute(
      sql`select details from audit_log where action = 'erase' and entity_id = ${person.id}`,
    )) as unknown as { rows: { details: Record<string, unknown> }[] };
    expect(audit.rows[0]?.details).toMatchObject({ reason: 'Demande écrite du 20 novembre', requestedBy: 'person' });
  });

  it('keeps the consent register’s lines as « personne effacée », and the incident’s count', async () => {
    const register = (await coordinator.get(`/api/consent-register?teamId=${teamA}`)).json();
    const lines = register.items.filter((l: { person: unknown; scope: string }) => l.person === null);
    expect(lines).toHaveLength(3);
    const csv = await coordinator.get(`/api/consent-register.csv?teamId=${teamA}`);
    expect(csv.body).toContain('personne effacée');
    const incidents = (await coordinator.get(`/api/privacy-incidents?teamId=${teamA}`)).json().items;
    expect(incidents[0]).toMatchObject({ peopleAffected: 3, affectedPeople: [] });
  });
});
