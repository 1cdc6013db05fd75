import type { Referral } from '../core/contracts/referrals.ts';
import { createAccount } from './support/api.ts';
import { apiAs, getJson, workerInTheField } from './support/fieldwork.ts';
import { expect, expectAccessible, test } from './support/fixtures.ts';
import { heading } from './support/pages.ts';
import { createPerson, createReferral, createService, readReferral } from './support/referrals.ts';

// Several sign-ins (argon2) and a whole follow-up per test: a loaded machine needs more than 30 s.
test.describe.configure({ timeout: 90_000 });

const shot = (name: string) => ({ path: `/tmp/referrals-${name}.png`, fullPage: true });
const slipPattern = /^R-[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{2}$/;

test('a quick contact becomes a referral in a few taps, with its slip number and a printable slip', async ({
  page,
}) => {
  const { worker } = await workerInTheField(page);
  const as = await apiAs(worker);
  const service = await createService(as, { needs: ['housing'] });

  await page.getByRole('link', { name: 'Contact rapide' }).click();
  await expect(heading(page, 'Contact rapide')).toBeVisible();
  await page.getByText('Logement', { exact: true }).click();
  await page.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(page.getByTestId('contact-saved')).toBeVisible();

  await page.getByRole('link', { name: 'Orienter' }).click();
  await expect(heading(page, 'Orienter')).toBeVisible();
  await expect(page.getByText('Pour Contact anonyme')).toBeVisible();
  // The contact's need is ticked; the directory offers the service for it.
  await expect(page.getByRole('checkbox', { name: 'Logement' })).toBeChecked();
  // Nothing is shared by default; an anonymous contact has no name or phone to share.
  await expect(page.getByRole('checkbox', { name: 'Sa situation, en quelques mots' })).not.toBeChecked();
  await expect(page.getByRole('checkbox', { name: 'Son nom' })).toHaveCount(0);
  await page.getByRole('radio', { name: new RegExp(service.name) }).click();
  await expect(page.getByTestId('chosen-service')).toContainText(service.name);
  await page.screenshot(shot('refer'));
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Enregistrer l’orientation' }).click();

  await expect(heading(page, service.name)).toBeVisible();
  await expect(page.getByTestId('slip-number')).toHaveText(slipPattern);
  const slipNumber = (await page.getByTestId('slip-number').textContent()) ?? '';
  await expect(page.getByTestId('referral-status')).toHaveText('Proposée');
  await page.screenshot(shot('referral'));
  await expectAccessible(page);

  // Reached the server once, tied to the contact.
  const list = await getJson<{ items: Referral[] }>(as.api, '/api/referrals?mine=true');
  expect(list.items).toHaveLength(1);
  expect(list.items[0]?.slipNumber).toBe(slipNumber);
  expect(list.items[0]?.encounterId).not.toBeNull();
  expect(list.items[0]?.sharedItems).toEqual([]);

  await page.getByRole('link', { name: 'Fiche de liaison à imprimer' }).click();
  await expect(page.getByTestId('slip-sheet-number')).toHaveText(slipNumber);
  await expect(page.getByTestId('referral-slip')).toContainText(service.name);
  await expect(page.getByTestId('referral-slip')).toContainText('Fiche de liaison');
  await expect(page.getByTestId('referral-slip')).toContainText('Preuve de revenu');
  await page.screenshot(shot('slip-fr'));
  await expectAccessible(page);
  await page.getByText('English', { exact: true }).click();
  await expect(page.getByTestId('referral-slip')).toContainText('Referral slip');
  await expect(page.getByTestId('referral-slip')).toContainText('Documents to bring');
  await expect(page.getByTestId('slip-sheet-number')).toHaveText(slipNumber);
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByRole('button', { name: 'Imprimer' })).toBeHidden();
  await page.screenshot(shot('slip-en-print'));
  await as.api.dispose();
});

