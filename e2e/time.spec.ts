import { createAccount, createTeam, signedInApi } from './support/api.ts';
import { expect, expectAccessible, test } from './support/fixtures.ts';
import { heading, signIn, signOut } from './support/pages.ts';

// Three sign-ins (argon2) on a loaded machine: more than 30 s.
test.describe.configure({ timeout: 150_000 });

const shot = (name: string) => ({ path: `/tmp/time-${name}.png`, fullPage: true });
const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

test('a worker logs time with and without criteria, the binôme hands over through the daily log, coordination sets the agreed split and reads the week and the month', async ({
  page,
}) => {
  const team = await createTeam();
  const [ana, ben, coordinator] = [
    await createAccount('worker', [team.id]),
    await createAccount('worker', [team.id]),
    await createAccount('coordinator', [team.id]),
  ];

  // The team runs a neighbours' party: time can be given to it.
  const asAnaFirst = await signedInApi(ana.email, ana.password);
  const party = await asAnaFirst.api.post('/api/activities', {
    data: { title: 'Fête des voisins', kind: 'celebration', groupType: 'open' },
    headers: { 'x-csrf-token': asAnaFirst.csrf },
  });
  expect(party.status(), await party.text()).toBe(201);
  await asAnaFirst.api.dispose();

  // Ana logs two hours of orientation that took, then an hour of networking that fits no criterion.
  await signIn(page, ana.email, ana.password);
  await page.goto('/time');
  await expect(heading(page, 'Mon temps')).toBeVisible();
  await page.getByRole('button', { name: 'Orientation individuelle' }).click();
  await page.getByRole('button', { name: '2 h', exact: true }).click();
  await page.getByRole('button', { name: 'Enregistrer 2 h' }).click();
  await expect(page.getByText('Cochez au moins un critère, ou « aucun ne s’applique ».')).toBeVisible();
  await page.getByLabel(/Le relais a été effectué/).check();
  await page.getByRole('button', { name: 'Enregistrer 2 h' }).click();
  await expect(page.getByTestId('time-saved')).toContainText('2 h de « Orientation individuelle » enregistré.');
  await expect(page.getByTestId('time-outside')).toHaveCount(0);

  await page.getByRole('button', { name: 'Maillage' }).click();
  await page.getByRole('button', { name: '1 h', exact: true }).click();
  await page.getByLabel('Aucun ne s’applique').check();
  await page.getByText('+ Ajouter une note').click();
  await page.getByLabel('Note (facultative)').fill('Réunion de la fête des voisins');
  await page.getByLabel('Pour quelle activité ? (facultatif)').selectOption({ label: 'Fête des voisins' });
  await page.getByRole('button', { name: 'Enregistrer 1 h' }).click();
  await expect(page.getByTestId('time-outside')).toContainText('Hors mandat');
  const entries = page.getByTestId('time-entry');
  await expect(entries).toHaveCount(2);
  await expect(entries.filter({ hasText: 'Maillage' })).toContainText('Hors mandat');
  await expect(entries.filter({ hasText: 'Maillage' })).toContainText('Pour l’activité « Fête des voisins »');
  await expect(entries.filter({ hasText: 'Orientation' })).toContainText('accrochée');
  await expect(page.getByTestId('worker-split')).toContainText('3 h au total');
  await expect(page.getByTestId('worker-split')).toContainText('Hors mandat : 1 h (33 %)');
  await page.screenshot(shot('worker'));
  await expectAccessible(page);
  await signOut(page);

  // Yesterday Ana left something to pass on; today Ben, her partner, sees it first and writes today's page.
  const asAna = await signedInApi(ana.email, ana.password);
  const yesterday = await asAna.api.put(`/api/team-log/days/${day(-1)}`, {
    data: { highlights: 'Stand au marché', toPassOn: 'Rappeler la pharmacie pour le stand de jeudi' },
    headers: { 'x-csrf-token': asAna.csrf },
  });
  expect(yesterday.status(), await yesterday.text()).toBe(201);
  await asAna.api.dispose();

  await signIn(page, ben.email, ben.password);
  await page.goto('/team-log');
  await expect(heading(page, 'Journal d’équipe')).toBeVisible();
  const handOver = page.getByTestId('hand-over');
  await expect(handOver).toContainText('Rappeler la pharmacie pour le stand de jeudi');
  await expect(handOver).toContainText(ana.name);
  await page.getByLabel('Moments forts', { exact: true }).fill('Trois nouvelles personnes au parc');
  await page.getByLabel('À transmettre', { exact: true }).fill('La pharmacie est d’accord pour jeudi');
  await page.getByRole('button', { name: 'Enregistrer la page du jour' }).click();
  await expect(page.getByText('Page du jour enregistrée.')).toBeVisible();
  await expect(page.getByText(`Par ${ben.name}`)).toBeVisible();
  await page.screenshot(shot('team-log'));
  await expectAccessible(page);
  await signOut(page);

  // Coordination agrees 20 % host partner for the team and reads each worker's week, then the month.
  await signIn(page, coordinator.email, coordinator.password);
  await page.goto('/time');
  await expect(heading(page, 'Le temps de l’équipe')).toBeVisible();
  await page.getByLabel('Partenaire hébergeur (%)').fill('20');
  await page.getByLabel('À partir du').fill(day(-40));
  await page.getByRole('button', { name: 'Enregistrer la répartition' }).click();
  await expect(page.getByText('Répartition enregistrée.')).toBeVisible();
  const anaCard = page.getByTestId('worker-split').filter({ hasText: ana.name });
  await expect(anaCard).toContainText('Convenu');
  await expect(anaCard).toContainText('3 h au total');
  await expect(anaCard).toContainText('100 % / 80 %');
  await expect(page.getByTestId('worker-split').filter({ hasText: ben.name })).toContainText(
    'Aucun temps noté sur cette période.',
  );
  await expect(page.getByTestId('time-entry').filter({ hasText: ana.name })).toHaveCount(2);
  await page.screenshot(shot('coordinator-week'));

  await page.getByText('Mois', { exact: true }).click();
  await expect(page).toHaveURL(/period=month/);
  await expect(anaCard).toContainText('3 h au total');
  await page.getByRole('button', { name: 'Période précédente' }).click();
  await expect(anaCard).toContainText('Aucun temps noté sur cette période.');
  await page.getByRole('button', { name: 'Période suivante' }).click();
  await expect(anaCard).toContainText('3 h au total');
  await page.screenshot(shot('coordinator-month'));
  await expectAccessible(page);
});
