import path from 'node:path';
import type { Page } from '@playwright/test';
import { createAccount, createTeam, signedInApi } from './support/api.ts';
import { apiAs } from './support/fieldwork.ts';
import { adminPassword, expect, expectAccessible, serverState, test, unique } from './support/fixtures.ts';
import { heading, signIn } from './support/pages.ts';

// Sign-in (argon2), two imports, a ranking and a map drawn in software WebGL: more than 30 s.
test.describe.configure({ timeout: 150_000 });

const fixture = (name: string) => path.join(import.meta.dirname, 'fixtures', name);
const shot = (name: string) => ({ path: `/tmp/territory-${name}.png`, fullPage: true });

/** The map is drawn (WebGL) and has settled; its canvas, centre point for taps. */
async function mapReady(page: Page) {
  const map = page.getByTestId('territory-map');
  await expect(map).toHaveAttribute('data-map-state', 'ready', { timeout: 30_000 });
  return map;
}

async function tapMapCentre(page: Page) {
  const box = await (await mapReady(page)).boundingBox();
  if (!box) throw new Error('the map has no box');
  await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
}

async function noHorizontalScroll(page: Page) {
  const overflow = Number(await page.evaluate('document.documentElement.scrollWidth - window.innerWidth'));
  expect(overflow, `horizontal scroll on ${page.url()}`).toBeLessThanOrEqual(0);
}

/** A team with a neighbourhood, its coordinator signed in. */
async function coordinatorOfANeighbourhood(page: Page) {
  const team = await createTeam();
  const admin = await signedInApi(serverState().adminEmail, adminPassword);
  const name = unique('Cureghem');
  const created = await admin.api.post('/api/neighbourhoods', {
    data: { name, code: unique('q').toLowerCase(), teamId: team.id },
    headers: { 'x-csrf-token': admin.csrf },
  });
  expect(created.status(), await created.text()).toBe(201);
  const neighbourhoodId = (await created.json()).id as string;
  await admin.api.dispose();
  const coordinator = await createAccount('coordinator', [team.id]);
  await signIn(page, coordinator.email, coordinator.password);
  return { team, coordinator, neighbourhood: { id: neighbourhoodId, name } };
}

