import type { Encounter, Session } from '../core/contracts/fieldwork.ts';
import type { PersonSummary } from '../core/contracts/people.ts';
import { apiAs, getJson, syncState, workerInTheField } from './support/fieldwork.ts';
import { expect, expectAccessible, test, unique } from './support/fixtures.ts';
import { heading } from './support/pages.ts';

// The service worker keeps the app shell, so a reload without network still opens the app.
test.use({ serviceWorkers: 'allow' });

// Several sign-ins (argon2) and a full day of steps: a loaded CI machine needs more than 30 s.
test.describe.configure({ timeout: 60_000 });

test('offline: a round with counters, an anonymous contact and a new person survive a reload and reach the server once', async ({
  page,
  context,
}) => {
  const { worker } = await workerInTheField(page);
  // Once the service worker is installed, the next load is served by it.
  await page.evaluate('navigator.serviceWorker.ready.then(() => undefined)');
  await page.reload();
  await page.waitForFunction('navigator.serviceWorker.controller !== null');
  await expect(syncState(page)).toHaveText('À jour');
  await expectAccessible(page);

  await context.setOffline(true);
  await expect(syncState(page)).toHaveText('Hors ligne');

  await page.getByRole('button', { name: 'Commencer une tournée' }).click();
  await expect(heading(page, 'Tournée en cours')).toBeVisible();
  for (let i = 0; i < 3; i++) await page.getByRole('button', { name: /^Salutation : \d+\. Ajouter 1$/ }).click();
  await page.getByRole('button', { name: /^Dépliant remis : \d+\. Ajouter 1$/ }).click();
  await expect(page.getByTestId('tally-greeting')).toHaveText('3');
  await expect(page.getByTestId('tally-flyer')).toHaveText('1');
  await expectAccessible(page);

  // An anonymous contact from the round: one need, one action.
  await page.getByRole('link', { name: 'Contact rapide' }).click();
  await expect(heading(page, 'Contact rapide')).toBeVisible();
  await page.getByText('Logement', { exact: true }).click();
  await page.getByText('Écouter', { exact: true }).click();
  await page.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(page.getByTestId('contact-saved')).toContainText('Il partira au retour du réseau.');
  await expectAccessible(page);

  // A contact with someone new, known by a nickname only.
  const nickname = unique('Ti-Guy');
  await page.getByRole('button', { name: 'Nouveau contact' }).click();
  await page.getByRole('button', { name: 'Nouvelle personne' }).click();
  await page.getByLabel('Surnom').fill(nickname);
  await page.getByRole('button', { name: 'Ajouter', exact: true }).click();
  await page.getByText('Alimentation', { exact: true }).click();
  await page.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(page.getByTestId('contact-saved')).toContainText(`Contact avec ${nickname} noté.`);

  // Round start, two counters, a person, two contacts.
  await expect(syncState(page)).toHaveText('6 en attente');

  await page.reload();
  await expect(heading(page, 'Contact rapide')).toBeVisible();
  await expect(syncState(page)).toHaveText('6 en attente');
  await page.getByRole('link', { name: /^Ma journée/ }).click();
  await expect(page.getByTestId('recent-encounter')).toHaveCount(2);
  await expect(page.getByTestId('recent-encounter').filter({ hasText: nickname })).toContainText('Pas encore envoyé');
  await syncState(page).click();
  await expect(heading(page, 'Envoi des données')).toBeVisible();
  await expectAccessible(page);

  await context.setOffline(false);
  await expect(syncState(page)).toHaveText('À jour');

  const { api } = await apiAs(worker);
  const encounters = await getJson<{ items: Encounter[] }>(api, '/api/encounters?mine=true');
  expect(encounters.items).toHaveLength(2);
  const people = await getJson<{ items: PersonSummary[] }>(api, `/api/people?search=${encodeURIComponent(nickname)}`);
  expect(people.items.filter((person) => person.nickname === nickname)).toHaveLength(1);
  const withPerson = encounters.items.find((encounter) => encounter.personId);
  expect(withPerson?.personId).toBe(people.items.find((person) => person.nickname === nickname)?.id);
  expect(withPerson?.identification).toBe('pseudonymous');
  const sessions = await getJson<{ items: Session[] }>(api, '/api/sessions');
  expect(sessions.items).toHaveLength(1);
  const tallies = Object.fromEntries(sessions.items[0]?.tallies.map((tally) => [tally.kind, tally.count]) ?? []);
  expect(tallies).toMatchObject({ greeting: 3, flyer: 1 });
  expect(encounters.items.every((encounter) => encounter.sessionId === sessions.items[0]?.id)).toBe(true);
  await api.dispose();
});
