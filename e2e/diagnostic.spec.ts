import { readFileSync } from 'node:fs';
import { expect, expectAccessible, test } from './support/fixtures.ts';
import { neighbourhoodWithEncounters } from './support/neighbourhood.ts';
import { heading, signIn } from './support/pages.ts';

// Sign-ins (argon2), a detection, network figures and a PDF: a loaded machine needs more than 30 s.
test.describe.configure({ timeout: 120_000 });

const shot = (name: string) => ({ path: `/tmp/diagnostic-${name}.png`, fullPage: true });

/** A team with a neighbourhood, a park there, and a month of encounters where housing keeps coming back. */
async function neighbourhoodWithRecurringNeeds() {
  const { neighbourhoodName, coordinator, asWorker } = await neighbourhoodWithEncounters(12, (k) =>
    k % 3 === 0 ? ['housing', 'food'] : ['housing'],
  );
  await asWorker.api.dispose();
  return { neighbourhoodName, coordinator };
}

test('a coordinator detects recurring needs, acknowledges one, writes the diagnostic beside live figures and downloads its PDF', async ({
  page,
}) => {
  const { neighbourhoodName, coordinator } = await neighbourhoodWithRecurringNeeds();
  await signIn(page, coordinator.email, coordinator.password);

  // Thresholds: 10 encounters, no known person needed (every contact here was anonymous).
  await page.goto('/signals');
  await expect(heading(page, 'Besoins qui reviennent')).toBeVisible();
  await expect(page.getByText('Aucun signal ici pour l’instant')).toBeVisible();
  await page.getByLabel('Personnes connues au minimum').fill('0');
  await page.getByRole('button', { name: 'Enregistrer les seuils' }).click();
  await expect(page.getByText('Enregistré.')).toBeVisible();

  await page.getByRole('button', { name: 'Détecter maintenant' }).click();
  await expect(page.getByText('1 nouveau(x) signal(aux), 0 mis à jour.')).toBeVisible();
  const signal = page.getByTestId('need-signal');
  await expect(signal).toHaveCount(1);
  await expect(signal).toContainText('Logement');
  await expect(signal).toContainText(neighbourhoodName);
  await expect(signal).toContainText('12');
  await expect(signal).toContainText('<5');
  await page.screenshot(shot('signals'));
  await expectAccessible(page);

  await signal.getByText('+ Ajouter une note').click();
  await signal.getByLabel('Note (facultative)').fill('À porter à la table de concertation');
  await signal.getByRole('button', { name: /^Prendre en compte/ }).click();
  await expect(signal.getByText('Pris en compte', { exact: true })).toBeVisible();
  await expect(signal).toContainText('« À porter à la table de concertation »');

  // The diagnostic: empty, then written beside the live figures.
  await page.goto('/diagnostics');
  await expect(heading(page, 'Diagnostics de quartier')).toBeVisible();
  await page.getByRole('link', { name: `Ouvrir le diagnostic de ${neighbourhoodName}` }).click();
  await expect(heading(page, `Diagnostic — ${neighbourhoodName}`)).toBeVisible();
  await expect(page.getByText('Aucun diagnostic rédigé pour ce quartier')).toBeVisible();
  const figures = page.getByTestId('diagnostic-figures');
  await expect(figures).toContainText('Chiffres à jour');
  await expect(figures).toContainText('Logement');
  await expect(figures.getByText('12', { exact: true })).toBeVisible();
  await page.screenshot(shot('empty'));

  await page.getByRole('button', { name: 'Rédiger le diagnostic' }).click();
  await page.getByLabel('Histoire').fill('Ancien quartier ouvrier né autour de la voie ferrée.');
  await page.getByLabel('Besoins').fill('Se loger dignement revient dans presque toutes les rencontres du parc.');
  await page.getByRole('button', { name: 'Ajouter une priorité' }).click();
  await page.getByRole('textbox', { name: 'Priorité 1', exact: true }).fill('Se loger dignement');
  await page.screenshot(shot('editor'));
  await expectAccessible(page);
  await page.getByLabel('Publier cette version (fige les chiffres)').check();
  await page.getByRole('button', { name: 'Enregistrer une version' }).click();

  await expect(page.getByText('Version 1 enregistrée.')).toBeVisible();
  const text = page.getByTestId('diagnostic-text');
  await expect(text).toContainText('Ancien quartier ouvrier né autour de la voie ferrée.');
  await expect(text).toContainText('Version 1 — publiée');
  await expect(text).toContainText('Se loger dignement');
  await expect(page.getByTestId('diagnostic-figures')).toContainText('Chiffres figés à la publication');
  await page.screenshot(shot('published'));
  await expectAccessible(page);

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('link', { name: 'Télécharger le PDF' }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^diagnostic-.*-v1\.pdf$/);
  const file = await download.path();
  expect(readFileSync(file).subarray(0, 5).toString('latin1')).toBe('%PDF-');
});