test('referrals followed to each outcome: connected, failed with a reason, refused by the partner, expired by the sweep', async ({
  page,
}) => {
  const { team, worker } = await workerInTheField(page);
  const as = await apiAs(worker);
  const service = await createService(as, { needs: ['housing', 'food'] });
  const person = await createPerson(as);
  const toConnect = await createReferral(as, { serviceId: service.id, personId: person.id, status: 'proposed' });
  const toFail = await createReferral(as, { serviceId: service.id, personId: person.id, madeDaysAgo: 3 });
  const toRefuse = await createReferral(as, { serviceId: service.id, madeDaysAgo: 2 });

  // Connected, one allowed move at a time.
  await page.goto(`/referrals/${toConnect.id}`);
  await expect(heading(page, service.name)).toBeVisible();
  const moves = page.getByRole('region', { name: 'Où en est-elle ?' });
  await expect(moves.getByRole('button')).toHaveText([
    'Transmise au service',
    'Acceptée par le service',
    'Refusée',
    'Accrochée',
    'N’a pas abouti',
  ]);
  await moves.getByRole('button', { name: 'Transmise au service' }).click();
  await moves.getByRole('button', { name: 'Noter : Transmise' }).click();
  await expect(page.getByTestId('referral-status')).toHaveText('Transmise');
  await moves.getByRole('button', { name: 'Acceptée par le service' }).click();
  await moves.getByRole('button', { name: 'Noter : Acceptée' }).click();
  await expect(page.getByTestId('referral-status')).toHaveText('Acceptée');
  // From accepted: connected or failed only.
  await expect(moves.getByRole('button')).toHaveText(['Accrochée', 'N’a pas abouti']);
  await moves.getByRole('button', { name: 'Accrochée' }).click();
  await moves.getByLabel('Précision (facultatif)').fill('Premier rendez-vous pris, elle y est allée.');
  await moves.getByRole('button', { name: 'Noter : Accrochée' }).click();
  await expect(page.getByTestId('referral-status')).toHaveText('Accrochée');
  await expect(page.getByText('L’orientation est close : son résultat est noté.')).toBeVisible();
  const history = page.getByTestId('referral-history');
  await expect(history).toContainText('Proposée');
  await expect(history).toContainText('Transmise');
  await expect(history).toContainText('Acceptée');
  await expect(history).toContainText('Premier rendez-vous pris');
  await page.screenshot(shot('connected'));
  expect((await readReferral(as, toConnect.id)).status).toBe('connected');

  // Failed: the reason is asked for, from the list.
  await page.goto(`/referrals/${toFail.id}`);
  await moves.getByRole('button', { name: 'N’a pas abouti' }).click();
  await moves.getByRole('button', { name: 'Noter : Échec' }).click();
  await expect(moves.getByText('Choisissez la raison.')).toBeVisible();
  await moves.getByText('Liste d’attente', { exact: true }).click();
  await page.screenshot(shot('fail-reason'));
  await moves.getByRole('button', { name: 'Noter : Échec' }).click();
  await expect(page.getByTestId('referral-status')).toHaveText('Échec');
  await expect(history).toContainText('Liste d’attente');
  const failed = await readReferral(as, toFail.id);
  expect(failed.status).toBe('failed');
  expect(failed.failureReason).toBe('waitingList');

  // The partner does not use Relais: first their words only, then their refusal.
  await page.goto(`/referrals/${toRefuse.id}`);
  const partner = page.getByRole('region', { name: 'Réponse du partenaire' });
  await partner.getByRole('button', { name: 'Noter sa réponse' }).click();
  await partner.getByRole('button', { name: 'Noter la réponse' }).click();
  await expect(partner.getByText('Écrivez sa réponse.')).toBeVisible();
  await partner.getByLabel('Sa réponse').fill('Dossier reçu, ils rappellent lundi.');
  await partner.getByRole('button', { name: 'Noter la réponse' }).click();
  await expect(history).toContainText('Dossier reçu, ils rappellent lundi.');
  await expect(history).toContainText('selon le partenaire');
  await expect(page.getByTestId('referral-status')).toHaveText('Transmise');
  await partner.getByRole('button', { name: 'Noter sa réponse' }).click();
  await partner.getByLabel('Le partenaire dit').selectOption({ label: 'Refusée' });
  await partner.getByText('Pas admissible', { exact: true }).click();
  await partner.getByLabel('Sa réponse').fill('Hors de leur secteur.');
  // The partner called yesterday.
  const yesterday = new Date(Date.now() - 86_400_000);
  const pad = (n: number) => String(n).padStart(2, '0');
  const yesterdayDay = `${yesterday.getFullYear()}-${pad(yesterday.getMonth() + 1)}-${pad(yesterday.getDate())}`;
  await partner.getByLabel('Répondu le').fill(yesterdayDay);
  await page.screenshot(shot('partner'));
  await partner.getByRole('button', { name: 'Noter la réponse' }).click();
  await expect(page.getByTestId('referral-status')).toHaveText('Refusée');
  await expect(history).toContainText('Pas admissible');
  const refused = await readReferral(as, toRefuse.id);
  expect(refused.status).toBe('refused');
  expect(refused.failureReason).toBe('notEligible');
  expect(refused.events.filter((event) => event.fromPartner)).toHaveLength(2);
  const refusal = refused.events.find((event) => event.status === 'refused');
  expect(new Date(refusal?.occurredAt ?? '').toDateString()).toBe(yesterday.toDateString());
  await expectAccessible(page);

  // The team list, by outcome.
  await page
    .getByRole('link', { name: /^Orientations/ })
    .first()
    .click();
  await expect(heading(page, 'Orientations')).toBeVisible();
  await page.getByText('Accrochées', { exact: true }).click();
  await expect(page.getByTestId('referral-card')).toHaveCount(1);
  await page.getByText('Échecs', { exact: true }).click();
  await expect(page.getByTestId('referral-card')).toHaveCount(1);
  await page.getByText('Refusées', { exact: true }).click();
  await expect(page.getByTestId('referral-card')).toHaveCount(1);
  await expect(page.getByTestId('referral-card')).toContainText('Contact anonyme');
  await page.getByText('Toutes', { exact: true }).click();
  await expect(page.getByTestId('referral-card')).toHaveCount(3);
  await page.screenshot(shot('list'));
  await expectAccessible(page);

  // Expired: nothing recorded for 60 days. A coordinator saving the expiry delay applies it at
  // once (the same sweep that otherwise runs hourly).
  const stale = await createReferral(as, { serviceId: service.id, personId: person.id, madeDaysAgo: 61 });
  const coordinator = await apiAs(await createAccount('coordinator', [team.id]));
  const saved = await coordinator.api.patch('/api/referral-settings', {
    data: { expireAfterDays: 60 },
    headers: { 'x-csrf-token': coordinator.csrf },
  });
  expect(saved.status(), await saved.text()).toBe(200);
  await coordinator.api.dispose();
  expect((await readReferral(as, stale.id)).status).toBe('expired');
  await page.reload();
  await page.getByText('Expirées', { exact: true }).click();
  await expect(page.getByTestId('referral-card')).toHaveCount(1);
  await expect(page.getByTestId('referral-card')).toContainText('Expirée');
  await page.getByTestId('referral-card').click();
  await expect(page.getByTestId('referral-status')).toHaveText('Expirée');
  await expect(history).toContainText('par Relais');
  await expect(moves.getByRole('button')).toHaveText(['Accrochée', 'N’a pas abouti']);
  await page.screenshot(shot('expired'));
  await as.api.dispose();
});

