import { adminPassword, expect, expectAccessible, serverState, test } from './support/fixtures.ts';
import { heading, signIn } from './support/pages.ts';

/** Runs alone, after every other journey (see playwright.config.ts): it changes what everyone sees. */
test.beforeEach(async ({ page }) => {
  await signIn(page, serverState().adminEmail, adminPassword);
  await expect(heading(page, 'Administration')).toBeVisible();
});

test('the vocabulary preset changes the field words everywhere', async ({ page }) => {
  await page.goto('/admin/settings');
  await expect(heading(page, 'Réglages')).toBeVisible();
  await expectAccessible(page);
  try {
    await page.getByRole('radio', { name: /Bruxelles/ }).check();
    await page.getByRole('button', { name: 'Enregistrer' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Enregistré.' })).toBeVisible();
    await page.goto('/admin/users');
    await expect(page.getByLabel('Rôle').locator('option').nth(1)).toHaveText("Relais d'action de quartier");
  } finally {
    await page.goto('/admin/settings');
    await page.getByRole('radio', { name: /Sherbrooke/ }).check();
    await page.getByRole('button', { name: 'Enregistrer' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Enregistré.' })).toBeVisible();
  }
});
