import type { Person } from '../core/contracts/people.ts';
import { uuidv7 } from '../core/uuid.ts';
import { type Account, createAccount, createTeam } from './support/api.ts';
import { apiAs, getJson, syncState, workerInTheField } from './support/fieldwork.ts';
import { expect, expectAccessible, serverState, test, unique } from './support/fixtures.ts';
import { heading, signIn } from './support/pages.ts';

/** A person of the team, made through the sync endpoint as a phone would. */
async function personOfTheTeam(account: Account, nickname: string): Promise<string> {
  const { api, csrf } = await apiAs(account);
  const id = uuidv7();
  const answer = await api.post('/api/sync', {
    data: { items: [{ id: uuidv7(), kind: 'person.create', entityId: id, payload: { nickname } }] },
    headers: { 'x-csrf-token': csrf },
  });
  expect(answer.status(), await answer.text()).toBe(200);
  await api.dispose();
  return id;
}

// Several sign-ins (argon2) and a full day of steps: a loaded CI machine needs more than 30 s.
test.describe.configure({ timeout: 60_000 });

test('two workers edit one person: the second sees the conflict and chooses; another team finds nothing', async ({
  page,
  browser,
}) => {
  const { team, worker } = await workerInTheField(page);
  const colleague = await createAccount('worker', [team.id]);
  const nickname = unique('Kiki');
  const personId = await personOfTheTeam(worker, nickname);

  const otherPhone = await browser.newContext({
    baseURL: serverState().url,
    viewport: { width: 390, height: 844 },
    serviceWorkers: 'block',
  });
  const second = await otherPhone.newPage();
  await signIn(second, colleague.email, colleague.password);
  await second.goto(`/people/${personId}`);
  await expect(heading(second, nickname)).toBeVisible();

  await page.goto(`/people/${personId}`);
  await expect(heading(page, nickname)).toBeVisible();
  await expect(page.getByText('Aucun consentement noté')).toBeVisible();
  await expect(page.getByLabel('Prénom')).toHaveCount(0);
  await expectAccessible(page);
  await page.getByLabel('Surnom').fill(`${nickname} du parc`);
  await page.getByRole('button', { name: 'Enregistrer', exact: true }).click();
  await expect(syncState(page)).toHaveText('À jour');
  await expect(heading(page, `${nickname} du parc`)).toBeVisible();

  // The colleague's page still shows the old version; their change meets the first one.
  await second.getByLabel('Surnom').fill(`${nickname} la grande`);
  await second.getByRole('button', { name: 'Enregistrer', exact: true }).click();
  const conflict = second.getByTestId('outbox-conflict');
  await expect(conflict).toBeVisible();
  await expect(conflict).toContainText(`Ma version : ${nickname} la grande`);
  await expect(conflict).toContainText(`Version enregistrée : ${nickname} du parc`);
  await expect(syncState(second)).toHaveText('1 à revoir');
  await expectAccessible(second);
  await conflict.getByRole('button', { name: 'Garder ma version' }).click();
  await expect(syncState(second)).toHaveText('À jour');
  await expect(heading(second, `${nickname} la grande`)).toBeVisible();
  await otherPhone.close();

  const { api } = await apiAs(worker);
  const person = await getJson<Person>(api, `/api/people/${personId}`);
  expect(person.nickname).toBe(`${nickname} la grande`);
  expect(person.version).toBe(3);
  await api.dispose();

  // A worker of another team: the person does not exist for them.
  const otherTeam = await createTeam();
  const stranger = await createAccount('worker', [otherTeam.id]);
  const strangerContext = await browser.newContext({ baseURL: serverState().url, serviceWorkers: 'block' });
  const strangerPage = await strangerContext.newPage();
  await signIn(strangerPage, stranger.email, stranger.password);
  await strangerPage.goto(`/people/${personId}`);
  await expect(heading(strangerPage, 'Fiche introuvable')).toBeVisible();
  await expect(strangerPage.getByText(nickname)).toHaveCount(0);
  await expectAccessible(strangerPage);
  await strangerContext.close();
});