test('a coordinator imports sectors in Lambert 72 and indicators, reads the choropleth, ranks sectors and draws a neighbourhood', async ({
  page,
}) => {
  // The map (its chunk, its worker, its WebGL) must live within the server's CSP: no refusal logged.
  const refused: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error' && /Content Security Policy|Refused to/i.test(message.text()))
      refused.push(message.text());
  });
  const { neighbourhood } = await coordinatorOfANeighbourhood(page);

  // A broken file first: refused with the feature and the reason, nothing imported.
  await page.goto('/territory/imports');
  await expect(heading(page, 'Importer secteurs et indicateurs')).toBeVisible();
  const sectorsCard = page.getByRole('region', { name: 'Secteurs statistiques (GeoJSON)' });
  await sectorsCard.locator('input[type="file"]').setInputFiles(fixture('sectors-unclosed.geojson'));
  await sectorsCard.getByRole('button', { name: 'Vérifier le fichier' }).click();
  const refusal = sectorsCard.getByRole('alert');
  await expect(refusal).toContainText('Le fichier de secteurs est refusé : rien n’a été importé.');
  await expect(refusal).toContainText('Secteur n° 2 du fichier');
  await expect(refusal).toContainText('n’est pas fermé');
  await expect(sectorsCard.getByRole('button', { name: /^Importer/ })).toHaveCount(0);
  await page.screenshot(shot('import-refused'));

  // The real file: the dry run says what it will do and which projection it read.
  await sectorsCard.locator('input[type="file"]').setInputFiles(fixture('sectors-lambert72.geojson'));
  await sectorsCard.getByRole('button', { name: 'Vérifier le fichier' }).click();
  const plan = sectorsCard.getByTestId('sector-plan');
  await expect(plan).toContainText('6 secteurs seront créés');
  await expect(plan).toContainText('Lambert belge 72 (EPSG:31370)');
  await expect(plan).toContainText('Code lu dans « CD_SECTOR »');
  await expectAccessible(page);
  await sectorsCard.getByRole('button', { name: 'Importer 6 secteurs' }).click();
  await expect(sectorsCard.getByRole('status')).toContainText('6 secteurs créés');

  const indicatorsCard = page.getByRole('region', { name: 'Tableau d’indicateurs (CSV)' });
  await indicatorsCard.locator('input[type="file"]').setInputFiles(fixture('indicators-2021.csv'));
  await indicatorsCard.getByRole('button', { name: 'Vérifier le fichier' }).click();
  await expect(indicatorsCard.getByTestId('indicator-plan')).toContainText('18 valeurs seront ajoutées');
  await indicatorsCard.getByRole('button', { name: 'Importer 18 valeurs' }).click();
  await expect(indicatorsCard.getByRole('status')).toContainText('18 valeurs ajoutées');
  await page.screenshot(shot('imports-done'));
  await noHorizontalScroll(page);

  // The choropleth: median income 2021 in classes with their numbers; the neediest sector first.
  await page.getByRole('link', { name: 'Carte' }).click();
  await expect(heading(page, 'Territoire')).toBeVisible();
  await page.getByLabel('Indicateur').selectOption({ label: 'Revenu médian' });
  await expect(page.getByLabel('Année')).toHaveValue('2021');
  await mapReady(page);
  await expect(page.getByText('Plus la couleur est foncée, plus la valeur est basse (plus de besoins).')).toBeVisible();
  await expect(page.getByText('Légende (en $)')).toBeVisible();
  const list = page.getByTestId('sector-list');
  await expect(list.getByRole('button').first()).toContainText('21099E03');
  await list.getByRole('button', { name: /21099E05/ }).click();
  const details = page.getByTestId('sector-details');
  await expect(details).toContainText('Secteur 21099E05');
  await expect(details).toContainText('Revenu médian (2021)');
  await expect(details).toContainText('41 000 $');
  await page.screenshot(shot('choropleth'));
  await expectAccessible(page);
  await noHorizontalScroll(page);

  // Seed 004: rank on income and diabetes, a zone of 20 000 to 30 000 people, made the neighbourhood.
  await page.getByRole('link', { name: /Choisir un quartier/ }).click();
  await expect(heading(page, 'Choisir un quartier')).toBeVisible();
  await expect(page.getByLabel('Au moins (habitants)')).toHaveValue('20 000');
  await page.getByRole('button', { name: 'Classer les secteurs' }).click();
  const result = page.getByTestId('ranking-result');
  await expect(result.getByRole('status').first()).toContainText('La zone atteint la population cible.');
  await expect(result.getByRole('listitem').first()).toContainText('1. 21099E03');
  await mapReady(page);
  await page.screenshot(shot('ranking'));
  await expectAccessible(page);
  await noHorizontalScroll(page);
  await result.getByRole('button', { name: 'Remplacer ses secteurs par la zone' }).click();
  await expect(result.getByText(/compte maintenant \d+ secteurs/)).toBeVisible();
  await result.getByRole('link', { name: `Voir « ${neighbourhood.name} »` }).click();

  // The neighbourhood: its outline saved; a tap on the map changes its sectors; borders noted.
  await expect(heading(page, `Territoire : ${neighbourhood.name}`)).toBeVisible();
  const summary = page.getByTestId('neighbourhood-summary');
  await expect(summary).toContainText(/\d+ secteurs · superficie/);
  const before = await summary.textContent();
  await tapMapCentre(page);
  await expect(summary).not.toHaveText(before ?? '');
  await page.getByLabel('Frontières réelles').fill('Le canal au nord, la voie ferrée à l’est.');
  await page.getByLabel('Frontières symboliques').fill('Les jeunes ne traversent pas la chaussée de Mons.');
  await page.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Enregistré' })).toBeVisible();
  await page.screenshot(shot('neighbourhood'));
  await expectAccessible(page);
  await noHorizontalScroll(page);

  // Someone else saved meanwhile: the next save is refused with the current version offered.
  const own = await signedInApi(serverState().adminEmail, adminPassword);
  const changed = await own.api.patch(`/api/territory/neighbourhoods/${neighbourhood.id}`, {
    data: { realBorders: 'Changé par quelqu’un d’autre' },
    headers: { 'x-csrf-token': own.csrf },
  });
  expect(changed.status(), await changed.text()).toBe(200);
  await own.api.dispose();
  await page.getByLabel('Frontières réelles').fill('Le canal au nord.');
  await page.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(page.getByRole('alert')).toContainText('Quelqu’un a modifié cette fiche entre-temps');
  await page.getByRole('button', { name: /Voir la version actuelle/ }).click();
  await expect(page.getByLabel('Frontières réelles')).toHaveValue('Changé par quelqu’un d’autre');

  // Back on the map, a tap inside the neighbourhood reads that sector.
  await page.goto('/territory');
  await tapMapCentre(page);
  await expect(page.getByTestId('sector-details')).toContainText('Secteur 21099E0');
  expect(refused).toEqual([]);
});

