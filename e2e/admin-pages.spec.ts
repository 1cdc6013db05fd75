import { createAccount, createTeam } from './support/api.ts';
import { adminPassword, expect, expectAccessible, serverState, test } from './support/fixtures.ts';
import { heading, signIn } from './support/pages.ts';

test.beforeEach(async ({ page }) => {
  await signIn(page, serverState().adminEmail, adminPassword);
  await expect(heading(page, 'Administration')).toBeVisible();
});

test('admin changes an account role and resets its password', async ({ page }) => {
  const team = await createTeam();
  const worker = await createAccount('worker', [team.id]);
  await page.goto('/admin/users');
  await page.getByRole('searchbox', { name: 'Chercher un nom ou un courriel' }).fill(worker.name);
  const row = page.getByRole('listitem').filter({ hasText: worker.email });
  await expect(page.getByRole('status').filter({ hasText: '1 compte' })).toBeVisible();

  await row.getByRole('button', { name: `Modifier le compte de ${worker.name}` }).click();
  const dialog = page.getByRole('dialog', { name: 'Modifier le compte' });
  await expect(dialog.getByLabel(team.name)).toBeChecked();
  await dialog.getByLabel('Rôle').selectOption('coordinator');
  await expectAccessible(page);
  await dialog.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(dialog).toBeHidden();
  await expect(row.getByText('Coordination')).toBeVisible();

  await row.getByRole('button', { name: `Modifier le compte de ${worker.name}` }).click();
  await dialog.getByRole('button', { name: 'Réinitialiser le mot de passe' }).click();
  await dialog.getByRole('button', { name: 'Oui, réinitialiser' }).click();
  const passwordDialog = page.getByRole('dialog', { name: 'Mot de passe temporaire' });
  await expect(passwordDialog.getByTestId('temporary-password')).not.toBeEmpty();
  await expect(passwordDialog).toContainText(worker.email);
});

test('a refused team code is explained under the code field', async ({ page }) => {
  await page.goto('/admin/teams');
  await page.getByRole('button', { name: 'Nouvelle équipe' }).click();
  const dialog = page.getByRole('dialog', { name: 'Nouvelle équipe' });
  await dialog.getByLabel('Nom', { exact: true }).fill('Équipe du Plateau');
  await expect(dialog.getByLabel('Code', { exact: true })).toHaveValue('equipe-du-plateau');
  await dialog.getByLabel('Code', { exact: true }).fill('Code Avec Espaces');
  await dialog.getByRole('button', { name: "Créer l'équipe" }).click();
  await expect(dialog.getByRole('alert')).toHaveText('Vérifiez les champs indiqués en rouge.');
  await expect(dialog.getByLabel('Code', { exact: true })).toHaveAttribute('aria-invalid', 'true');
  await expectAccessible(page);
});
