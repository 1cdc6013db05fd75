import type { Activity } from '../core/contracts/activities.ts';
import { uuidv7 } from '../core/uuid.ts';
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

test('attendance saved offline over a teammate’s change is shown as a conflict, and keeping mine lands it', async ({
  page,
  context,
}) => {
  const { worker } = await workerInTheField(page);
  const { api, csrf } = await apiAs(worker);
  const headers = { 'x-csrf-token': csrf };
  const created = await api.post('/api/activities', {
    data: { title: unique('Groupe des femmes'), kind: 'group', groupType: 'closed' },
    headers,
  });
  expect(created.status(), await created.text()).toBe(201);
  const activity = (await created.json()) as Activity;
  const sessionId = uuidv7();
  const today = new Date().toISOString().slice(0, 10);
  const first = await api.post(`/api/activities/${activity.id}/sessions`, {
    data: { id: sessionId, onDate: today, headCounts: { '35to49': 2 } },
    headers,
  });
  expect(first.status(), await first.text()).toBe(201);

  await page.goto(`/activities/${activity.id}`);
  await page.getByTestId('activity-session').click();
  await expect(page.getByTestId('attendance-total')).toHaveText('Total : 2 personnes');
  await context.setOffline(true);
  await page.getByRole('button', { name: /^50 à 64 ans : \d+\. Ajouter 1$/ }).click();
  await page.getByRole('button', { name: 'Enregistrer les présences' }).click();
  await expect(page.getByTestId('attendance-saved')).toContainText('partiront au retour du réseau');

  // Meanwhile a teammate changed the same session.
  const theirs = await api.post(`/api/activities/${activity.id}/sessions`, {
    data: { id: sessionId, baseVersion: 1, onDate: today, headCounts: { '35to49': 4 } },
    headers,
  });
  expect(theirs.status(), await theirs.text()).toBe(200);

  await context.setOffline(false);
  await expect(syncState(page)).toHaveText('1 à revoir');
  await expect(page.getByTestId('attendance-saved')).toContainText('modifiées entre-temps');
  await page.getByRole('link', { name: 'Voir et choisir' }).click();
  const conflict = page.getByTestId('outbox-conflict');
  await expect(conflict).toContainText('Présences d’une séance d’activité');
  await expect(conflict).toContainText('35to49 4');
  await expectAccessible(page);
  await conflict.getByRole('button', { name: 'Garder ma version' }).click();
  await expect(syncState(page)).toHaveText('À jour');

  const session = await getJson<{ headCounts: Record<string, number>; version: number }>(
    api,
    `/api/activity-sessions/${sessionId}`,
  );
  expect(session.headCounts).toEqual({ '35to49': 2, '50to64': 1 });
  expect(session.version).toBe(3);
  await api.dispose();
});
