import { readFileSync } from 'node:fs';
import { expect, expectAccessible, test } from './support/fixtures.ts';
import { neighbourhoodWithEncounters } from './support/neighbourhood.ts';
import { heading, signIn } from './support/pages.ts';

// Sign-ins (argon2), a detection and two downloads: a loaded machine needs more than 30 s.
test.describe.configure({ timeout: 120_000 });

const shot = (name: string) => ({ path: `/tmp/advocacy-${name}.png`, fullPage: true });

test('a coordinator passes a recurring need to advocacy with a structural problem and downloads the summary for partners', async ({
  page,
}) => {
  const { neighbourhoodName, coordinator, asWorker } = await neighbourhoodWithEncounters(12, () => ['housing']);
  await asWorker.api.dispose();
  await signIn(page, coordinator.email, coordinator.password);

  await page.goto('/signals');
  await expect(heading(page, 'Besoins qui reviennent')).toBeVisible();
  await page.getByLabel('Personnes connues au minimum').fill('0');
  await page.getByRole('button', { name: 'Enregistrer les seuils' }).click();
  await expect(page.getByText('Enregistré.')).toBeVisible();
  await page.getByRole('button', { name: 'Détecter maintenant' }).click();
  const signal = page.getByTestId('need-signal');
  await expect(signal).toHaveCount(1);

  await signal.getByRole('button', { name: 'Transmettre au plaidoyer' }).click();
  await signal.getByText('Logement', { exact: true }).last().click();
  await signal
    .getByLabel('Problème structurel, sans nom')
    .fill('Les maisons de chambres du secteur ferment une à une et rien ne les remplace.');
  await page.screenshot(shot('form'));
  await signal.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(signal.getByLabel('Plaidoyer')).toContainText('Logement');
  await expect(signal).toContainText('« Les maisons de chambres du secteur ferment une à une');
  await expect(signal.getByRole('button', { name: 'Modifier le plaidoyer' })).toBeVisible();
  await expectAccessible(page);

  const summary = page.getByRole('heading', { name: 'Résumé pour les partenaires' });
  await summary.scrollIntoViewIfNeeded();
  await page.screenshot(shot('summary'));
  const [csv] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('link', { name: 'Télécharger en CSV' }).click(),
  ]);
  expect(csv.suggestedFilename()).toMatch(/^besoins-et-problemes-structurels.*\.csv$/);
  const text = readFileSync(await csv.path()).toString('utf8');
  expect(text).toContain('Logement');
  expect(text).toContain(neighbourhoodName);
  expect(text).toContain('Les maisons de chambres du secteur ferment');
  expect(text).toContain('<5');
  const [pdf] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('link', { name: 'Télécharger en PDF' }).click(),
  ]);
  expect(
    readFileSync(await pdf.path())
      .subarray(0, 5)
      .toString('latin1'),
  ).toBe('%PDF-');
});
