import { readFileSync } from 'node:fs';
import path from 'node:path';
import { createAccount, createTeam } from './support/api.ts';
import { expect, expectAccessible, test } from './support/fixtures.ts';
import { heading, signIn } from './support/pages.ts';

/** Exchanging the directory in HSDS 3.0, on a phone: a coordinator checks a file, imports it, exports. */
test.use({ viewport: { width: 390, height: 844 } });
test.describe.configure({ timeout: 90_000 });

const fixtures = path.resolve(import.meta.dirname, '../server/modules/hsds/fixtures');
const shot = (name: string) => ({ path: `/tmp/hsds-e2e-${name}.png`, fullPage: true });

test('a coordinator checks another publisher’s file, imports it, and exports the directory', async ({ page }) => {
  const team = await createTeam();
  const coordinator = await createAccount('coordinator', [team.id]);
  await signIn(page, coordinator.email, coordinator.password);
  await page.goto('/directory/hsds');
  await expect(heading(page, 'Échanger le répertoire (HSDS)')).toBeVisible();
  await expectAccessible(page);

  // A broken file: refused with its reason, nothing to confirm.
  await page.locator('input[type=file]').setInputFiles(path.join(fixtures, 'broken.json'));
  await page.getByRole('button', { name: 'Vérifier le fichier' }).click();
  await expect(page.getByRole('alert')).toContainText('n’est pas du JSON valide');
  await expect(page.getByRole('button', { name: /Importer \d/ })).toHaveCount(0);

  // A rich publisher's page: the dry run says what would happen, record by record.
  const source = `CIUSSS ${Date.now()}`;
  await page.locator('input[type=file]').setInputFiles(path.join(fixtures, 'rich-cisss.json'));
  await expect(page.getByLabel('Éditeur (source)')).toHaveValue('rich-cisss');
  await page.getByLabel('Éditeur (source)').fill(source);
  await page.getByRole('button', { name: 'Vérifier le fichier' }).click();
  await expect(page.getByText('2 à créer')).toBeVisible();
  await expect(page.getByText('1 refusé(s)')).toBeVisible();
  await expect(page.getByText('Âge minimum invalide : « six ».')).toBeVisible();
  await page.locator('label', { hasText: 'Avec remarques' }).click();
  await expect(page.getByText('Langue non reconnue laissée de côté : « Klingon ».')).toBeVisible();
  await page.screenshot(shot('plan'));
  await expectAccessible(page);

  await page.getByRole('button', { name: 'Importer 2 service(s)' }).click();
  await expect(page.getByText('Import terminé')).toBeVisible();
  await expect(page.getByText('2 créé(s)')).toBeVisible();
  await page.screenshot(shot('done'));

  // The same file again updates instead of duplicating.
  await page.getByRole('button', { name: 'Importer un autre fichier' }).click();
  await page.locator('input[type=file]').setInputFiles(path.join(fixtures, 'rich-cisss.json'));
  await page.getByLabel('Éditeur (source)').fill(source);
  await page.getByRole('button', { name: 'Vérifier le fichier' }).click();
  await expect(page.getByText('2 à mettre à jour')).toBeVisible();
  await expect(page.getByText('0 à créer')).toBeVisible();

  // The export holds what was imported, as an HSDS page.
  const download = page.waitForEvent('download');
  await page.getByRole('link', { name: 'Télécharger en JSON' }).click();
  const file = await (await download).path();
  const exported = JSON.parse(readFileSync(file, 'utf8'));
  expect(exported.contents.map((s: { name: string }) => s.name)).toContain('Cuisines collectives');
});

test('a worker is sent away from the import page', async ({ page }) => {
  const team = await createTeam();
  const worker = await createAccount('worker', [team.id]);
  await signIn(page, worker.email, worker.password);
  await page.goto('/directory/hsds');
  await expect(page).toHaveURL(/\/not-allowed/);
});