test('check-backs appear on my day for referrals made 7 and 30 days ago, and leave with one tap', async ({ page }) => {
  const { worker } = await workerInTheField(page);
  const as = await apiAs(worker);
  const service = await createService(as);
  const person = await createPerson(as);
  const weekOld = await createReferral(as, { serviceId: service.id, personId: person.id, madeDaysAgo: 8 });
  const monthOld = await createReferral(as, { serviceId: service.id, madeDaysAgo: 31 });
  const failing = await createReferral(as, { serviceId: service.id, madeDaysAgo: 9 });
  await createReferral(as, { serviceId: service.id, personId: person.id, madeDaysAgo: 2 });

  await page.reload();
  await expect(heading(page, 'Ma journée')).toBeVisible();
  const checkBacks = page.getByTestId('check-back');
  await expect(checkBacks).toHaveCount(3);
  await expect(checkBacks.filter({ hasText: person.nickname })).toContainText('Suivi jour 7');
  await expect(checkBacks.filter({ hasText: monthOld.slipNumber })).toContainText('Suivi jour 30');
  await page.screenshot(shot('my-day'));
  await expectAccessible(page);

  // Still waiting: a check-back, no outcome.
  await checkBacks
    .filter({ hasText: person.nickname })
    .getByRole('button', { name: /^Toujours en attente/ })
    .click();
  await expect(checkBacks).toHaveCount(2);
  // Connected in one tap.
  await checkBacks
    .filter({ hasText: monthOld.slipNumber })
    .getByRole('button', { name: /^Accrochée/ })
    .click();
  await expect(checkBacks).toHaveCount(1);
  // Failed: one more tap for the reason.
  await checkBacks.getByRole('button', { name: /^N’a pas abouti/ }).click();
  await page.screenshot(shot('my-day-why'));
  await checkBacks.getByText('Contact perdu', { exact: true }).click();
  await expect(checkBacks).toHaveCount(0);
  await expect(page.getByText('Aucune orientation à suivre aujourd’hui.')).toBeVisible();
  await expect(page.getByTestId('sync-state')).toHaveText('À jour');

  // "À jour" can show before the last tap's outbox item is pushed: the server is asked until it agrees.
  const lost = async () => {
    const referral = await readReferral(as, failing.id);
    return [referral.status, referral.failureReason];
  };
  await expect.poll(lost).toEqual(['failed', 'lostContact']);
  const waited = await readReferral(as, weekOld.id);
  expect(waited.status).toBe('sent');
  expect(waited.checkBackDue).toBeNull();
  expect(waited.events.map((event) => event.kind)).toContain('checkBack');
  expect((await readReferral(as, monthOld.id)).status).toBe('connected');
  // The server agrees: nothing left to check after a reload.
  await page.reload();
  await expect(page.getByText('Aucune orientation à suivre aujourd’hui.')).toBeVisible();
  await as.api.dispose();
});

