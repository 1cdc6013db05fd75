import { readFileSync } from 'node:fs';
import { expect, expectAccessible, test } from './support/fixtures.ts';
import { neighbourhoodWithEncounters } from './support/neighbourhood.ts';
import { heading, signIn } from './support/pages.ts';

test.describe.configure({ timeout: 150_000 });

const shot = (name: string) => ({ path: `/tmp/reports-${name}.png`, fullPage: true });

test('a coordinator reads the dashboard as charts and numbers with small counts hidden, exports it, runs the CIUSSS report for this fiscal year and saves a template of their own', async ({
  page,
}) => {
  // Twelve contacts at the park over the last weeks: nine about food, three about housing.
  const { coordinator, worker } = await neighbourhoodWithEncounters(12, (k) => (k % 4 === 0 ? ['housing'] : ['food']));

  await signIn(page, coordinator.email, coordinator.password);
  await page.goto('/neighbourhood');
  await page.getByRole('link', { name: /Tableau de bord et rapports/ }).click();
  await expect(heading(page, 'Rendre compte')).toBeVisible();
  await page
    .getByRole('link', { name: /Tableau de bord/ })
    .first()
    .click();
  await expect(heading(page, 'Tableau de bord')).toBeVisible();
  await expect(page.getByTestId('period-label')).toHaveCount(0); // the last twelve months, as dates

  const needs = page.locator('[data-table="needs"]');
  await expect(needs.getByRole('img')).toBeVisible();
  await page.screenshot(shot('dashboard'));
  await needs.getByText('Chiffres').click();
  const food = needs.getByRole('row', { name: /Alimentation/ });
  await expect(food).toContainText('9');
  await expect(needs.getByRole('row', { name: /Logement/ })).toContainText('<5');
  await expect(page.getByText('Petits nombres masqués')).toBeVisible();
  await expectAccessible(page);

  // The same figures as a CSV file: the hidden count stays hidden.
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByTestId('report-exports').getByRole('link', { name: 'CSV' }).click(),
  ]);
  const csv = readFileSync((await download.path()) as string, 'utf8');
  expect(csv).toContain('<5');
  expect(csv).toMatch(/Alimentation[^\n]*9/);

  // The CIUSSS activity report opens on the last whole fiscal year; the next one holds the contacts.
  await page.goto('/reports');
  await page.getByRole('link', { name: /Rapport d’activité \(CIUSSS\)/ }).click();
  await expect(page.getByLabel('Période', { exact: true })).toHaveValue('fiscalYear');
  const before = await page.getByTestId('period-label').textContent();
  await page.getByRole('button', { name: 'Période suivante' }).click();
  await expect(page.getByTestId('period-label')).not.toHaveText(before ?? '');
  await expect(page.locator('[data-table="encounters.byChannel"]')).toBeVisible();
  await page.screenshot(shot('ciusss'));

  // A template of the team's own, with a higher threshold: the food count (9) is now hidden too.
  await page.goto('/reports');
  await page.getByRole('link', { name: 'Nouveau modèle de rapport' }).click();
  await page.getByLabel('Nom du rapport').fill('Besoins du trimestre');
  await page.getByLabel('Période', { exact: true }).selectOption('custom');
  await page.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(page.getByText('Choisissez au moins un indicateur.')).toBeVisible();
  await page.getByRole('checkbox', { name: /^Besoins/ }).check();
  await page.getByLabel('Seuil des petits nombres').fill('10');
  await page.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(heading(page, 'Besoins du trimestre')).toBeVisible();
  const custom = page.locator('[data-table="needs"]');
  await custom.getByText('Chiffres').click();
  await expect(custom.getByRole('row', { name: /Alimentation/ })).toContainText('<10');
  await page.screenshot(shot('template'));

  // A worker of the team reads the same dashboard but saves no template.
  await page.context().clearCookies();
  await signIn(page, worker.email, worker.password);
  await page.goto('/reports');
  await expect(heading(page, 'Rendre compte')).toBeVisible();
  await expect(page.getByRole('link', { name: 'Nouveau modèle de rapport' })).toHaveCount(0);
});
