import { adminPassword, expect, expectAccessible, serverState, test } from './support/fixtures.ts';
import { chooseOwnPassword, heading, signIn } from './support/pages.ts';

test('the printed admin signs in once and must choose a password first', async ({ page }) => {
  const { adminEmail, adminPassword: printedPassword } = serverState();

  await page.goto('/');
  await expect(page).toHaveURL(/\/sign-in/);
  await expect(heading(page, 'Connexion')).toBeVisible();
  await expectAccessible(page);

  await signIn(page, adminEmail, printedPassword);
  await expect(page).toHaveURL(/\/choose-password/);
  await expectAccessible(page);

  // Until the password is chosen, every other page leads back here.
  await page.goto('/admin/users');
  await expect(page).toHaveURL(/\/choose-password/);

  // After a reload the app no longer holds the one-time password: it asks for it again.
  await page.locator('input[name="currentPassword"]').fill(printedPassword);
  // A mismatch is caught before anything is sent.
  await page.locator('input[name="newPassword"]').fill(adminPassword);
  await page.locator('input[name="confirmPassword"]').fill('autre chose encore');
  await page.getByRole('button', { name: 'Choisir ce mot de passe' }).click();
  await expect(page.getByText('Les deux mots de passe ne sont pas identiques.')).toBeVisible();

  await chooseOwnPassword(page, adminPassword);
  await expect(heading(page, 'Administration')).toBeVisible();
  await expect(page.getByText('Pour bien démarrer')).toBeVisible();
  await expectAccessible(page);
});