test('a person is referred from their page and accompanied in a bridging support until it ends', async ({ page }) => {
  const { worker } = await workerInTheField(page);
  const as = await apiAs(worker);
  const service = await createService(as, { needs: ['food'], availability: 'waitingList' });
  const person = await createPerson(as);

  await page.goto(`/people/${person.id}`);
  await expect(heading(page, person.nickname)).toBeVisible();
  await page.getByRole('link', { name: 'Orienter cette personne vers un service' }).click();
  await expect(page.getByText(`Pour ${person.nickname}`)).toBeVisible();
  await page.getByLabel('Chercher un service').fill(service.name);
  await page.getByRole('radio', { name: new RegExp(service.name) }).click();
  await page.getByRole('button', { name: 'Enregistrer l’orientation' }).click();
  await expect(page.getByText('Cochez au moins un besoin.')).toBeVisible();
  await page.getByText('Alimentation', { exact: true }).click();
  await page.getByRole('button', { name: 'Enregistrer l’orientation' }).click();
  await expect(page.getByTestId('slip-number')).toHaveText(slipPattern);
  await expect(page.getByText('Liste d’attente').first()).toBeVisible();

  await page.getByRole('link', { name: person.nickname }).click();
  await expect(heading(page, person.nickname)).toBeVisible();
  await expect(page.getByTestId('referral-card')).toContainText(service.name);
  await page.getByRole('button', { name: 'Commencer un suivi-pont' }).click();
  await page.getByLabel('Pourquoi, en quelques mots').fill('Le temps que la banque alimentaire ait une place');
  await page.getByLabel('En attendant l’orientation vers').selectOption({ label: service.name });
  await page.getByRole('button', { name: 'Commencer', exact: true }).click();

  await expect(heading(page, 'Suivi-pont')).toBeVisible();
  await expect(page.getByText('Le temps que la banque alimentaire ait une place')).toBeVisible();
  await page.getByText('Accompagnement', { exact: true }).click();
  await page.getByLabel('Durée (minutes)').fill('45');
  await page.getByLabel('Note (facultatif)').fill('Accompagnée au comptoir, inscrite sur la liste.');
  await page.getByRole('button', { name: 'Noter le contact' }).click();
  await expect(page.getByTestId('bridging-contact')).toHaveCount(1);
  await expect(page.getByTestId('bridging-contact')).toContainText('45 min');
  await page.screenshot(shot('bridging'));
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Terminer le suivi-pont' }).click();
  await expect(page.getByText(/^Terminé le/)).toBeVisible();
  await expect(page.getByRole('button', { name: 'Noter le contact' })).toHaveCount(0);

  await page.getByRole('link', { name: 'Retour à la fiche' }).click();
  await expect(page.getByTestId('bridging-card')).toContainText('1 contact');
  await expect(page.getByTestId('bridging-card')).toContainText('Terminé le');
  await page.screenshot(shot('person'));
  await as.api.dispose();
});