test('a person: consent opens the identity fields, an anonymous contact is attached, a duplicate merged', async ({
  page,
}) => {
  const { worker } = await workerInTheField(page);
  const nickname = unique('Josée');
  const duplicate = unique('Josee bis');
  const personId = await personOfTheTeam(worker, nickname);
  await personOfTheTeam(worker, duplicate);

  // An anonymous contact, later recognised.
  await page.getByRole('link', { name: 'Contact rapide' }).click();
  await page.getByText('Revenu, budget', { exact: true }).click();
  await page.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(syncState(page)).toHaveText('À jour');

  await page.getByRole('link', { name: 'Usager·ères' }).click();
  await expect(heading(page, 'Usager·ères')).toBeVisible();
  await page.getByLabel('Chercher').fill(nickname);
  await expect(page.getByRole('link', { name: new RegExp(nickname) })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole('link', { name: new RegExp(nickname) }).click();
  await expect(heading(page, nickname)).toBeVisible();

  await page.getByRole('button', { name: 'Noter le consentement' }).click();
  await page.getByLabel('son identité et ses coordonnées').check();
  await page.getByLabel('Prénom').fill('Josée');
  await page.getByLabel('Téléphone').fill('819 555-0101');
  await page.getByRole('button', { name: 'Noter le consentement' }).click();
  await expect(page.getByText(/Consentement donné le .* : son identité et ses coordonnées\./)).toBeVisible();
  await expect(page.getByText('819 555-0101')).toBeVisible();
  await expectAccessible(page);

  await page.getByRole('button', { name: 'Voir mes contacts anonymes récents' }).click();
  await page
    .getByRole('button', { name: /^Rattacher le contact du/ })
    .first()
    .click();
  await expect(page.getByText('1 contact rattaché.')).toBeVisible();
  await expect(syncState(page)).toHaveText('À jour');

  await page.getByLabel('Chercher le doublon').fill(duplicate);
  await page.getByRole('button', { name: `Fusionner ${duplicate} dans cette fiche` }).click();
  const dialog = page.getByRole('dialog', { name: 'Fusionner les deux fiches ?' });
  await expect(dialog).toContainText(`Tous les contacts et rôles de « ${duplicate} » passent à « ${nickname} »`);
  await expectAccessible(page);
  await dialog.getByRole('button', { name: 'Oui, fusionner' }).click();
  await expect(page.getByText('Fiches fusionnées.')).toBeVisible();

  await page.reload();
  await expect(page.getByText('Parcours')).toBeVisible();
  await expect(page.getByText('Revenu, budget')).toBeVisible();

  const { api } = await apiAs(worker);
  const person = await getJson<Person>(api, `/api/people/${personId}`);
  expect(person.identity?.firstName).toBe('Josée');
  expect(person.encounterCount).toBe(1);
  await api.dispose();
});

test('a coordinator keeps the field lists', async ({ page }) => {
  const team = await createTeam();
  const coordinator = await createAccount('coordinator', [team.id]);
  await signIn(page, coordinator.email, coordinator.password);
  // On a phone the lists are one tap from the coordinator's home (the tabs hold the field's five).
  await page.getByRole('link', { name: 'Listes du terrain' }).click();
  await expect(heading(page, 'Listes du terrain')).toBeVisible();
  await page.getByLabel('Liste').selectOption('tallyKind');
  await expect(page.getByTestId('term').filter({ hasText: 'Salutation' })).toBeVisible();
  await expectAccessible(page);
  const code = `t${Date.now().toString(36)}`;
  await page.getByLabel('Code').fill(code);
  await page.getByLabel('Libellé en français').last().fill('Café offert');
  await page.getByLabel('Libellé en anglais').last().fill('Coffee offered');
  await page.getByRole('button', { name: 'Ajouter' }).click();
  const term = page.getByTestId('term').filter({ hasText: code });
  await expect(term).toContainText('Café offert');
  await term.getByRole('switch', { name: 'Proposé sur le terrain' }).click();
  await expect(term.getByRole('switch', { name: 'Proposé sur le terrain' })).not.toBeChecked();
});
