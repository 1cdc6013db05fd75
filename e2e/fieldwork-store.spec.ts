import { syncState, workerInTheField } from './support/fieldwork.ts';
import { expect, test, unique } from './support/fixtures.ts';
import { heading } from './support/pages.ts';

test.describe.configure({ timeout: 60_000 });

/** Every byte the store keeps for a record, read straight from IndexedDB as another script would. */
const rawStore = `new Promise((resolve, reject) => {
  const opening = indexedDB.open('relais-offline');
  opening.onerror = () => reject(opening.error);
  opening.onsuccess = () => {
    const db = opening.result;
    const tx = db.transaction(['outbox', 'cache', 'keys'], 'readonly');
    const read = (name) => new Promise((done) => { const all = tx.objectStore(name).getAll(); all.onsuccess = () => done(all.result); });
    Promise.all([read('outbox'), read('cache'), read('keys')]).then(([outbox, cache, keys]) => {
      const text = (rows) => rows.map((row) => JSON.stringify({ ...row, payload: undefined }) + new TextDecoder().decode(row.payload.data)).join('\\n');
      resolve({ outbox: text(outbox), cache: text(cache), rows: outbox.length + cache.length,
        keyExtractable: keys[0] ? keys[0].key.extractable : null, keyAlgorithm: keys[0] ? keys[0].key.algorithm.name : null });
      db.close();
    });
  };
})`;

test('what waits on the phone is encrypted at rest, and signing out deletes it with its key', async ({
  page,
  context,
}) => {
  const { worker } = await workerInTheField(page);
  await context.setOffline(true);
  const nickname = unique('Secret');
  await page.getByRole('link', { name: 'Contact rapide' }).click();
  await page.getByRole('button', { name: 'Nouvelle personne' }).click();
  await page.getByLabel('Surnom').fill(nickname);
  await page.getByRole('button', { name: 'Ajouter', exact: true }).click();
  await page.getByText('Santé mentale', { exact: true }).click();
  await page.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(syncState(page)).toHaveText('2 en attente');

  const stored = (await page.evaluate(rawStore)) as {
    outbox: string;
    cache: string;
    rows: number;
    keyExtractable: boolean;
    keyAlgorithm: string;
  };
  expect(stored.rows).toBeGreaterThan(2);
  expect(stored.keyAlgorithm).toBe('AES-GCM');
  expect(stored.keyExtractable).toBe(false);
  for (const secret of [nickname, 'mentalHealth', worker.email, worker.name])
    expect(`${stored.outbox}${stored.cache}`).not.toContain(secret);

  // Signing out with entries waiting asks first; once sent, it deletes the store and its key.
  await page
    .getByRole('link', { name: /^Mon compte/ })
    .first()
    .click();
  await page.getByRole('button', { name: 'Se déconnecter' }).click();
  await expect(page.getByText('2 saisies pas encore envoyées')).toBeVisible();
  await page.getByRole('button', { name: 'Annuler' }).click();
  await context.setOffline(false);
  await expect(syncState(page)).toHaveText('À jour');
  await page.getByRole('button', { name: 'Se déconnecter' }).click();
  await expect(heading(page, 'Connexion')).toBeVisible();
  const databases = (await page.evaluate('indexedDB.databases().then((all) => all.map((db) => db.name))')) as string[];
  expect(databases).not.toContain('relais-offline');
});
