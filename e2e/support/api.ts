import { type APIRequestContext, expect, request } from '@playwright/test';
import type { Role } from '../../core/roles.ts';
import { adminPassword, serverState, unique } from './fixtures.ts';

/**
 * Shortcuts through the API for what a test needs but does not test (an account, a team), so each
 * journey stays short and independent of the others.
 */
export async function signedInApi(email: string, password: string): Promise<{ api: APIRequestContext; csrf: string }> {
  const api = await request.newContext({ baseURL: serverState().url });
  const anonymous = await (await api.get('/api/auth/session')).json();
  const answer = await api.post('/api/auth/sign-in', {
    data: { email, password },
    headers: { 'x-csrf-token': anonymous.csrfToken },
  });
  expect(answer.status(), await answer.text()).toBe(200);
  return { api, csrf: (await answer.json()).csrfToken };
}

const asAdmin = () => signedInApi(serverState().adminEmail, adminPassword);

export async function createTeam(name = unique('Équipe')): Promise<{ id: string; name: string }> {
  const { api, csrf } = await asAdmin();
  const answer = await api.post('/api/teams', {
    data: { name, code: unique('eq').toLowerCase() },
    headers: { 'x-csrf-token': csrf },
  });
  expect(answer.status(), await answer.text()).toBe(201);
  const team = await answer.json();
  await api.dispose();
  return { id: team.id, name: team.name };
}

export type Account = { email: string; password: string; name: string };

/** An account that has already chosen its password, so a test can sign in with it directly. */
export async function createAccount(role: Role, teamIds: string[] = []): Promise<Account> {
  const { api, csrf } = await asAdmin();
  const name = unique('Personne');
  const email = `${name.toLowerCase()}@example.org`;
  const created = await api.post('/api/users', {
    data: { name, email, role, teamIds },
    headers: { 'x-csrf-token': csrf },
  });
  expect(created.status(), await created.text()).toBe(201);
  const { temporaryPassword } = await created.json();
  await api.dispose();

  const password = 'une phrase choisie par la personne';
  const own = await signedInApi(email, temporaryPassword);
  const changed = await own.api.post('/api/auth/password', {
    data: { currentPassword: temporaryPassword, newPassword: password },
    headers: { 'x-csrf-token': own.csrf },
  });
  expect(changed.status(), await changed.text()).toBe(200);
  await own.api.dispose();
  return { email, password, name };
}
