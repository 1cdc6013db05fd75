import type { Encounter } from '../core/contracts/fieldwork.ts';
import type { SyncResult } from '../core/contracts/sync.ts';
import { uuidv7 } from '../core/uuid.ts';
import { createAccount } from './support/api.ts';
import { apiAs, getJson, syncState, workerInTheField } from './support/fieldwork.ts';
import { expect, expectAccessible, test, unique } from './support/fixtures.ts';
import { heading } from './support/pages.ts';

// Several sign-ins (argon2) and a full day of steps: a loaded CI machine needs more than 30 s.
test.describe.configure({ timeout: 60_000 });

test('replay: the same batch sent twice changes nothing the second time', async ({ page }) => {
  const { worker } = await workerInTheField(page);
  const { api, csrf } = await apiAs(worker);
  const items = [
    { id: uuidv7(), kind: 'encounter.create', entityId: uuidv7(), payload: { needs: ['food'], actions: ['listen'] } },
    { id: uuidv7(), kind: 'person.create', entityId: uuidv7(), payload: { nickname: unique('Replay') } },
  ];
  const send = async () => {
    const answer = await api.post('/api/sync', { data: { items }, headers: { 'x-csrf-token': csrf } });
    expect(answer.status(), await answer.text()).toBe(200);
    return ((await answer.json()) as { results: SyncResult[] }).results.map((result) => result.status);
  };
  expect(await send()).toEqual(['applied', 'applied']);
  expect(await send()).toEqual(['duplicate', 'duplicate']);
  const encounters = await getJson<{ items: Encounter[] }>(api, '/api/encounters?mine=true');
  expect(encounters.items).toHaveLength(1);
  await api.dispose();
});

test('a sync whose answer is lost on the way back is sent again and counted once', async ({ page }) => {
  const { worker } = await workerInTheField(page);
  // The server receives and applies the batch; the phone never hears back.
  let lost = false;
  await page.route('**/api/sync', async (route) => {
    if (lost) return route.continue();
    lost = true;
    await route.fetch();
    await route.abort('connectionreset');
  });
  await page.getByRole('link', { name: 'Contact rapide' }).click();
  await page.getByRole('button', { name: 'Plus de détails' }).click();
  await expect(page.getByLabel('Note confidentielle')).toBeVisible();
  await expectAccessible(page);
  await page.getByText('Isolement', { exact: true }).click();
  await page.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(page.getByTestId('contact-saved')).toBeVisible();
  await expect.poll(() => lost).toBe(true);
  await expect(syncState(page)).toHaveText('1 en attente');

  await syncState(page).click();
  await page.getByRole('button', { name: 'Envoyer maintenant' }).click();
  await expect(syncState(page)).toHaveText('À jour');
  const { api } = await apiAs(worker);
  const encounters = await getJson<{ items: Encounter[] }>(api, '/api/encounters?mine=true');
  expect(encounters.items).toHaveLength(1);
  await api.dispose();
});

test('a refused item stays with its reason while the others are applied, and the worker corrects it', async ({
  page,
  context,
}) => {
  // A need that a coordinator retires while the worker is out of network.
  const code = `retired${Date.now().toString(36)}`;
  const label = unique('Besoin retiré');
  const coordinator = await createAccount('coordinator');
  const asCoordinator = await apiAs(coordinator);
  const created = await asCoordinator.api.post('/api/taxonomies', {
    data: { kind: 'need', code, label: { fr: label, en: label }, sortOrder: 99_000 },
    headers: { 'x-csrf-token': asCoordinator.csrf },
  });
  expect(created.status(), await created.text()).toBe(201);
  const term = await created.json();

  const { worker } = await workerInTheField(page);
  await context.setOffline(true);
  await page.getByRole('link', { name: 'Contact rapide' }).click();
  await page.getByText(label, { exact: true }).click();
  await page.getByText('Écouter', { exact: true }).click();
  await page.getByRole('button', { name: 'Enregistrer' }).click();
  await page.getByRole('button', { name: 'Nouveau contact' }).click();
  await page.getByText('Logement', { exact: true }).click();
  await page.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(syncState(page)).toHaveText('2 en attente');

  const retired = await asCoordinator.api.patch(`/api/taxonomies/${term.id}`, {
    data: { baseVersion: term.version, active: false },
    headers: { 'x-csrf-token': asCoordinator.csrf },
  });
  expect(retired.status(), await retired.text()).toBe(200);
  await asCoordinator.api.dispose();

  await context.setOffline(false);
  await expect(syncState(page)).toHaveText('1 à revoir');
  await syncState(page).click();
  await expect(heading(page, 'Envoi des données')).toBeVisible();
  const refused = page.getByTestId('outbox-invalid');
  await expect(refused).toHaveCount(1);
  await expect(refused).toContainText(`Terme inconnu ou retiré : ${code}.`);
  await expectAccessible(page);

  const { api } = await apiAs(worker);
  expect((await getJson<{ items: Encounter[] }>(api, '/api/encounters?mine=true')).items).toHaveLength(1);

  await refused.getByRole('button', { name: `Retirer « ${code} » et renvoyer` }).click();
  await expect(syncState(page)).toHaveText('À jour');
  await expect(refused).toHaveCount(0);
  const encounters = (await getJson<{ items: Encounter[] }>(api, '/api/encounters?mine=true')).items;
  expect(encounters).toHaveLength(2);
  expect(encounters.map((encounter) => encounter.needs).sort()).toEqual([[], ['housing']]);
  await api.dispose();
});

test('a round ended on a teammate’s phone stops running on this one', async ({ page }) => {
  const { worker } = await workerInTheField(page);
  await page.getByRole('button', { name: 'Commencer une tournée' }).click();
  await expect(heading(page, 'Tournée en cours')).toBeVisible();
  const sessionId = page.url().split('/sessions/')[1]!;
  await page.goto('/');
  await expect(page.getByRole('link', { name: 'Reprendre la tournée' })).toBeVisible();
  await expect(syncState(page)).toHaveText('À jour');
  const { api, csrf } = await apiAs(worker);
  const ended = await api.post(`/api/sessions/${sessionId}/end`, { data: {}, headers: { 'x-csrf-token': csrf } });
  expect(ended.status(), await ended.text()).toBe(200);
  await api.dispose();
  await page.reload();
  await expect(page.getByRole('button', { name: 'Commencer une tournée' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Reprendre la tournée' })).toHaveCount(0);
});
