import { createAccount, createTeam } from './support/api.ts';
import { expect, expectAccessible, serverState, test } from './support/fixtures.ts';
import { heading, signIn, signOut } from './support/pages.ts';

// Two devices, two sign-ins (argon2) and axe on a full "Ma journée": more than 30 s on a loaded runner.
test.describe.configure({ timeout: 60_000 });

test('English chosen on the account stays after a reload and follows the person to another device', async ({
  page,
  browser,
}) => {
  const team = await createTeam();
  const worker = await createAccount('worker', [team.id]);
  await signIn(page, worker.email, worker.password);
  await expect(heading(page, 'Ma journée')).toBeVisible();

  await page.getByRole('link', { name: `Mon compte (${worker.name})` }).click();
  await expect(heading(page, 'Mon compte')).toBeVisible();
  await expectAccessible(page);
  await page.getByRole('radio', { name: 'English' }).check();
  await expect(heading(page, 'My account')).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');

  await page.reload();
  await expect(heading(page, 'My account')).toBeVisible();

  // A device that never saw the choice: French before sign-in, the account's English after.
  const otherDevice = await browser.newContext({ baseURL: serverState().url, serviceWorkers: 'block' });
  const phone = await otherDevice.newPage();
  await signIn(phone, worker.email, worker.password);
  await expect(heading(phone, 'My day')).toBeVisible();
  await expect(phone.getByRole('heading', { name: team.name })).toBeVisible();
  await expectAccessible(phone);
  await otherDevice.close();
});

test('signing out closes the pages behind sign-in; signing back in returns where one was going', async ({ page }) => {
  const worker = await createAccount('organizer');
  await signIn(page, worker.email, worker.password);
  await expect(heading(page, 'Ma journée')).toBeVisible();
  await expect(page.getByText("Vous n'êtes dans aucune équipe pour l'instant")).toBeVisible();

  await signOut(page);
  await page.goto('/account');
  await expect(page).toHaveURL(/\/sign-in\?redirect=%2Faccount/);
  await page.getByLabel('Courriel').fill(worker.email);
  await page.locator('input[name="password"]').fill(worker.password);
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await expect(heading(page, 'Mon compte')).toBeVisible();
});

test('a password change checks the current password and says which field is wrong', async ({ page }) => {
  const worker = await createAccount('worker');
  await signIn(page, worker.email, worker.password);
  await page.goto('/account');
  await page.locator('input[name="currentPassword"]').fill('pas le mot de passe actuel');
  await page.locator('input[name="newPassword"]').fill('une toute nouvelle phrase');
  await page.locator('input[name="confirmPassword"]').fill('une toute nouvelle phrase');
  await page.getByRole('button', { name: 'Changer mon mot de passe' }).click();
  await expect(page.getByText('Le mot de passe actuel est incorrect.')).toBeVisible();

  await page.locator('input[name="currentPassword"]').fill(worker.password);
  await page.getByRole('button', { name: 'Changer mon mot de passe' }).click();
  await expect(page.getByText('Mot de passe changé.', { exact: false })).toBeVisible();
});
