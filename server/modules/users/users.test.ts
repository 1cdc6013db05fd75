import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Agent, signedInAgent } from '../../test-support/agent.ts';
import { createTestApp, type TestApp } from '../../test-support/app.ts';
import { buildTeam, buildUser } from '../../test-support/factories.ts';

let t: TestApp;
let admin: Agent;
let adminId: string;
let teamA: string;
let teamB: string;
beforeAll(async () => {
  t = await createTestApp();
  const user = await buildUser(t.database.db, { role: 'admin' });
  adminId = user.id;
  admin = await signedInAgent(t.app, user.email);
  teamA = (await buildTeam(t.database.db, { name: 'Ascot', code: 'u-ascot' })).id;
  teamB = (await buildTeam(t.database.db, { name: 'Cureghem', code: 'u-cureghem' })).id;
});
afterAll(() => t.close());

describe('accounts', () => {
  it('creates an account with a one-time password the person must replace at first sign-in', async () => {
    const created = await admin.post('/api/users', {
      email: ' Marie.Tremblay@Example.org ',
      name: 'Marie Tremblay',
      role: 'worker',
      teamIds: [teamA],
    });
    expect(created.statusCode).toBe(201);
    const { user, temporaryPassword } = created.json();
    expect(user).toMatchObject({ email: 'marie.tremblay@example.org', role: 'worker', language: 'fr', active: true });
    expect(user.teams.map((team: { id: string }) => team.id)).toEqual([teamA]);
    expect(temporaryPassword).toMatch(/^\w{4}-\w{4}-\w{4}-\w{4}$/);
    const marie = new Agent(t.app);
    const signIn = await marie.signIn('marie.tremblay@example.org', temporaryPassword);
    expect(signIn.json().user.mustChangePassword).toBe(true);
    await marie.post('/api/auth/password', { currentPassword: temporaryPassword, newPassword: 'mon quartier préféré' });
    expect((await marie.get(`/api/users/${user.id}`)).json().name).toBe('Marie Tremblay');
  });

  it('refuses a second account with the same email, in any case', async () => {
    await buildUser(t.database.db, { email: 'double@example.org' });
    const response = await admin.post('/api/users', { email: 'DOUBLE@example.org', name: 'Double', role: 'worker' });
    expect(response.statusCode).toBe(409);
    expect(response.json().error.fields[0].path).toBe('email');
  });

  it('refuses an unknown team by name of field', async () => {
    const response = await admin.post('/api/users', {
      email: 'sans-equipe@example.org',
      name: 'Sans équipe',
      role: 'worker',
      teamIds: ['01900000-0000-7000-8000-000000000000'],
    });
    expect(response.statusCode).toBe(422);
    expect(response.json().error.fields[0].path).toBe('teamIds');
  });

  it('changes role and teams; a coordinator then sees the account in their team list', async () => {
    const person = await buildUser(t.database.db, { role: 'worker', teamIds: [teamA] });
    const updated = await admin.patch(`/api/users/${person.id}`, { role: 'organizer', teamIds: [teamA, teamB] });
    expect(updated.json()).toMatchObject({ role: 'organizer' });
    expect(updated.json().teams).toHaveLength(2);
    const coordinatorB = await signedInAgent(
      t.app,
      (await buildUser(t.database.db, { role: 'coordinator', teamIds: [teamB] })).email,
    );
    const listed = (await coordinatorB.get('/api/users')).json().items.map((u: { id: string }) => u.id);
    expect(listed).toContain(person.id);
  });

  it('searches and filters the list', async () => {
    await buildUser(t.database.db, { name: 'Gaëlle Ouellet', role: 'coordinator', teamIds: [teamB] });
    const byName = (await admin.get('/api/users?search=ouellet')).json();
    expect(byName.items.map((u: { name: string }) => u.name)).toEqual(['Gaëlle Ouellet']);
    const byRole = (await admin.get(`/api/users?role=coordinator&teamId=${teamB}`)).json();
    expect(byRole.items.every((u: { role: string }) => u.role === 'coordinator')).toBe(true);
    expect(byRole.total).toBe(byRole.items.length);
  });

  it('keeps at least one active admin, and an admin cannot demote themselves', async () => {
    const self = await admin.patch(`/api/users/${adminId}`, { role: 'worker' });
    expect(self.statusCode).toBe(422);
    expect(self.json().error.fields[0].path).toBe('role');
    const second = await buildUser(t.database.db, { role: 'admin' });
    expect((await admin.patch(`/api/users/${second.id}`, { active: false })).statusCode).toBe(200);
    const secondAgent = new Agent(t.app);
    expect((await secondAgent.signIn(second.email)).statusCode).toBe(401);
  });

  it('resets a password: a new one-time password, and every session of the account ends', async () => {
    const person = await buildUser(t.database.db, { teamIds: [teamA] });
    const personAgent = await signedInAgent(t.app, person.email);
    const reset = await admin.post(`/api/users/${person.id}/reset-password`);
    expect(reset.statusCode).toBe(200);
    expect((await personAgent.get('/api/teams')).statusCode).toBe(401);
    const again = await new Agent(t.app).signIn(person.email, reset.json().temporaryPassword);
    expect(again.json().user.mustChangePassword).toBe(true);
  });

  it('answers 404 for an account that does not exist', async () => {
    const id = '01900000-0000-7000-8000-000000000000';
    expect((await admin.get(`/api/users/${id}`)).statusCode).toBe(404);
    expect((await admin.patch(`/api/users/${id}`, { name: 'Personne' })).statusCode).toBe(404);
    expect((await admin.post(`/api/users/${id}/reset-password`)).statusCode).toBe(404);
  });
});
