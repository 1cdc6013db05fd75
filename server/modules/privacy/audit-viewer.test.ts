import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Agent, signedInAgent } from '../../test-support/agent.ts';
import { createTestApp, type TestApp } from '../../test-support/app.ts';
import { buildService } from '../../test-support/directory-factories.ts';
import { buildEncounter, buildPerson, buildTeam, buildUser } from '../../test-support/factories.ts';
import { auditBatches, listAudit } from './audit.service.ts';

type Entry = {
  action: string;
  entityType: string;
  actorId: string | null;
  teamId: string | null;
  personId: string | null;
  personNickname: string | null;
};

let t: TestApp;
let teamA: string;
let teamB: string;
let worker: Agent;
let workerId: string;
let coordinatorA: Agent;
let coordinatorB: Agent;
let admin: Agent;

beforeAll(async () => {
  t = await createTestApp();
  const db = t.database.db;
  teamA = (await buildTeam(db)).id;
  teamB = (await buildTeam(db)).id;
  const user = await buildUser(db, { role: 'worker', teamIds: [teamA] });
  workerId = user.id;
  worker = await signedInAgent(t.app, user.email);
  coordinatorA = await signedInAgent(t.app, (await buildUser(db, { role: 'coordinator', teamIds: [teamA] })).email);
  coordinatorB = await signedInAgent(t.app, (await buildUser(db, { role: 'coordinator', teamIds: [teamB] })).email);
  admin = await signedInAgent(t.app, (await buildUser(db, { role: 'admin' })).email);
});
afterAll(() => t.close());

const ok = async <T>(response: Promise<{ statusCode: number; body: string; json(): T }>) => {
  const answer = await response;
  expect(answer.statusCode, answer.body).toBeLessThan(300);
  return answer.json();
};

describe('a person’s access history', () => {
  it('holds every read and change of the person, their encounters, notes, referrals and merges', async () => {
    const person = await ok<{ id: string }>(worker.post('/api/people', { nickname: 'Coco de la place' }));
    const id = person.id;
    await ok(worker.get(`/api/people/${id}`));
    await ok(worker.get(`/api/people/${id}/timeline`));
    await ok(worker.patch(`/api/people/${id}`, { ageBand: '35to49', baseVersion: 1 }));
    await ok(worker.post(`/api/people/${id}/consent`, { scope: 'identity', firstName: 'Corinne' }));
    await ok(worker.post(`/api/people/${id}/roles`, { role: 'volunteer', startedOn: '2026-10-01' }));
    const encounter = await ok<{ id: string; version: number }>(
      worker.post('/api/encounters', { personId: id, needs: ['food'], note: 'Parle de partir.' }),
    );
    await ok(worker.get(`/api/encounters/${encounter.id}`));
    await ok(worker.get(`/api/encounters/${encounter.id}/note`));
    await ok(worker.patch(`/api/encounters/${encounter.id}`, { note: 'Reste finalement.', baseVersion: 1 }));
    await ok(worker.get(`/api/encounters?personId=${id}`));
    const service = await buildService(t.database.db);
    const referral = await ok<{ id: string }>(
      worker.post('/api/referrals', { personId: id, serviceId: service.id, needs: ['food'], status: 'sent' }),
    );
    await ok(worker.get(`/api/referrals/${referral.id}`));
    await ok(worker.post(`/api/referrals/${referral.id}/status`, { status: 'accepted', baseVersion: 1 }));
    const duplicate = await buildPerson(t.database.db, teamA, { nickname: 'Coco' });
    await ok(worker.post(`/api/people/${id}/merge`, { absorbedId: duplicate.id }));

    const history = await ok<{ items: Entry[]; total: number; nickname: string }>(
      coordinatorA.get(`/api/audit/people/${id}?limit=200`),
    );
    expect(history.nickname).toBe('Coco de la place');
    const seen = history.items.map((e) => `${e.action} ${e.entityType}`);
    for (const expected of [
      'create person',
      'read person',
      'update person',
      'consent_record person_consent',
      'create person_role',
      'create encounter',
      'read encounter',
      'read encounter_note',
      'update encounter',
      'create referral',
      'read referral',
      'update referral',
      'merge person',
    ])
      expect(seen, expected).toContain(expected);
    // Timeline and the encounter list are reads of the person too.
    expect(seen.filter((s) => s === 'read person').length).toBeGreaterThanOrEqual(3);
    for (const entry of history.items) {
      expect(entry).toMatchObject({ personId: id, actorId: workerId });
      expect(entry.teamId, `${entry.action} ${entry.entityType}`).toBe(teamA);
    }
  });

  it('is for the coordinators of the person’s team and admins; others are refused', async () => {
    const person = await buildPerson(t.database.db, teamA);
    expect((await coordinatorB.get(`/api/audit/people/${person.id}`)).statusCode).toBe(404);
    expect((await worker.get(`/api/audit/people/${person.id}`)).statusCode).toBe(403);
    const byAdmin = await ok<{ nickname: string | null }>(admin.get(`/api/audit/people/${person.id}`));
    // The admin oversees the log, not the people: no nickname without reading the record.
    expect(byAdmin.nickname).toBeNull();
  });
});