test('a coordinator adds a place by tapping the map and reads where no one has gone lately', async ({ page }) => {
  const { coordinator, neighbourhood } = await coordinatorOfANeighbourhood(page);
  // A market visited today, through the API as the coordinator.
  const as = await apiAs(coordinator);
  const market = unique('Marché du Midi');
  const placed = await as.api.post('/api/places', {
    data: { name: market, kind: 'market', location: { latitude: 50.835, longitude: 4.335 } },
    headers: { 'x-csrf-token': as.csrf },
  });
  expect(placed.status(), await placed.text()).toBe(201);
  const session = await as.api.post('/api/sessions', {
    data: { kind: 'placePresence', placeId: (await placed.json()).id },
    headers: { 'x-csrf-token': as.csrf },
  });
  expect(session.status(), await session.text()).toBe(201);
  await as.api.dispose();

  await page.goto('/territory/places');
  await expect(heading(page, 'Lieux')).toBeVisible();
  await expect(page.getByText(market)).toBeVisible();
  await page.getByRole('button', { name: 'Ajouter un lieu' }).click();
  await tapMapCentre(page);
  await expect(page.getByLabel('Latitude')).not.toHaveValue('');
  await expect(page.getByLabel('Longitude')).not.toHaveValue('');
  const park = unique('Parc de la Rosée');
  await page.getByLabel('Nom du lieu').fill(park);
  await page.getByLabel('Type de lieu').selectOption({ label: 'Parc' });
  await page.getByLabel('Repère (facultatif)').fill('côté nord, près des jeux');
  await page.screenshot(shot('place-form'));
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Ajouter le lieu' }).click();
  const parkItem = page.getByRole('listitem').filter({ hasText: park });
  await expect(parkItem).toContainText('côté nord, près des jeux');
  await expect(parkItem).not.toContainText('pas encore sur la carte');
  await noHorizontalScroll(page);

  // Coverage: the market visited today, the new park never.
  await page.getByRole('link', { name: 'Lieux et présence' }).click();
  await expect(heading(page, 'Lieux et présence')).toBeVisible();
  await expect(page.getByTestId('coverage-total')).toContainText('1 tournée');
  const forgotten = page.getByTestId('forgotten');
  await expect(forgotten.getByRole('heading')).toHaveText('Personne n’y est allé depuis plus de 30 jours');
  await expect(forgotten.getByRole('listitem').filter({ hasText: park })).toContainText('Jamais visité');
  const visited = page.getByTestId('visited').getByRole('listitem').filter({ hasText: market });
  await expect(visited).toContainText('1 tournée · 0 contact');
  await expect(visited).toContainText('Dernier passage : aujourd’hui');
  await mapReady(page);
  await page.locator('label').filter({ hasText: 'Cette année' }).click();
  await expect(page.getByText(/^Du 1 janv\./)).toBeVisible();
  await page.screenshot(shot('coverage'));
  // By neighbourhood: the team's neighbourhood has no place of its own yet, so no one has gone there.
  await page.locator('label').filter({ hasText: 'Par quartier' }).click();
  await expect(forgotten.getByRole('listitem').filter({ hasText: neighbourhood.name })).toContainText('Jamais visité');
  await expect(page.getByTestId('visited')).toContainText('Lieux sans quartier précisé');
  await expectAccessible(page);
  await noHorizontalScroll(page);

  // Retiring a place keeps it out of the list unless asked for.
  await page.getByRole('link', { name: 'Gérer les lieux' }).click();
  await page.getByRole('button', { name: `Retirer « ${park} »` }).click();
  await expect(page.getByText(park)).toHaveCount(0);
  await page.getByLabel('Voir aussi les lieux retirés').check({ force: true });
  await expect(page.getByRole('listitem').filter({ hasText: park })).toContainText('retiré');
});

