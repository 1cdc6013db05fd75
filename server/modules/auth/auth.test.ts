import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sessions, users } from '../../db/schema/index.ts';
import { Agent, signedInAgent } from '../../test-support/agent.ts';
import { createTestApp, type TestApp } from '../../test-support/app.ts';
import { buildTeam, buildUser, testPassword } from '../../test-support/factories.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('sign-in', () => {
  it('opens a session behind an httpOnly, SameSite cookie and says who is signed in', async () => {
    const team = await buildTeam(t.database.db);
    const user = await buildUser(t.database.db, { role: 'worker', teamIds: [team.id] });
    const agent = await new Agent(t.app).open();
    const response = await agent.signIn(user.email.toUpperCase());
    expect(response.statusCode).toBe(200);
    const sessionCookie = response.cookies.find((c) => c.name === 'relais_session');
    expect(sessionCookie).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/' });
    expect(response.json().user).toMatchObject({ email: user.email, role: 'worker', teams: [{ id: team.id }] });
    const session = await agent.get('/api/auth/session');
    expect(session.json().user.id).toBe(user.id);
  });

  it('stores only a hash of the session token', async () => {
    const user = await buildUser(t.database.db);
    const response = await new Agent(t.app).signIn(user.email);
    const token = response.cookies.find((c) => c.name === 'relais_session')?.value ?? '';
    const rows = await t.database.db.select().from(sessions).where(eq(sessions.userId, user.id));
    expect(rows).toHaveLength(1);
    expect(rows[0]?.tokenHash).not.toBe(token);
    expect(JSON.stringify(rows)).not.toContain(token);
  });

  it('stores passwords as argon2id hashes', async () => {
    const user = await buildUser(t.database.db);
    const [row] = await t.database.db.select().from(users).where(eq(users.id, user.id));
    expect(row?.passwordHash).toMatch(/^\$argon2id\$/);
    expect(row?.passwordHash).not.toContain(testPassword);
  });

  it('refuses a wrong password, an unknown email and a deactivated account with the same answer', async () => {
    const user = await buildUser(t.database.db);
    const inactive = await buildUser(t.database.db);
    await t.database.db.update(users).set({ active: false }).where(eq(users.id, inactive.id));
    const answers = await Promise.all([
      new Agent(t.app).signIn(user.email, 'not-the-password'),
      new Agent(t.app).signIn('nobody@example.org'),
      new Agent(t.app).signIn(inactive.email),
    ]);
    for (const answer of answers) {
      expect(answer.statusCode).toBe(401);
      expect(answer.json().error).toMatchObject({
        code: 'bad_credentials',
        message: { fr: 'Courriel ou mot de passe incorrect.', en: 'Wrong email or password.' },
      });
    }
  });

  it('locks an email after five failures, even with the right password, and says when to retry', async () => {
    const user = await buildUser(t.database.db);
    const agent = await new Agent(t.app).open();
    for (let attempt = 1; attempt <= 5; attempt++) {
      expect((await agent.signIn(user.email, `wrong-${attempt}`)).statusCode).toBe(401);
    }
    const locked = await agent.signIn(user.email);
    expect(locked.statusCode).toBe(429);
    expect(Number(locked.headers['retry-after'])).toBeGreaterThan(0);
    expect(locked.json().error.message.fr).toMatch(/Réessayez dans \d+ minute/);
    // Another account from the same address is not locked by it.
    const other = await buildUser(t.database.db);
    expect((await new Agent(t.app).signIn(other.email)).statusCode).toBe(200);
  });

  it('slows each failure down more than the one before', async () => {
    const slow = await createTestApp({ signInFailureDelayMs: 40 });
    try {
      const user = await buildUser(slow.database.db);
      const agent = await new Agent(slow.app).open();
      const durations: number[] = [];
      for (let attempt = 0; attempt < 3; attempt++) {
        const started = performance.now();
        await agent.signIn(user.email, 'wrong-password');
        durations.push(performance.now() - started);
      }
      // Waits are 40, 80 and 160 ms: the third failure cannot answer before 160 ms.
      expect(durations[2]).toBeGreaterThanOrEqual(160);
      expect(durations[0]).toBeGreaterThanOrEqual(40);
    } finally {
      await slow.close();
    }
  });

  it('records successful and failed sign-ins in the audit log', async () => {
    const user = await buildUser(t.database.db);
    await new Agent(t.app).signIn(user.email, 'wrong-password');
    await new Agent(t.app).signIn(user.email);
    const admin = await buildUser(t.database.db, { role: 'admin' });
    const agent = await signedInAgent(t.app, admin.email);
    const log = await agent.get(`/api/audit?entityId=${user.id}`);
    const actions = log.json().items.map((e: { action: string }) => e.action);
    expect(actions).toEqual(expect.arrayContaining(['sign_in', 'sign_in_failed']));
  });
});

