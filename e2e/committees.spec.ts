import type { Meeting } from '../core/contracts/committees.ts';
import { createAccount, createTeam } from './support/api.ts';
import { apiAs, getJson } from './support/fieldwork.ts';
import { expect, expectAccessible, test, unique } from './support/fixtures.ts';
import { heading, signIn } from './support/pages.ts';

test.describe.configure({ timeout: 60_000 });

test('minutes that name a known person, in other accents and case, are flagged while typing and refused until the name is removed', async ({
  page,
}) => {
  const team = await createTeam();
  const worker = await createAccount('worker', [team.id]);
  const { api, csrf } = await apiAs(worker);
  // A person the team knows by name (with consent), and a partner organisation of the directory.
  const person = await api.post('/api/people', {
    data: { nickname: unique('Mimi'), firstName: 'Marie-Ève', lastName: 'Tremblay', consent: { scope: 'identity' } },
    headers: { 'x-csrf-token': csrf },
  });
  expect(person.status(), await person.text()).toBe(201);
  const partner = unique('Maison de la famille');
  const actor = await api.post('/api/actors', {
    data: { kind: 'organisation', category: 'communityGroup', name: partner },
    headers: { 'x-csrf-token': csrf },
  });
  expect(actor.status(), await actor.text()).toBe(201);

  await signIn(page, worker.email, worker.password);
  await page.goto('/committees');
  await expect(heading(page, 'Comités de partenaires')).toBeVisible();
  await page.getByRole('button', { name: 'Nouveau comité' }).click();
  const form = page.getByRole('region', { name: 'Nouveau comité' });
  const name = unique('Table de concertation');
  await form.getByLabel('Nom du comité').fill(name);
  await form.getByRole('combobox', { name: 'Organismes membres' }).fill(partner.slice(0, 20));
  await page.getByRole('option', { name: partner }).click();
  await page.keyboard.press('Escape');
  await form.getByRole('button', { name: 'Créer le comité' }).click();
  await expect(heading(page, name)).toBeVisible();
  await expect(page.getByRole('link', { name: partner })).toBeVisible();
  await expectAccessible(page);

  await page.getByRole('link', { name: 'Nouvelle rencontre' }).click();
  await expect(heading(page, 'Nouvelle rencontre')).toBeVisible();
  await page.getByRole('textbox', { name: 'Point 1' }).fill('Tour de table');
  const minutes = page.getByRole('textbox', { name: 'Compte rendu' });
  await minutes.fill(
    'Retour sur la situation de MARIE-EVE tremblay : logement insalubre, on propose un accompagnement.',
  );

  // Flagged while typing, without the browser ever holding the team's names.
  const flag = page.getByTestId('nominative-flag');
  await expect(flag).toHaveCount(1);
  await expect(flag).toContainText('MARIE-EVE tremblay');
  await expectAccessible(page);

  // Saving anyway is refused, and the refusal shows under the minutes.
  await page.getByRole('button', { name: 'Enregistrer la rencontre' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'Pas enregistrée' })).toBeVisible();
  await expect(
    page.getByText('« MARIE-EVE tremblay » : le nom d’une personne connue de l’équipe, à retirer.'),
  ).toBeVisible();

  // One tap removes it; the save then succeeds.
  await page.getByRole('button', { name: 'Retirer « MARIE-EVE tremblay » du texte' }).click();
  await expect(minutes).toHaveValue('Retour sur la situation de : logement insalubre, on propose un accompagnement.');
  await expect(flag).toHaveCount(0);
  await expect(
    page.getByText('« MARIE-EVE tremblay » : le nom d’une personne connue de l’équipe, à retirer.'),
  ).toHaveCount(0);

  // A situation told without a name, but with a number to call back: flagged, and never "not a name".
  await page.getByRole('button', { name: 'Ajouter une situation' }).click();
  const summary = page.getByRole('textbox', { name: 'La situation, sans nom' });
  await summary.fill('Une mère seule, trois enfants, loyer en retard ; rappeler au 819 555-0142.');
  await expect(flag).toHaveCount(1);
  await expect(flag).toContainText('ressemble à un numéro de téléphone');
  await expect(flag.getByRole('button', { name: /Ce n’est pas un nom/ })).toHaveCount(0);
  await page.getByRole('textbox', { name: 'Ce qui a été proposé' }).fill('Accompagnement à la Régie du logement.');
  await flag.getByRole('button', { name: /^Retirer/ }).click();
  await expect(summary).toHaveValue('Une mère seule, trois enfants, loyer en retard ; rappeler au.');
  await expect(flag).toHaveCount(0);

  // A follow-up carried by a member organisation, never by a person.
  await page.getByRole('button', { name: 'Ajouter un suivi' }).click();
  await page.getByRole('textbox', { name: 'Quoi' }).fill('Vérifier les places en halte-garderie');
  await page.getByLabel('Porté par').selectOption({ label: partner });
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Enregistrer la rencontre' }).click();
  await expect(page.getByText('Rencontre enregistrée.')).toBeVisible();
  await expect(heading(page, /^Rencontre du /)).toBeVisible();

  const meetingId = page.url().split('/').at(-1);
  const meeting = await getJson<Meeting>(api, `/api/committee-meetings/${meetingId}`);
  expect(meeting.minutes).not.toMatch(/tremblay/i);
  expect(meeting.agenda).toEqual(['Tour de table']);
  expect(meeting.situations[0]?.summary).not.toMatch(/555/);
  expect(meeting.followUps[0]?.actorId).toBe((await actor.json()).id);
  await page.goto('/committees');
  await api.dispose();
});
