import { createAccount, createTeam, signedInApi } from './support/api.ts';
import { adminPassword, expect, expectAccessible, serverState, test } from './support/fixtures.ts';
import { send } from './support/neighbourhood.ts';
import { heading, signIn } from './support/pages.ts';

const fourYearsAgo = (days: number) => new Date(Date.now() - (4 * 365 + days) * 86_400_000).toISOString();

test('an admin sees what the purge would erase, applies it, and finds both runs in the purge log', async ({ page }) => {
  // Three anonymous contacts from four years ago (past the 36 months kept), and one from today.
  const team = await createTeam();
  const worker = await createAccount('worker', [team.id]);
  const asWorker = await signedInApi(worker.email, worker.password);
  const old: string[] = [];
  for (const days of [1, 2, 3])
    old.push((await send(asWorker, '/api/encounters', { occurredAt: fourYearsAgo(days), needs: ['food'] })).id);
  const recent = await send(asWorker, '/api/encounters', { needs: ['food'] });

  await signIn(page, serverState().adminEmail, adminPassword);
  await page.goto('/admin/retention');
  await expect(heading(page, 'Conservation des données')).toBeVisible();
  await expect(page.getByLabel('Rencontres anonymes (on garde les comptes)')).toHaveValue('36');
  await expectAccessible(page);

  await page.getByRole('button', { name: 'Voir ce qui serait effacé' }).click();
  await expect(page.getByText('Essai à blanc : rien n’a été effacé.')).toBeVisible();
  const wouldGo = Number(await page.getByTestId('count-anonymousEncounters').textContent());
  expect(wouldGo).toBeGreaterThanOrEqual(3);
  for (const id of old) expect((await asWorker.api.get(`/api/encounters/${id}`)).status()).toBe(200);

  await page.getByRole('button', { name: 'Appliquer maintenant' }).click();
  await page.getByRole('button', { name: 'Oui, effacer maintenant' }).click();
  await expect(page.getByText('Purge faite.')).toBeVisible();
  for (const id of old) expect((await asWorker.api.get(`/api/encounters/${id}`)).status()).toBe(404);
  expect((await asWorker.api.get(`/api/encounters/${recent.id}`)).status()).toBe(200);

  const log = page.getByRole('region', { name: 'Journal des purges' });
  await expect(log.getByRole('listitem').filter({ hasText: 'appliquée' }).first()).toBeVisible();
  await expect(log.getByRole('listitem').filter({ hasText: 'essai à blanc' }).first()).toBeVisible();

  // A duration under the floor is refused, naming the field.
  await page.getByLabel('Rencontres anonymes (on garde les comptes)').fill('0');
  await page.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(page.getByText(/Entre 12 et 240 mois/)).toBeVisible();

  await page.setViewportSize({ width: 390, height: 844 });
  await expectAccessible(page);
  await asWorker.api.dispose();
});
