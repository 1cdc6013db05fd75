import type { APIRequestContext } from '@playwright/test';
import { type Account, createAccount, createTeam, signedInApi } from './api.ts';
import { adminPassword, expect, serverState, unique } from './fixtures.ts';

type Api = { api: APIRequestContext; csrf: string };

/** A write through the API that must succeed; its answer's body. */
export async function send<T = { id: string }>(as: Api, path: string, data: unknown, method = 'post'): Promise<T> {
  const answer = await as.api.fetch(path, { method, data, headers: { 'x-csrf-token': as.csrf } });
  expect(answer.status(), await answer.text()).toBeLessThan(300);
  return answer.json();
}

/**
 * A team with a neighbourhood, a park there, a coordinator and a worker, and `count` encounters at
 * the park every other day going back, whose needs `needsOf(k)` gives: a need that keeps coming back.
 */
export async function neighbourhoodWithEncounters(
  count: number,
  needsOf: (k: number) => string[],
): Promise<{ neighbourhoodName: string; coordinator: Account; worker: Account; asWorker: Api }> {
  const team = await createTeam();
  const admin = await signedInApi(serverState().adminEmail, adminPassword);
  const neighbourhoodName = unique('Ascot');
  const hood = await send(admin, '/api/neighbourhoods', {
    name: neighbourhoodName,
    code: unique('ascot').toLowerCase(),
    teamId: team.id,
  });
  await admin.api.dispose();
  const coordinator = await createAccount('coordinator', [team.id]);
  const worker = await createAccount('worker', [team.id]);
  const asWorker = await signedInApi(worker.email, worker.password);
  const park = await send(asWorker, '/api/places', {
    name: 'Parc Jacques-Cartier',
    kind: 'park',
    neighbourhoodId: hood.id,
  });
  for (let k = 0; k < count; k++)
    await send(asWorker, '/api/encounters', {
      placeId: park.id,
      occurredAt: new Date(Date.now() - (k + 1) * 2 * 86_400_000).toISOString(),
      needs: needsOf(k),
      actions: ['listen'],
    });
  return { neighbourhoodName, coordinator, worker, asWorker };
}
