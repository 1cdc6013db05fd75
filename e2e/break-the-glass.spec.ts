import { createAccount, createTeam, signedInApi } from './support/api.ts';
import { expect, expectAccessible, test, unique } from './support/fixtures.ts';
import { heading, signIn, signOut } from './support/pages.ts';

// Three accounts and two sign-ins (argon2) on a loaded machine.
test.describe.configure({ timeout: 150_000 });

const shot = (name: string) => ({ path: `/tmp/break-glass-${name}.png`, fullPage: true });

test('a worker of another team breaks the glass to read a note, and the team’s coordinator sees it on their day and in the person’s access history, then revokes it', async ({
  page,
}) => {
  const [parc, gare] = [await createTeam(unique('Équipe du parc')), await createTeam(unique('Équipe de la gare'))];
  const [ana, coordinator, bruno] = [
    await createAccount('worker', [parc.id]),
    await createAccount('coordinator', [parc.id]),
    await createAccount('worker', [gare.id]),
  ];

  // Team A knows Ousmane, and Ana wrote a confidential note at their last encounter.
  const nickname = unique('Ousmane');
  const asAna = await signedInApi(ana.email, ana.password);
  const person = await (
    await asAna.api.post('/api/people', { data: { nickname }, headers: { 'x-csrf-token': asAna.csrf } })
  ).json();
  const met = await asAna.api.post('/api/encounters', {
    data: { personId: person.id, needs: ['food'], note: 'Dort sous le pont depuis mardi, a peur d’être expulsé.' },
    headers: { 'x-csrf-token': asAna.csrf },
  });
  expect(met.status(), await met.text()).toBe(201);
  await asAna.api.dispose();

  // Bruno, at the station, does not find him among his team's people: he breaks the glass.
  await signIn(page, bruno.email, bruno.password);
  await page.goto('/people');
  await page.getByRole('searchbox', { name: 'Chercher' }).fill(nickname);
  await page.getByRole('link', { name: 'Personne suivie par une autre équipe ?' }).click();
  await expect(heading(page, 'Accès exceptionnel à une fiche')).toBeVisible();
  await page.getByRole('textbox', { name: 'Pourquoi devez-vous ouvrir cette fiche ?' }).fill('court');
  await page.getByLabel('Surnom ou nom').fill(nickname);
  await page.getByRole('button', { name: 'Chercher' }).click();
  await expect(page.getByText(/Expliquez en quelques mots pourquoi/)).toBeVisible();
  await page
    .getByRole('textbox', { name: 'Pourquoi devez-vous ouvrir cette fiche ?' })
    .fill('Il est venu à la permanence de la gare, il parle d’expulsion');
  await page.getByRole('button', { name: 'Chercher' }).click();
  await expect(page.getByText(`Équipe : ${parc.name}`)).toBeVisible();
  await page.screenshot(shot('1-search'));
  await expectAccessible(page);
  await page.getByRole('button', { name: `Ouvrir la fiche de ${nickname}` }).click();

  await expect(heading(page, nickname)).toBeVisible();
  await expect(page.getByText(/Accès exceptionnel, en lecture seule, jusqu’à/).first()).toBeVisible();
  await page.getByRole('button', { name: 'Lire la note confidentielle' }).click();
  await expect(page.getByTestId('confidential-note')).toHaveText(
    'Dort sous le pont depuis mardi, a peur d’être expulsé.',
  );
  await page.screenshot(shot('2-granted'));
  await expectAccessible(page);
  await signOut(page);

  // The coordinator of team A sees it on their day, then in Ousmane's access history.
  await signIn(page, coordinator.email, coordinator.password);
  const live = page.getByTestId('access-grant').filter({ hasText: nickname });
  await expect(live).toContainText(`${bruno.name} a ouvert la fiche de ${nickname} jusqu’à`);
  await expect(live).toContainText('Raison : Il est venu à la permanence de la gare');
  await page.screenshot(shot('3-coordinator-day'));
  await page.goto(`/people/${person.id}`);
  await page.getByRole('link', { name: 'Historique des accès' }).click();
  await expect(heading(page, `Historique des accès — ${nickname}`)).toBeVisible();
  await expect(page.getByText('Consultation (accès exceptionnel)').first()).toBeVisible();
  await expect(page.getByText('Note confidentielle').first()).toBeVisible();
  await page.screenshot(shot('4-history'));
  await expectAccessible(page);
  await page.getByRole('button', { name: `Révoquer l’accès de ${bruno.name}` }).click();
  await expect(page.getByTestId('access-grant').first()).toContainText(`Révoqué par ${coordinator.name}`);

  // The same entries in the team's log, with an export of what is shown.
  await page.goto(`/audit?breakGlass=true&personId=${person.id}`);
  await expect(heading(page, "Journal d'audit")).toBeVisible();
  await expect(page.getByRole('listitem').filter({ hasText: 'Accès exceptionnel fermé' })).toHaveCount(1);
  await expect(page.getByRole('link', { name: 'Exporter (CSV)' })).toHaveAttribute(
    'href',
    /export\.csv\?.*breakGlass=true/,
  );
  await page.screenshot(shot('5-log'));
  await expectAccessible(page);

  // Revoked: Bruno's next reading is refused at once.
  const asBruno = await signedInApi(bruno.email, bruno.password);
  expect((await asBruno.api.get(`/api/people/${person.id}`)).status()).toBe(404);
  await asBruno.api.dispose();
});
