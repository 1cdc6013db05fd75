import type { Page } from '@playwright/test';
import { addDays } from '../core/crisis.ts';
import { createAccount, createTeam } from './support/api.ts';
import { apiAs, getJson } from './support/fieldwork.ts';
import { expect, expectAccessible, test, unique } from './support/fixtures.ts';
import { heading, signIn, signOut } from './support/pages.ts';

// Three people sign in (argon2) and the sync runs: a loaded machine needs more than 30 s.
test.describe.configure({ timeout: 120_000 });

const shot = (name: string) => ({ path: `/tmp/crisis-${name}.png`, fullPage: true });
const today = () => new Date().toISOString().slice(0, 10);

async function propose(page: Page, fields: { title: string; reason: string; startsOn: string; colleague?: string }) {
  await page.goto('/crisis');
  await page.getByRole('link', { name: 'Proposer une mobilisation' }).click();
  await expect(heading(page, 'Proposer une mobilisation de crise')).toBeVisible();
  await page.getByLabel(/^Titre/).fill(fields.title);
  await page.getByLabel(/^Pourquoi cette mobilisation/).fill(fields.reason);
  await page.getByLabel(/^Début/).fill(fields.startsOn);
  await page.getByLabel('Durée prévue').selectOption('4');
  await page.getByText('30', { exact: true }).click();
  if (fields.colleague) await page.getByLabel(fields.colleague).check();
  return async () => {
    await page.getByRole('button', { name: 'Proposer', exact: true }).click();
    await expect(heading(page, fields.title)).toBeVisible();
    await expect(page.getByText('À valider', { exact: true })).toBeVisible();
    return page.url().split('/crisis/')[1] as string;
  };
}

test('a worker proposes a crisis mobilisation, the coordination validates it and refuses another with a reason, its end is reminded and a contact logged during it is tagged', async ({
  page,
}) => {
  const team = await createTeam();
  const worker = await createAccount('worker', [team.id]);
  const colleague = await createAccount('worker', [team.id]);
  const coordinator = await createAccount('coordinator', [team.id]);
  const arrivals = unique('Accueil des familles déplacées');
  const heatwave = unique('Canicule');

  // The worker proposes: started 25 days ago for 4 weeks, so its end is 3 days away.
  await signIn(page, worker.email, worker.password);
  await expect(heading(page, 'Ma journée')).toBeVisible();
  const submit = await propose(page, {
    title: arrivals,
    reason: 'Une trentaine de familles arrivent au centre d’hébergement : premier accueil et orientation.',
    startsOn: addDays(today(), -25),
    colleague: colleague.name,
  });
  await expect(page.getByText('Fin prévue', { exact: false })).toBeVisible();
  await page.screenshot(shot('propose'));
  const mobilisationId = await submit();
  await expect(page.getByText(`${colleague.name}`, { exact: false })).toBeVisible();
  await expect(page.getByTestId('decision')).toHaveCount(0);
  await page.screenshot(shot('proposed'));
  await expectAccessible(page);
  const refusedId = await (
    await propose(page, {
      title: heatwave,
      reason: 'Appeler les aînés seuls pendant la vague de chaleur.',
      startsOn: today(),
    })
  )();
  await signOut(page);

  // The coordination refuses one (a reason is required) and validates the other.
  await signIn(page, coordinator.email, coordinator.password);
  await page.goto('/crisis');
  await expect(heading(page, 'Mobilisations de crise')).toBeVisible();
  await expect(page.getByTestId('mobilisation')).toHaveCount(2);
  await page.screenshot(shot('list-awaiting'));
  await page.goto(`/crisis/${refusedId}`);
  const decision = page.getByTestId('decision');
  await decision.getByRole('button', { name: 'Refuser' }).click();
  await expect(decision.getByText('Dites pourquoi vous refusez.').first()).toBeVisible();
  await decision.getByLabel(/^Note/).fill('Le CLSC a déjà une équipe sur place.');
  await decision.getByRole('button', { name: 'Refuser' }).click();
  await expect(page.getByText('Refusée', { exact: true }).first()).toBeVisible();
  await expect(page.getByTestId('decision-note')).toHaveText('Le CLSC a déjà une équipe sur place.');

  await page.goto(`/crisis/${mobilisationId}`);
  await page.getByTestId('decision').getByRole('button', { name: 'Valider' }).click();
  await expect(page.getByText('Validée', { exact: true }).first()).toBeVisible();
  await expect(page.getByText(/Elle se termine le/)).toBeVisible();
  await expect(page.getByTestId('history-event')).toHaveCount(2);
  await page.screenshot(shot('validated'));
  await expectAccessible(page);

  // Its end is near: it shows on the coordinator's home, with a way to prolong or close it.
  await page.goto('/');
  const coordinatorReminder = page.getByTestId('crisis-reminder').filter({ hasText: arrivals });
  await expect(coordinatorReminder).toContainText('Se termine dans 3 jour(s)');
  await signOut(page);

  // And on the worker's day; the contact they log now is tagged with it.
  await signIn(page, worker.email, worker.password);
  await expect(heading(page, 'Ma journée')).toBeVisible();
  const reminder = page.getByTestId('crisis-reminder').filter({ hasText: arrivals });
  await expect(reminder).toContainText('Se termine dans 3 jour(s)');
  await expect(reminder.getByRole('link', { name: 'Prolonger ou clore' })).toBeVisible();
  await page.screenshot(shot('my-day-reminder'));
  await page.getByRole('link', { name: 'Contact rapide' }).click();
  await page.getByText('Logement', { exact: true }).click();
  await page.getByText('Écouter', { exact: true }).click();
  await page.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(page.getByTestId('contact-saved')).toBeVisible();

  const asWorker = await apiAs(worker);
  await expect
    .poll(async () => {
      const { items } = await getJson<{ items: { crisisMobilisationId?: string | null }[] }>(
        asWorker.api,
        '/api/encounters?mine=true',
      );
      return items.map((e) => e.crisisMobilisationId);
    })
    .toEqual([mobilisationId]);
  // Four more from the field make the count show (under 5 it reads "<5", like every count of contacts).
  for (let k = 0; k < 4; k++) {
    const answer = await asWorker.api.post('/api/encounters', {
      data: { needs: ['food'], actions: ['listen'] },
      headers: { 'x-csrf-token': asWorker.csrf },
    });
    expect(answer.status()).toBe(201);
  }
  await asWorker.api.dispose();
  await page.goto(`/crisis/${mobilisationId}`);
  await expect(page.getByTestId('tagged-encounters')).toContainText('5');
  await expect(page.getByTestId('tagged-sessions')).toContainText('<5');
  await expect(page.getByTestId('prolong-or-close')).toBeVisible();
  await page.screenshot(shot('tagged'));

  // One of them was usual work: the worker untags it, and the count falls under 5 again.
  const myWork = page.getByTestId('my-work');
  await expect(myWork).toHaveCount(5);
  await myWork.first().getByRole('switch').click({ force: true });
  await expect(page.getByTestId('tagged-encounters')).toContainText('<5');
  await expect(myWork.first().getByRole('switch')).not.toBeChecked();
  await expectAccessible(page);
});