test('what the team learns: per service and per need, small counts as "<5", the numbers one tap away', async ({
  page,
}) => {
  const { worker } = await workerInTheField(page);
  const as = await apiAs(worker);
  const busy = await createService(as, { needs: ['housing'] });
  const quiet = await createService(as, { needs: ['food'] });
  for (let i = 0; i < 6; i++) {
    const referral = await createReferral(as, { serviceId: busy.id, madeDaysAgo: 20 + i });
    const answer = await as.api.post(`/api/referrals/${referral.id}/status`, {
      data: { baseVersion: referral.version, status: 'connected' },
      headers: { 'x-csrf-token': as.csrf },
    });
    expect(answer.status(), await answer.text()).toBe(200);
  }
  await createReferral(as, { serviceId: quiet.id, needs: ['food'], madeDaysAgo: 4 });

  await page.goto('/referrals');
  await page.getByRole('link', { name: 'Ce que l’équipe apprend' }).click();
  await expect(heading(page, 'Ce que l’équipe apprend')).toBeVisible();
  const byService = page.getByTestId('stats-by-service');
  await expect(byService.getByTestId('stats-row').filter({ hasText: busy.name })).toContainText('6');
  await expect(byService.getByTestId('stats-row').filter({ hasText: busy.name })).toContainText('100 %');
  await expect(byService.getByTestId('stats-row').filter({ hasText: quiet.name })).toContainText('<5');
  await page.getByRole('button', { name: `Voir les nombres de ${quiet.name}` }).click();
  const figures = page.getByTestId('stats-figures');
  await expect(figures.getByRole('row', { name: /^Orientations/ })).toContainText('<5');
  await expect(figures.getByRole('row', { name: /^Taux d’accroche/ })).toContainText('trop peu');
  await page.screenshot(shot('learn'));
  await expectAccessible(page);

  // In English, the same figures.
  await page.goto('/account');
  await page.getByRole('radio', { name: 'English' }).check();
  await page.goto('/referrals/learn');
  await expect(heading(page, 'What the team learns')).toBeVisible();
  await expect(
    page.getByTestId('stats-by-service').getByTestId('stats-row').filter({ hasText: busy.name }),
  ).toContainText('100%');
  await page.screenshot(shot('learn-en'));
  await page.goto('/referrals');
  await expect(heading(page, 'Referrals')).toBeVisible();
  await page.getByText('All', { exact: true }).click();
  await page.getByTestId('referral-card').first().click();
  await expect(page.getByRole('region', { name: 'Where does it stand?' })).toBeVisible();
  await page.screenshot(shot('referral-en'));
  await as.api.dispose();
});
