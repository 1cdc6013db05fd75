import type { Activity } from '../core/contracts/activities.ts';
import { apiAs, getJson, syncState, workerInTheField } from './support/fieldwork.ts';
import { expect, expectAccessible, test, unique } from './support/fixtures.ts';
import { heading } from './support/pages.ts';

// The service worker keeps the app shell, so the pages still open once the network is gone.
test.use({ serviceWorkers: 'allow' });
test.describe.configure({ timeout: 90_000 });

test('a worker takes an activity’s attendance on a phone, online then offline, and it lands in the person’s timeline', async ({
  page,
  context,
}) => {
  const { worker } = await workerInTheField(page);
  const { api, csrf } = await apiAs(worker);
  const regular = unique('Ti-Loup');
  const helper = unique('Mado');
  for (const nickname of [regular, helper]) {
    const made = await api.post('/api/people', { data: { nickname }, headers: { 'x-csrf-token': csrf } });
    expect(made.status(), await made.text()).toBe(201);
  }
  const title = unique('La soupière');

  // A new activity with four fields.
  await page.goto('/activities');
  await expect(heading(page, 'Activités collectives')).toBeVisible();
  await page.getByRole('button', { name: 'Nouvelle activité' }).click();
  const form = page.getByRole('region', { name: 'Nouvelle activité' });
  await form.getByLabel('Nom de l’activité').fill(title);
  await form.getByLabel('Type').selectOption('meal');
  await page.getByRole('button', { name: 'Créer l’activité' }).click();
  await expect(heading(page, title)).toBeVisible();
  await expectAccessible(page);

  // Online: two named people (one volunteering that day) and anonymous head counts.
  await page.getByRole('button', { name: 'Prendre les présences' }).click();
  await expect(heading(page, 'Présences')).toBeVisible();
  await page.getByRole('button', { name: 'Chercher', exact: true }).click();
  await page.getByLabel('Surnom ou nom').fill(regular);
  await page.getByRole('button', { name: regular }).click();
  await page.getByRole('button', { name: 'Chercher', exact: true }).click();
  await page.getByLabel('Surnom ou nom').fill(helper);
  await page.getByRole('button', { name: helper }).click();
  await expect(page.getByTestId('attendee')).toHaveCount(2);
  await page
    .getByRole('radiogroup', { name: `Rôle de ${helper} ce jour-là` })
    .getByText('Bénévole')
    .click();
  for (let i = 0; i < 3; i++) await page.getByRole('button', { name: /^25 à 34 ans : \d+\. Ajouter 1$/ }).click();
  await page.getByRole('button', { name: /^Moins de 12 ans : \d+\. Ajouter 1$/ }).click();
  await expect(page.getByTestId('attendance-total')).toHaveText('Total : 6 personnes');
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Enregistrer les présences' }).click();
  await expect(page.getByTestId('attendance-saved')).toHaveText('Présences enregistrées.');
  await expect(syncState(page)).toHaveText('À jour');

  // Offline: the next session, the regulars one tap each, a head count; it waits on the phone.
  await page.getByRole('link', { name: title }).click();
  await expect(page.getByTestId('activity-session')).toHaveCount(1);
  await context.setOffline(true);
  await expect(syncState(page)).toHaveText('Hors ligne');
  await page.getByRole('button', { name: 'Prendre les présences' }).click();
  await expect(heading(page, 'Présences')).toBeVisible();
  await page.getByText(regular, { exact: true }).click();
  await expect(page.getByTestId('attendee')).toHaveCount(1);
  await page.getByRole('button', { name: /^65 à 79 ans : \d+\. Ajouter 1$/ }).click();
  await page.getByRole('button', { name: 'Enregistrer les présences' }).click();
  await expect(page.getByTestId('attendance-saved')).toContainText('partiront au retour du réseau');
  await expect(syncState(page)).toHaveText('1 en attente');
  await page.getByRole('link', { name: title }).click();
  await expect(page.getByTestId('activity-session')).toHaveCount(2);
  await expect(page.getByTestId('activity-session').filter({ hasText: 'Pas encore envoyée' })).toHaveCount(1);
  await expectAccessible(page);

  await context.setOffline(false);
  await expect(syncState(page)).toHaveText('À jour');
  await expect(page.getByTestId('activity-session').filter({ hasText: 'Pas encore envoyée' })).toHaveCount(0);

  const activities = await getJson<{ items: Activity[] }>(api, '/api/activities');
  const activity = activities.items.find((candidate) => candidate.title === title);
  const full = await getJson<Activity>(api, `/api/activities/${activity?.id}`);
  expect(full.sessions).toHaveLength(2);
  expect(full.sessions.map((session) => session.total).sort()).toEqual([2, 6]);
  const first = full.sessions.find((session) => session.total === 6);
  expect(first?.attendees.find((attendee) => attendee.nickname === helper)?.role).toBe('volunteer');
  expect(first?.headCounts).toEqual({ '25to34': 3, under12: 1 });

  // The participation shows in the person's timeline, and volunteering started a role.
  const people = await getJson<{ items: { id: string; nickname: string }[] }>(
    api,
    `/api/people?search=${encodeURIComponent(helper)}`,
  );
  const helperId = people.items.find((person) => person.nickname === helper)?.id;
  await page.goto(`/people/${helperId}`);
  await expect(page.getByText(`Activité : ${title}`)).toBeVisible();
  await expect(page.getByText('Bénévole ce jour-là')).toBeVisible();
  await page.goto('/activities');
  await api.dispose();
});
