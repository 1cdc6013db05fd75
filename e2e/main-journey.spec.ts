import { adminPassword, expect, expectAccessible, serverState, test, unique } from './support/fixtures.ts';
import { chooseOwnPassword, heading, signIn, signOut } from './support/pages.ts';

/**
 * The first day of a team: the admin creates it, its neighbourhood and a worker's account; the
 * worker signs in with the temporary password, chooses their own and lands on their day.
 * Runs on a desktop and on a 390×844 phone.
 */
test('admin sets up a team and a worker, who signs in and sees their team', async ({ page }, testInfo) => {
  // The longest journey: three accounts' worth of password hashing and seven axe passes.
  test.slow();
  const teamName = unique(`Équipe ${testInfo.project.name}`);
  const neighbourhoodName = unique('Ascot');
  const workerName = unique('Léa');
  const workerEmail = `${unique('lea')}@example.org`;

  await signIn(page, serverState().adminEmail, adminPassword);
  await expect(heading(page, 'Administration')).toBeVisible();

  // A team and the neighbourhood it serves.
  await page.goto('/admin/teams');
  await expect(heading(page, 'Équipes et quartiers')).toBeVisible();
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Nouvelle équipe' }).click();
  const teamDialog = page.getByRole('dialog', { name: 'Nouvelle équipe' });
  await teamDialog.getByLabel('Nom', { exact: true }).fill(teamName);
  await expect(teamDialog.getByLabel('Code', { exact: true })).not.toHaveValue('');
  await expectAccessible(page);
  await teamDialog.getByRole('button', { name: "Créer l'équipe" }).click();
  await expect(teamDialog).toBeHidden();

  const teamCard = page.locator('.mantine-Card-root', { has: page.getByRole('heading', { name: teamName }) });
  await teamCard.getByRole('button', { name: 'Ajouter un quartier' }).click();
  const neighbourhoodDialog = page.getByRole('dialog', { name: 'Ajouter un quartier' });
  await neighbourhoodDialog.getByLabel('Nom', { exact: true }).fill(neighbourhoodName);
  await expect(neighbourhoodDialog.getByLabel('Équipe qui dessert ce quartier')).toHaveValue(/.+/);
  await neighbourhoodDialog.getByRole('button', { name: 'Ajouter le quartier' }).click();
  await expect(teamCard.getByRole('button', { name: `Modifier le quartier ${neighbourhoodName}` })).toBeVisible();

  // The worker's account, with the temporary password shown once.
  await page.goto('/admin/users');
  await expect(heading(page, 'Comptes')).toBeVisible();
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Nouveau compte' }).click();
  const userDialog = page.getByRole('dialog', { name: 'Nouveau compte' });
  await userDialog.getByLabel('Nom', { exact: true }).fill(workerName);
  await userDialog.getByLabel('Courriel').fill(workerEmail);
  await expect(userDialog.getByLabel('Rôle')).toHaveValue('worker');
  await userDialog.getByLabel(teamName).check();
  await expectAccessible(page);
  await userDialog.getByRole('button', { name: 'Créer le compte' }).click();

  const passwordDialog = page.getByRole('dialog', { name: 'Mot de passe temporaire' });
  const temporaryPassword = (await passwordDialog.getByTestId('temporary-password').textContent())?.trim() ?? '';
  expect(temporaryPassword.length).toBeGreaterThan(8);
  await expect(passwordDialog.getByRole('button', { name: 'Copier' })).toBeVisible();
  await expectAccessible(page);
  await passwordDialog.getByRole('button', { name: "C'est noté" }).click();
  await expect(page.getByRole('listitem').filter({ hasText: workerEmail })).toBeVisible();

  await signOut(page);

  // The worker's first sign-in.
  await signIn(page, workerEmail, temporaryPassword);
  await chooseOwnPassword(page, 'ma propre phrase de passe');
  await expect(heading(page, 'Ma journée')).toBeVisible();
  await expect(page.getByText(`Bonjour ${workerName}.`)).toBeVisible();
  await expect(page.getByRole('heading', { name: teamName })).toBeVisible();
  await expect(page.getByText(neighbourhoodName)).toBeVisible();
  await expectAccessible(page);

  // The team's page lists its members.
  await page.getByRole('link', { name: teamName }).click();
  await expect(heading(page, teamName)).toBeVisible();
  await expect(page.getByText(workerEmail)).toBeVisible();
  await expectAccessible(page);
});
