import { request } from '@playwright/test';
import { createAccount } from './support/api.ts';
import { expect, expectAccessible, serverState, test, unique } from './support/fixtures.ts';
import { heading, trySignIn } from './support/pages.ts';

test('a wrong password is refused in French, and the message follows a switch to English', async ({ page }) => {
  const worker = await createAccount('worker');
  await trySignIn(page, worker.email, 'pas le bon mot de passe');
  await expect(page.getByRole('alert')).toHaveText('Courriel ou mot de passe incorrect.');
  await expectAccessible(page);

  await page.getByRole('button', { name: 'English' }).click();
  await expect(heading(page, 'Sign in')).toBeVisible();
  await expect(page.getByRole('alert')).toHaveText('Wrong email or password.');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
});

test('empty fields are named before anything is sent', async ({ page }) => {
  await page.goto('/sign-in');
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await expect(page.getByText('À remplir.')).toHaveCount(2);
});

test('after too many failures the sign-in is locked, and the page says for how long', async ({ page }) => {
  const email = `${unique('inconnu')}@example.org`;
  // Five failures through the API, at once: the server's growing delay is not this test's subject.
  const api = await request.newContext({ baseURL: serverState().url });
  const { csrfToken } = await (await api.get('/api/auth/session')).json();
  const attempts = Array.from({ length: 5 }, () =>
    api.post('/api/auth/sign-in', { data: { email, password: 'mauvais' }, headers: { 'x-csrf-token': csrfToken } }),
  );
  for (const answer of await Promise.all(attempts)) expect([401, 429]).toContain(answer.status());
  await api.dispose();

  await trySignIn(page, email, 'mauvais encore');
  await expect(page.getByRole('alert')).toContainText(/Trop d'essais\. Réessayez dans \d+ minutes?\./);
});
