import { signedInApi } from './support/api.ts';
import { expect, expectAccessible, test } from './support/fixtures.ts';
import { neighbourhoodWithEncounters, send } from './support/neighbourhood.ts';
import { heading, signIn } from './support/pages.ts';

// Sign-ins (argon2), a detection and many saves: a loaded machine needs more than 30 s.
test.describe.configure({ timeout: 120_000 });

const shot = (name: string) => ({ path: `/tmp/projects-${name}.png`, fullPage: true });

/**
 * A team with a neighbourhood where isolation keeps coming back in the encounters (detected as a
 * signal), and a person the team knows by a nickname.
 */
async function neighbourhoodWithASignal() {
  const { neighbourhoodName, coordinator, worker, asWorker } = await neighbourhoodWithEncounters(10, () => [
    'isolation',
  ]);
  await send(asWorker, '/api/people', { nickname: 'Grand Momo', languages: ['fr'] });
  await asWorker.api.dispose();
  const asCoordinator = await signedInApi(coordinator.email, coordinator.password);
  await send(
    asCoordinator,
    '/api/need-signal-settings',
    { windowDays: 90, minEncounters: 10, minPeople: 0, minRisePercent: null },
    'patch',
  );
  await send(asCoordinator, '/api/need-signals/detect', {});
  await asCoordinator.api.dispose();
  return { neighbourhoodName, worker };
}

test('a worker starts a community project, links a need, moves it through its stages, raises citizen ownership and writes a decision without a name', async ({
  page,
}) => {
  const { neighbourhoodName, worker } = await neighbourhoodWithASignal();
  await signIn(page, worker.email, worker.password);

  await page.goto('/projects');
  await expect(heading(page, 'Projets communautaires')).toBeVisible();
  await expect(page.getByText('Aucun projet pour l’instant')).toBeVisible();
  await page.getByRole('button', { name: 'Nouveau projet' }).click();
  const form = page.getByRole('dialog', { name: 'Nouveau projet' });
  await form.getByLabel('Nom du projet').fill('Café Partage');
  await form.getByLabel('L’enjeu, dans les mots du quartier').fill('Des aînés isolés qui ne sortent plus l’hiver.');
  await form.getByLabel('Quartier', { exact: true }).selectOption({ label: neighbourhoodName });
  await expect(form.getByLabel('Approche')).toHaveValue('sociocommunity');
  await form.getByRole('button', { name: 'Créer le projet' }).click();

  await expect(heading(page, 'Café Partage')).toBeVisible();
  await expect(page.getByText('Porté par l’équipe').first()).toBeVisible();

  // The issue in the citizens' own words, as they come to put it.
  await page.getByRole('button', { name: 'Modifier le nom, l’enjeu, l’approche' }).click();
  const edit = page.getByRole('dialog', { name: 'Modifier le nom, l’enjeu, l’approche' });
  await edit
    .getByLabel('L’enjeu, dans les mots du quartier')
    .fill('Des aînés seuls l’hiver, qui veulent un lieu à eux.');
  await edit.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(edit).toBeHidden();
  await expect(page.getByText('Des aînés seuls l’hiver, qui veulent un lieu à eux.')).toBeVisible();

  // What it answers: the recurring need detected in the neighbourhood.
  await page.getByLabel('Lier un besoin').selectOption({ label: 'Isolement' });
  await page.getByRole('button', { name: 'Lier un besoin' }).click();
  await expect(page.getByRole('button', { name: 'Retirer : Isolement' })).toBeVisible();

  // A citizen of the team takes part: she started it.
  await page.getByRole('combobox', { name: 'Personne', exact: true }).fill('Grand');
  await page.getByRole('option', { name: 'Grand Momo' }).click();
  await page.getByRole('combobox', { name: 'Rôle' }).first().selectOption({ label: 'À l’origine du projet' });
  await page.getByRole('button', { name: 'Ajouter un citoyen' }).click();
  await expect(page.getByRole('link', { name: 'Grand Momo' })).toBeVisible();
  await expect(page.getByText(/À l’origine du projet · depuis le/)).toBeVisible();

  // A milestone for now, then through the stages, one big button each time.
  await page.getByLabel('Jalon', { exact: true }).fill('Première rencontre au local');
  await page.getByRole('button', { name: 'Ajouter un jalon' }).click();
  await expect(page.getByText(/Première rencontre au local — prévu le/)).toBeVisible();
  await page.getByText(/Première rencontre au local — prévu le/).click();
  await expect(page.getByText(/Première rencontre au local — atteint le/)).toBeVisible();

  await page.getByLabel('Ce qui a mené à cette étape (facultatif)').fill('Douze personnes à la première rencontre.');
  await page.getByRole('button', { name: 'Passer à l’étape suivante\u00a0: Mobilisation' }).click();
  for (const stage of ['Planification', 'Action']) {
    const next = page.getByRole('button', { name: `Passer à l’étape suivante\u00a0: ${stage}` });
    await expect(next).toBeVisible();
    await next.click();
  }
  await expect(page.getByRole('button', { name: 'Passer à l’étape suivante\u00a0: Évaluation' })).toBeVisible();

  // Citizens take it over: the ownership rises and the chart draws the step.
  await page.getByLabel('Niveau d’appropriation').selectOption({ label: 'Co-porté' });
  await page.getByRole('button', { name: 'Enregistrer le nouveau niveau' }).click();
  await expect(page.getByRole('img', { name: /Appropriation citoyenne dans le temps.*Co-porté/ })).toBeVisible();

  // A decision naming a known person is refused, flagged on the text; without the name it is kept.
  await page.getByLabel('Texte').fill('Grand Momo tiendra la caisse le mardi.');
  await page.getByRole('button', { name: 'Ajouter au journal' }).click();
  await expect(page.getByText(/« Grand Momo » : le surnom d’une personne connue de l’équipe/)).toBeVisible();
  // A word that is a nickname but not about anyone could be confirmed; this one is about someone.
  await expect(page.getByRole('checkbox', { name: '« Grand Momo » ne désigne personne ici' })).toBeVisible();
  await page.getByLabel('Texte').scrollIntoViewIfNeeded();
  await page.screenshot({ path: '/tmp/projects-refused.png' });
  await page.getByLabel('Texte').fill('Le café ouvrira le mardi matin, deux bénévoles par séance.');
  await page.getByRole('button', { name: 'Ajouter au journal' }).click();
  await expect(page.getByText('Le café ouvrira le mardi matin, deux bénévoles par séance.')).toBeVisible();
  await page.screenshot(shot('project'));
  await expectAccessible(page);

  // The list says where it stands at a glance.
  await page.goto('/projects');
  await expect(page.getByRole('link', { name: 'Café Partage' })).toBeVisible();
  await expect(page.getByText('Étape 4 sur 6')).toBeVisible();
  await expect(page.getByText('Co-porté')).toBeVisible();
  await page.screenshot(shot('list'));
  await expectAccessible(page);
});
