import type { Service } from '../core/contracts/directory.ts';
import { createAccount } from './support/api.ts';
import { apiAs, getJson, workerInTheField } from './support/fieldwork.ts';
import { expect, expectAccessible, test } from './support/fixtures.ts';
import { heading, signIn } from './support/pages.ts';

// Sign-in (argon2), two forms and a search on a loaded machine: more than the default 30 s.
test.describe.configure({ timeout: 90_000 });

const shot = (name: string) => ({ path: `/tmp/directory-${name}.png`, fullPage: true });

/** A word no other test uses, in letters only, so the search indexes it as a word. */
function codeWord(): string {
  const letters = 'bcdfghjklmnpqrstvwxz';
  return Array.from({ length: 7 }, () => letters[Math.floor(Math.random() * letters.length)]).join('');
}

test('a worker adds an organisation and its service, finds it misspelled, puts it on a waiting list and sees the history', async ({
  page,
}) => {
  const { worker } = await workerInTheField(page);
  const code = codeWord();
  const organisation = `Maison Éloïse ${code}`;
  const service = `Hébergement d’urgence ${code}`;

  await page.getByRole('link', { name: 'Répertoire' }).click();
  await expect(heading(page, 'Répertoire')).toBeVisible();
  await page.screenshot(shot('empty-search'));

  // The organisation: a name and a category are enough.
  await page.getByRole('button', { name: 'Ajouter', exact: true }).click();
  await page.getByRole('menuitem', { name: 'Ajouter un organisme' }).click();
  await expect(heading(page, 'Nouvel organisme')).toBeVisible();
  await page.getByLabel('Nom', { exact: true }).fill(organisation);
  await page.getByLabel('Catégorie').selectOption('housing');
  await page.getByLabel('Téléphone').fill('819 555-0142');
  await page.screenshot(shot('organisation-form'));
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Créer' }).click();
  await expect(heading(page, organisation)).toBeVisible();

  // Its service, from its page: the organisation is already chosen.
  await page.getByRole('link', { name: 'Ajouter un service' }).click();
  await expect(heading(page, 'Nouveau service')).toBeVisible();
  await expect(page.getByRole('combobox', { name: 'Organisme' })).toHaveValue(organisation);
  await page.getByLabel('Nom du service').fill(service);
  await page.getByText('Logement', { exact: true }).click();
  await page.getByLabel('Description').fill('Des lits pour la nuit et un accompagnement vers un logement stable.');
  await page.getByRole('button', { name: 'Heures d’ouverture' }).click();
  await page.getByRole('button', { name: 'Ajouter une plage' }).click();
  await page.screenshot(shot('service-form'));
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Créer le service' }).click();
  await expect(heading(page, service)).toBeVisible();
  await expect(page.getByText('Ouvert', { exact: true }).first()).toBeVisible();

  // Found again with a misspelled, accent-less search.
  await page.getByRole('link', { name: 'Répertoire' }).first().click();
  await page
    .getByRole('searchbox', { name: 'Chercher un service ou un organisme' })
    .fill(`hebergemant durgence ${code}`);
  const results = page.getByTestId('directory-services');
  await expect(results.getByRole('link').first()).toContainText(service);
  await expect(page.getByTestId('directory-corrections')).toContainText('hebergement');
  await page.screenshot(shot('search'));
  await expectAccessible(page);
  await results.getByRole('link').first().click();
  await expect(heading(page, service)).toBeVisible();

  // Waiting list in two taps (and a wait typed in between).
  await page.getByRole('button', { name: 'Liste d’attente' }).click();
  await page.getByLabel('Attente prévue (jours)').fill('14');
  await page.getByRole('button', { name: 'Enregistrer : Liste d’attente' }).click();
  await expect(page.getByRole('status')).toContainText('Disponibilité enregistrée.');
  const history = page.getByTestId('status-history');
  await expect(history.getByRole('listitem')).toHaveCount(2);
  await expect(history.getByRole('listitem').first()).toContainText('Liste d’attente · 14 jours d’attente');
  await expect(history.getByRole('listitem').nth(1)).toContainText('Ouvert');
  await page.screenshot(shot('service'));
  await expectAccessible(page);

  // The server holds one service, on a waiting list with its wait.
  const as = await apiAs(worker);
  const found = await getJson<{ services: { id: string; name: string }[] }>(
    as.api,
    `/api/directory/search?q=${encodeURIComponent(code)}&availability=waitingList`,
  );
  expect(found.services.map((s) => s.name)).toEqual([service]);
  const saved = await getJson<Service>(as.api, `/api/services/${found.services[0]?.id}`);
  expect(saved).toMatchObject({ availability: 'waitingList', expectedWaitDays: 14, needs: ['housing'] });

  // The organisation's page lists it; the printed directory carries it under its need.
  await page.getByRole('link', { name: organisation }).click();
  await expect(heading(page, organisation)).toBeVisible();
  await expect(page.getByRole('link', { name: new RegExp(service) })).toBeVisible();
  await page.screenshot(shot('organisation'));
  await page.goto('/directory/print?lang=fr');
  await expect(page.getByTestId('printable-directory')).toContainText(service);
  await expect(page.getByTestId('printable-directory')).toContainText('Liste d’attente : environ 14 jours');
  await page.screenshot(shot('print'));
  await expectAccessible(page);
});

test('a key person’s contact details wait for their agreement; an administrator reads the directory without its forms', async ({
  page,
}) => {
  await workerInTheField(page);
  const name = `Madame ${codeWord()}`;
  await page.goto('/directory/actors/new?kind=keyPerson');
  await expect(heading(page, 'Nouvelle personne-clé')).toBeVisible();
  await page.getByLabel('Nom ou surnom').fill(name);
  // No phone field until the person agrees.
  await expect(page.getByLabel('Téléphone')).toHaveCount(0);
  await page.getByLabel('La personne accepte qu’on garde ses coordonnées').check();
  await page.getByLabel('Téléphone').fill('819 555-0177');
  await page.screenshot(shot('key-person-form'));
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Créer' }).click();
  await expect(heading(page, name)).toBeVisible();
  await expect(page.getByText('819 555-0177')).toBeVisible();
  await expect(page.getByText(/Accord donné le/)).toBeVisible();
  await page.screenshot(shot('key-person'));

  const admin = await createAccount('admin');
  await page.context().clearCookies();
  await signIn(page, admin.email, admin.password);
  await page.goto('/directory');
  await expect(heading(page, 'Répertoire')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Ajouter', exact: true })).toHaveCount(0);
  await page.screenshot(shot('admin'));
  await page.goto('/directory/services/new');
  await expect(page).toHaveURL(/not-allowed/);
});