describe('CSRF', () => {
  it('refuses sign-in without the token of the page', async () => {
    const user = await buildUser(t.database.db);
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/auth/sign-in',
      payload: { email: user.email, password: testPassword },
    });
    expect(response.statusCode).toBe(403);
    expect(response.json().error.code).toBe('csrf_failed');
  });

  it('refuses a state-changing request with a missing or wrong token, and changes nothing', async () => {
    const user = await buildUser(t.database.db, { name: 'Avant' });
    const agent = await signedInAgent(t.app, user.email);
    const missing = await agent.request('PATCH', '/api/auth/me', {
      payload: { name: 'Après' },
      headers: { 'x-csrf-token': '' },
    });
    const wrong = await agent.request('PATCH', '/api/auth/me', {
      payload: { name: 'Après' },
      headers: { 'x-csrf-token': 'forged' },
    });
    expect(missing.statusCode).toBe(403);
    expect(wrong.statusCode).toBe(403);
    expect((await agent.get('/api/auth/session')).json().user.name).toBe('Avant');
    expect((await agent.patch('/api/auth/me', { name: 'Après' })).statusCode).toBe(200);
  });
});

describe('sign-out and expiry', () => {
  it('ends the session on sign-out', async () => {
    const user = await buildUser(t.database.db);
    const agent = await signedInAgent(t.app, user.email);
    expect((await agent.post('/api/auth/sign-out')).statusCode).toBe(200);
    expect((await agent.get('/api/auth/session')).json().user).toBeNull();
    expect((await agent.get('/api/teams')).statusCode).toBe(401);
  });

  it('ends a session past its lifetime', async () => {
    const user = await buildUser(t.database.db);
    const agent = await signedInAgent(t.app, user.email);
    await t.database.db
      .update(sessions)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(sessions.userId, user.id));
    expect((await agent.get('/api/teams')).statusCode).toBe(401);
    expect(await t.database.db.select().from(sessions).where(eq(sessions.userId, user.id))).toHaveLength(0);
  });

  it('sweeps sessions nobody came back to when someone signs in', async () => {
    const user = await buildUser(t.database.db);
    await signedInAgent(t.app, user.email);
    await t.database.db
      .update(sessions)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(sessions.userId, user.id));
    await signedInAgent(t.app, (await buildUser(t.database.db)).email);
    expect(await t.database.db.select().from(sessions).where(eq(sessions.userId, user.id))).toHaveLength(0);
  });

  it('ends a session left idle too long', async () => {
    const user = await buildUser(t.database.db);
    const agent = await signedInAgent(t.app, user.email);
    const idleSince = new Date(Date.now() - (t.config.sessionIdleMinutes + 1) * 60_000);
    await t.database.db.update(sessions).set({ lastSeenAt: idleSince }).where(eq(sessions.userId, user.id));
    expect((await agent.get('/api/teams')).statusCode).toBe(401);
  });

  it('ends the sessions of a deactivated account at once', async () => {
    const user = await buildUser(t.database.db);
    const agent = await signedInAgent(t.app, user.email);
    const admin = await signedInAgent(t.app, (await buildUser(t.database.db, { role: 'admin' })).email);
    expect((await admin.patch(`/api/users/${user.id}`, { active: false })).statusCode).toBe(200);
    expect((await agent.get('/api/teams')).statusCode).toBe(401);
  });
});

describe('passwords', () => {
  it('changes the password: the old one stops working, other devices are signed out', async () => {
    const user = await buildUser(t.database.db);
    const phone = await signedInAgent(t.app, user.email);
    const laptop = await signedInAgent(t.app, user.email);
    const changed = await laptop.post('/api/auth/password', {
      currentPassword: testPassword,
      newPassword: 'une phrase que je retiens',
    });
    expect(changed.statusCode).toBe(200);
    expect((await laptop.get('/api/teams')).statusCode).toBe(200);
    expect((await phone.get('/api/teams')).statusCode).toBe(401);
    expect((await new Agent(t.app).signIn(user.email)).statusCode).toBe(401);
    expect((await new Agent(t.app).signIn(user.email, 'une phrase que je retiens')).statusCode).toBe(200);
  });

  it('names the field when the current password is wrong or the new one too short', async () => {
    const user = await buildUser(t.database.db);
    const agent = await signedInAgent(t.app, user.email);
    const wrong = await agent.post('/api/auth/password', {
      currentPassword: 'nope',
      newPassword: 'assez longue phrase',
    });
    expect(wrong.statusCode).toBe(422);
    expect(wrong.json().error.fields[0].path).toBe('currentPassword');
    const short = await agent.post('/api/auth/password', { currentPassword: testPassword, newPassword: 'court' });
    expect(short.statusCode).toBe(400);
    expect(short.json().error.fields[0]).toMatchObject({ path: 'newPassword' });
    expect(short.json().error.fields[0].message.fr).toBeTruthy();
    expect(short.json().error.fields[0].message.en).toBeTruthy();
  });

  it('keeps a user with a generated password to the password page until they choose their own', async () => {
    const user = await buildUser(t.database.db, { mustChangePassword: true });
    const agent = await signedInAgent(t.app, user.email);
    const blocked = await agent.get('/api/teams');
    expect(blocked.statusCode).toBe(403);
    expect(blocked.json().error.code).toBe('password_change_required');
    await agent.post('/api/auth/password', { currentPassword: testPassword, newPassword: 'ma propre phrase secrète' });
    expect((await agent.get('/api/teams')).statusCode).toBe(200);
  });

  it('lets a user change their language', async () => {
    const user = await buildUser(t.database.db);
    const agent = await signedInAgent(t.app, user.email);
    expect((await agent.patch('/api/auth/me', { language: 'en' })).json().language).toBe('en');
    expect((await agent.get('/api/auth/session')).json().user.language).toBe('en');
  });
});