test('without WebGL a worker still reads the sectors as a list, with a short message instead of the map', async ({
  page,
}) => {
  const team = await createTeam();
  const coordinator = await createAccount('coordinator', [team.id]);
  const worker = await createAccount('worker', [team.id]);
  // Two sectors far from the other journeys' (Sherbrooke), under codes no other test uses.
  const code = unique('QC').replaceAll('-', '');
  const square = (k: number) => {
    const x = -71.9 + k * 0.01;
    return [
      [
        [x, 45.39],
        [x + 0.01, 45.39],
        [x + 0.01, 45.4],
        [x, 45.4],
        [x, 45.39],
      ],
    ];
  };
  const as = await apiAs(coordinator);
  const imported = await as.api.post('/api/territory/sectors/import', {
    data: {
      geojson: {
        type: 'FeatureCollection',
        features: [1, 2].map((k) => ({
          type: 'Feature',
          properties: { code: `${code}${k}`, nom: `Aire ${k}` },
          geometry: { type: 'Polygon', coordinates: square(k) },
        })),
      },
    },
    headers: { 'x-csrf-token': as.csrf },
  });
  expect(imported.status(), await imported.text()).toBe(200);
  await as.api.dispose();

  // This browser has no WebGL.
  await page.addInitScript({
    content: `(() => {
      const original = HTMLCanvasElement.prototype.getContext;
      HTMLCanvasElement.prototype.getContext = function (type, ...rest) {
        return String(type).startsWith('webgl') ? null : original.call(this, type, ...rest);
      };
    })();`,
  });
  await signIn(page, worker.email, worker.password);
  await page.goto('/territory');
  await expect(heading(page, 'Territoire')).toBeVisible();
  await expect(page.getByTestId('map-unavailable')).toContainText('Ce navigateur ne peut pas afficher la carte');
  await expect(page.getByTestId('territory-map')).toHaveCount(0);
  await page
    .getByTestId('sector-list')
    .getByRole('button', { name: new RegExp(`${code}2`) })
    .click();
  await expect(page.getByTestId('sector-details')).toContainText(`Secteur ${code}2`);
  await expect(page.getByTestId('sector-details')).toContainText('Aire 2');
  await page.screenshot(shot('no-webgl'));
  await expectAccessible(page);
  // Workers read the ranking, but neither import nor draw.
  await expect(page.getByRole('link', { name: 'Importer' })).toHaveCount(0);
  await page.goto('/territory/imports');
  await expect(page).toHaveURL(/not-allowed/);
});
