import { readFileSync } from 'node:fs';
import { createAccount, createTeam, signedInApi } from './support/api.ts';
import { expect, expectAccessible, test, unique } from './support/fixtures.ts';
import { heading, signIn } from './support/pages.ts';

// Two sign-ins (argon2) and a build-size app on a loaded machine: more than 30 s.
test.describe.configure({ timeout: 150_000 });

const shot = (name: string) => ({ path: `/tmp/rights-${name}.png`, fullPage: true });

test('a coordinator hands a person their data, erases them on request, and keeps the consent and incident registers', async ({
  page,
}) => {
  const team = await createTeam();
  const [worker, coordinator] = [
    await createAccount('worker', [team.id]),
    await createAccount('coordinator', [team.id]),
  ];
  const nickname = unique('Philomène');

  // The worker met her twice and she agreed to give her first name.
  const asWorker = await signedInApi(worker.email, worker.password);
  const headers = { 'x-csrf-token': asWorker.csrf };
  const person = await asWorker.api.post('/api/people', {
    data: { nickname, firstName: 'Rosalie', consent: { scope: 'identity' } },
    headers,
  });
  expect(person.status(), await person.text()).toBe(201);
  const personId = (await person.json()).id as string;
  const contact = await asWorker.api.post('/api/encounters', {
    data: { personId, needs: ['housing'], note: 'Dort chez une amie.' },
    headers,
  });
  const encounterId = (await contact.json()).id as string;
  const neighbour = unique('Gaston');
  expect((await asWorker.api.post('/api/people', { data: { nickname: neighbour }, headers })).status()).toBe(201);

  await signIn(page, coordinator.email, coordinator.password);
  await page.goto(`/people/${personId}`);
  await expect(heading(page, nickname)).toBeVisible();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('link', { name: 'Exporter ses données' }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^acces-.*\.html$/);
  const exported = readFileSync(await download.path()).toString('utf8');
  expect(exported).toContain('Rosalie');
  expect(exported).toContain('Dort chez une amie.');

  await page.getByRole('button', { name: 'Effacer cette personne' }).scrollIntoViewIfNeeded();
  await page.screenshot({ path: '/tmp/rights-person.png' });
  await page.getByRole('button', { name: 'Effacer cette personne' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('Pourquoi ?').fill('Demande orale du 20 novembre');
  await dialog.getByLabel(/Tapez/).fill('Quelqu’un d’autre');
  await dialog.getByRole('button', { name: 'Effacer définitivement' }).click();
  await expect(dialog).toContainText('Le surnom tapé ne correspond pas');
  await page.screenshot({ path: '/tmp/rights-erase-dialog.png' });
  await dialog.getByLabel(/Tapez/).fill(nickname);
  await dialog.getByRole('button', { name: 'Effacer définitivement' }).click();
  await expect(dialog.getByRole('status')).toContainText('a été effacée');
  await dialog.getByRole('button', { name: 'Retour aux fiches' }).click();

  await page.getByLabel('Chercher').fill(nickname);
  await expect(page.getByRole('link', { name: new RegExp(nickname) })).toHaveCount(0);
  const after = await asWorker.api.get(`/api/encounters/${encounterId}`);
  expect(await after.json()).toMatchObject({ personId: null, identification: 'anonymous', needs: ['housing'] });
  await asWorker.api.dispose();

  // The register keeps her consent, without her name.
  await page.goto('/neighbourhood');
  await page.getByRole('link', { name: /Registre des consentements/ }).click();
  await expect(heading(page, 'Registre des consentements')).toBeVisible();
  await expect(page.getByText('Personne effacée')).toBeVisible();
  await page.screenshot(shot('consents'));
  await expectAccessible(page);

  await page.goto('/incident-register');
  await expect(heading(page, 'Registre des incidents')).toBeVisible();
  await page.getByLabel('Quoi ?').selectOption({ label: 'Message envoyé à la mauvaise personne' });
  await page.getByLabel('Quelles données ?').fill('Un texto avec une heure de rendez-vous');
  await page.getByLabel('Personnes suivies concernées (facultatif)').fill(neighbour);
  await page.getByRole('button', { name: `Lier ${neighbour}` }).click();
  await page.getByLabel('Mesures prises').fill('Message supprimé par le destinataire.');
  await page.getByRole('button', { name: 'Enregistrer l’incident' }).click();
  await expect(page.getByText('Un texto avec une heure de rendez-vous')).toBeVisible();
  await expect(page.getByText(neighbour)).toBeVisible();
  await page.getByRole('button', { name: 'Clore aujourd’hui' }).click();
  await expect(page.getByText(/^Clos le/)).toBeVisible();
  await page.screenshot(shot('incidents'));
  await expectAccessible(page);
  const [csv] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('link', { name: 'Exporter (CSV)' }).click(),
  ]);
  expect(readFileSync(await csv.path()).toString('utf8')).toContain('Message envoyé à la mauvaise personne');
});
