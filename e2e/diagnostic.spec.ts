import { readFileSync } from 'node:fs';
import type { APIRequestContext } from '@playwright/test';
import { createAccount, createTeam, signedInApi } from './support/api.ts';
import { adminPassword, expect, expectAccessible, serverState, test, unique } from './support/fixtures.ts';
import { heading, signIn } from './support/pages.ts';

// Sign-ins (argon2), a detection, network figures and a PDF: a loaded machine needs more than 30 s.
test.describe.configure({ timeout: 120_000 });

const shot = (name: string) => ({ path: `/tmp/diagnostic-${name}.png`, fullPage: true });

async function post(
  as: { api: APIRequestContext; csrf: string },
  path: string,
  data: unknown,
): Promise<{ id: string }> {
  const answer = await as.api.post(path, {
    data,
    headers: { 'x-csrf-token': as.csrf },
  });
  expect(answer.status(), await answer.text()).toBeLessThan(300);
  return answer.json();
}

/** A team with a neighbourhood, a park there, and a month of encounters where housing keeps coming back. */
async function neighbourhoodWithRecurringNeeds() {
  const team = await createTeam();
  const admin = await signedInApi(serverState().adminEmail, adminPassword);
  const neighbourhoodName = unique('Ascot');
  const hood = await post(admin, '/api/neighbourhoods', {
    name: neighbourhoodName,
    code: unique('ascot').toLowerCase(),
    teamId: team.id,
  });
  await admin.api.dispose();
  const coordinator = await createAccount('coordinator', [team.id]);
  const worker = await createAccount('worker', [team.id]);
  const asWorker = await signedInApi(worker.email, worker.password);
  const park = await post(asWorker, '/api/places', {
    name: 'Parc Jacques-Cartier',
    kind: 'park',
    neighbourhoodId: hood.id,
  });
  for (let k = 0; k < 12; k++)
    await post(asWorker, '/api/encounters', {
      placeId: park.id,
      occurredAt: new Date(Date.now() - (k + 1) * 2 * 86_400_000).toISOString(),
      needs: k % 3 === 0 ? ['housing', 'food'] : ['housing'],
      actions: ['listen'],
    });
  await asWorker.api.dispose();
  return { neighbourhoodName, coordinator };
}

test('a coordinator detects recurring needs, acknowledges one, writes the diagnostic beside live figures and downloads its PDF', async ({
  page,
}) => {
  const { neighbourhoodName, coordinator } = await neighbourhoodWithRecurringNeeds();
  await signIn(page, coordinator.email, coordinator.password);

  // Thresholds: 10 encounters, no known person needed (every contact here was anonymous).
  await page.goto('/signals');
  await expect(heading(page, 'Besoins qui reviennent')).toBeVisible();
  await expect(page.getByText('Aucun signal ici pour l’instant')).toBeVisible();
  await page.getByLabel('Personnes connues au minimum').fill('0');
  await page.getByRole('button', { name: 'Enregistrer les seuils' }).click();
  await expect(page.getByText('Enregistré.')).toBeVisible();

  await page.getByRole('button', { name: 'Détecter maintenant' }).click();
  await expect(page.getByText('1 nouveau(x) signal(aux), 0 mis à jour.')).toBeVisible();
  const signal = page.getByTestId('need-signal');
  await expect(signal).toHaveCount(1);
  await expect(signal).toContainText('Logement');
  await expect(signal).toContainText(neighbourhoodName);
  await expect(signal).toContainText('12');
  await expect(signal).toContainText('<5');
  await page.screenshot(shot('signals'));
  await expectAccessible(page);

  await signal.getByText('+ Ajouter une note').click();
  await signal.getByLabel('Note (facultative)').fill('À porter à la table de concertation');
  await signal.getByRole('button', { name: /^Prendre en compte/ }).click();
  await expect(signal.getByText('Pris en compte', { exact: true })).toBeVisible();
  await expect(signal).toContainText('« À porter à la table de concertation »');

  // The diagnostic: empty, then written beside the live figures.
  await page.goto('/diagnostics');
  await expect(heading(page, 'Diagnostics de quartier')).toBeVisible();
  await page.getByRole('link', { name: `Ouvrir le diagnostic de ${neighbourhoodName}` }).click();
  await expect(heading(page, `Diagnostic — ${neighbourhoodName}`)).toBeVisible();
  await expect(page.getByText('Aucun diagnostic rédigé pour ce quartier')).toBeVisible();
  const figures = page.getByTestId('diagnostic-figures');
  await expect(figures).toContainText('Chiffres à jour');
  await expect(figures).toContainText('Logement');
  await expect(figures.getByText('12', { exact: true })).toBeVisible();
  await page.screenshot(shot('empty'));

  await page.getByRole('button', { name: 'Rédiger le diagnostic' }).click();
  await page.getByLabel('Histoire').fill('Ancien quartier ouvrier né autour de la voie ferrée.');
  await page.getByLabel('Besoins').fill('Se loger dignement revient dans presque toutes les rencontres du parc.');
  await page.getByRole('button', { name: 'Ajouter une priorité' }).click();
  await page.getByRole('textbox', { name: 'Priorité 1', exact: true }).fill('Se loger dignement');
  await page.screenshot(shot('editor'));
  await expectAccessible(page);
  await page.getByLabel('Publier cette version (fige les chiffres)').check();
  await page.getByRole('button', { name: 'Enregistrer une version' }).click();

  await expect(page.getByText('Version 1 enregistrée.')).toBeVisible();
  const text = page.getByTestId('diagnostic-text');
  await expect(text).toContainText('Ancien quartier ouvrier né autour de la voie ferrée.');
  await expect(text).toContainText('Version 1 — publiée');
  await expect(text).toContainText('Se loger dignement');
  await expect(page.getByTestId('diagnostic-figures')).toContainText('Chiffres figés à la publication');
  await page.screenshot(shot('published'));
  await expectAccessible(page);

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('link', { name: 'Télécharger le PDF' }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^diagnostic-.*-v1\.pdf$/);
  const file = await download.path();
  expect(readFileSync(file).subarray(0, 5).toString('latin1')).toBe('%PDF-');
});
