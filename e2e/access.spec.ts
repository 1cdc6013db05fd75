import { createAccount, createTeam } from './support/api.ts';
import { expect, expectAccessible, test } from './support/fixtures.ts';
import { heading, signIn } from './support/pages.ts';

test('a worker who opens an admin page is told it is reserved', async ({ page }) => {
  const worker = await createAccount('worker');
  await signIn(page, worker.email, worker.password);
  await expect(heading(page, 'Ma journée')).toBeVisible();
  await expect(page.getByRole('navigation').getByRole('link', { name: 'Comptes' })).toHaveCount(0);

  for (const adminPage of ['/admin/users', '/admin/teams', '/admin/audit', '/admin/settings']) {
    await page.goto(adminPage);
    await expect(page).toHaveURL(/\/not-allowed$/);
    await expect(heading(page, 'Page réservée')).toBeVisible();
  }
  await expectAccessible(page);
  await page.getByRole('link', { name: "Retour à l'accueil" }).click();
  await expect(heading(page, 'Ma journée')).toBeVisible();
});

test('a coordinator lands on their teams and the people in them', async ({ page }) => {
  const team = await createTeam();
  const worker = await createAccount('worker', [team.id]);
  const coordinator = await createAccount('coordinator', [team.id]);
  await signIn(page, coordinator.email, coordinator.password);
  await expect(heading(page, 'Mes équipes')).toBeVisible();
  const card = page.locator('.mantine-Card-root', { has: page.getByRole('heading', { name: team.name }) });
  await expect(card.getByText(worker.name, { exact: true })).toBeVisible();
  await expect(card.getByText('Intervenant·e de quartier')).toBeVisible();
  await expectAccessible(page);
});

test('an unknown address shows a page that says so', async ({ page }) => {
  await page.goto('/nulle-part');
  await expect(heading(page, 'Page introuvable')).toBeVisible();
  await expectAccessible(page);
});
