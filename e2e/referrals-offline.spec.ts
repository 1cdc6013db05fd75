import type { Referral } from '../core/contracts/referrals.ts';
import { apiAs, getJson, syncState, workerInTheField } from './support/fieldwork.ts';
import { expect, expectAccessible, test } from './support/fixtures.ts';
import { heading } from './support/pages.ts';
import { createService } from './support/referrals.ts';

// The service worker keeps the app shell (and the referral pages' code) for a reload offline.
test.use({ serviceWorkers: 'allow' });
test.describe.configure({ timeout: 90_000 });

const slipPattern = /^R-[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{2}$/;

test('offline: a referral made from a quick contact waits for the network, gets its slip number at sync, and reaches the server once', async ({
  page,
  context,
}) => {
  const { worker } = await workerInTheField(page);
  const as = await apiAs(worker);
  const service = await createService(as, { needs: ['housing', 'food'] });
  await page.evaluate('navigator.serviceWorker.ready.then(() => undefined)');
  await page.reload();
  await page.waitForFunction('navigator.serviceWorker.controller !== null');
  await expect(syncState(page)).toHaveText('À jour');

  // Online first: this phone now knows the service.
  await page.getByRole('link', { name: 'Contact rapide' }).click();
  await page.getByText('Logement', { exact: true }).click();
  await page.getByRole('button', { name: 'Enregistrer' }).click();
  await page.getByRole('link', { name: 'Orienter' }).click();
  await page.getByRole('radio', { name: new RegExp(service.name) }).click();
  await page.getByRole('button', { name: 'Enregistrer l’orientation' }).click();
  await expect(page.getByTestId('slip-number')).toHaveText(slipPattern);

  await context.setOffline(true);
  await expect(syncState(page)).toHaveText('Hors ligne');
  await page.getByRole('link', { name: /^Ma journée/ }).click();
  await page.getByRole('link', { name: 'Contact rapide' }).click();
  await expect(heading(page, 'Contact rapide')).toBeVisible();
  await page.getByText('Alimentation', { exact: true }).click();
  await page.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(page.getByTestId('contact-saved')).toContainText('Il partira au retour du réseau.');
  await page.getByRole('link', { name: 'Orienter' }).click();
  await expect(heading(page, 'Orienter')).toBeVisible();
  await expect(page.getByRole('checkbox', { name: 'Alimentation' })).toBeChecked();
  // No directory without network: the services this phone used are offered.
  await expect(page.getByText('Hors ligne : voici les services déjà utilisés sur ce téléphone.')).toBeVisible();
  await page.getByRole('radio', { name: new RegExp(service.name) }).click();
  await page.getByRole('checkbox', { name: 'Sa situation, en quelques mots' }).click();
  await page.screenshot({ path: '/tmp/referrals-offline-refer.png', fullPage: true });
  await page.getByRole('button', { name: 'Enregistrer l’orientation' }).click();

  await expect(page.getByTestId('referral-saved')).toHaveText(
    'Orientation gardée sur ce téléphone : elle partira au retour du réseau.',
  );
  await expect(page.getByTestId('slip-number')).toHaveText('Numéro à la synchronisation');
  await expect(heading(page, service.name)).toBeVisible();
  await expect(syncState(page)).toHaveText('2 en attente');
  await page.screenshot({ path: '/tmp/referrals-offline-pending.png', fullPage: true });
  await expectAccessible(page);

  // A reload without network keeps it.
  await page.reload();
  await expect(page.getByTestId('slip-number')).toHaveText('Numéro à la synchronisation');
  await expect(syncState(page)).toHaveText('2 en attente');

  await context.setOffline(false);
  await expect(syncState(page)).toHaveText('À jour');
  await expect(page.getByTestId('slip-number')).toHaveText(slipPattern);
  const slipNumber = (await page.getByTestId('slip-number').textContent()) ?? '';
  await page.screenshot({ path: '/tmp/referrals-offline-synced.png', fullPage: true });

  const mine = await getJson<{ items: Referral[] }>(as.api, '/api/referrals?mine=true');
  expect(mine.items).toHaveLength(2);
  const offline = mine.items.find((referral) => referral.slipNumber === slipNumber);
  expect(offline?.needs).toEqual(['food']);
  expect(offline?.sharedItems).toEqual(['situation']);
  expect(offline?.encounterId).not.toBeNull();
  expect(offline?.person).toBeNull();
  await as.api.dispose();
});