describe('the audit viewer', () => {
  it('shows a coordinator only what concerns their teams, with nicknames of their own people', async () => {
    const ours = await buildPerson(t.database.db, teamA, { nickname: 'Lulu' });
    const theirs = await buildPerson(t.database.db, teamB, { nickname: 'Zaza' });
    await ok(worker.get(`/api/people/${ours.id}`));
    await admin.get(`/api/people/${theirs.id}`, { headers: { 'x-access-reason': 'Plainte reçue' } });
    await admin.get(`/api/people/${ours.id}`, { headers: { 'x-access-reason': 'Plainte reçue' } });

    const seenByA = await ok<{ items: Entry[] }>(coordinatorA.get('/api/audit?limit=200'));
    expect(seenByA.items.every((e) => e.teamId === teamA || e.personId === ours.id || e.teamId === null)).toBe(true);
    expect(seenByA.items.some((e) => e.personId === theirs.id)).toBe(false);
    expect(seenByA.items.find((e) => e.personId === ours.id)?.personNickname).toBe('Lulu');
    const adminView = await ok<{ items: Entry[] }>(admin.get(`/api/audit?personId=${ours.id}`));
    expect(adminView.items.length).toBeGreaterThan(0);
    expect(adminView.items.every((e) => e.personNickname === null)).toBe(true);
    // The admin's reasoned read is break-the-glass for the team's coordinator.
    const glass = await ok<{ items: Entry[] }>(coordinatorA.get(`/api/audit?breakGlass=true&personId=${ours.id}`));
    expect(glass.items.map((e) => e.action)).toEqual(['read']);
    expect((await worker.get('/api/audit')).statusCode).toBe(403);
    expect((await coordinatorA.get(`/api/audit?teamId=${teamB}`)).json().items).toEqual([]);
  });

  it('filters by team and period and refuses a bad filter naming it', async () => {
    const items = (await ok<{ items: Entry[] }>(admin.get(`/api/audit?teamId=${teamA}&limit=200`))).items;
    expect(items.length).toBeGreaterThan(0);
    expect(items.every((e) => e.teamId === teamA)).toBe(true);
    const future = await ok<{ total: number }>(admin.get('/api/audit?from=2099-01-01T00:00:00Z'));
    expect(future.total).toBe(0);
    const bad = await admin.get('/api/audit?teamId=tout');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields[0].path).toBe('teamId');
  });

  it('exports the same filtered entries as CSV, and logs the export', async () => {
    const person = await buildPerson(t.database.db, teamA, { nickname: 'Mimi, dite « la Reine »' });
    const encounter = await buildEncounter(t.database.db, teamA, { personId: person.id, note: 'x' });
    await ok(worker.get(`/api/encounters/${encounter.id}/note`));
    await ok(worker.get(`/api/people/${person.id}`));
    const response = await coordinatorA.get(`/api/audit/export.csv?personId=${person.id}`);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toMatch(/text\/csv/);
    const lines = response.body
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\n');
    expect(lines[0]).toContain('at,actorId,actorName,actorRole,action,entityType');
    expect(lines).toHaveLength(3);
    expect(lines[1]).toContain('read,person');
    expect(lines[2]).toContain('"Mimi, dite « la Reine »"');
    const exports = await ok<{ items: Entry[] }>(admin.get('/api/audit?action=audit_export&limit=1'));
    expect(exports.items[0]).toMatchObject({ action: 'audit_export', entityType: 'audit_log' });
  });

  it('walks the whole log in batches without losing or repeating an entry', async () => {
    const request = { actor: { id: workerId, role: 'admin', teamIds: [] } } as never;
    const page = await listAudit(t.database.db, request, { limit: 200, offset: 0 });
    const walked: string[] = [];
    for await (const batch of auditBatches(t.database.db, (request as { actor: never }).actor, {}, 7))
      walked.push(...batch.map((e) => e.id));
    expect(walked.slice(0, page.items.length)).toEqual(page.items.map((e) => e.id));
    expect(new Set(walked).size).toBe(walked.length);
    expect(walked.length).toBe(page.total);
  });
});
