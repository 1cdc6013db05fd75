import { expect, serverState, test } from './support/fixtures.ts';

test('the app is installable: manifest, icons and a service worker for the shell', async ({ browser, request }) => {
  const manifest = await (await request.get('/manifest.webmanifest')).json();
  expect(manifest).toMatchObject({ name: 'Relais', display: 'standalone', start_url: '/' });
  const sizes = manifest.icons.map(
    (icon: { sizes: string; purpose?: string }) => `${icon.sizes} ${icon.purpose ?? ''}`,
  );
  expect(sizes).toEqual(expect.arrayContaining(['192x192 ', '512x512 ', '512x512 maskable']));
  for (const icon of manifest.icons) expect((await request.get(icon.src)).status()).toBe(200);

  const context = await browser.newContext({ baseURL: serverState().url, serviceWorkers: 'allow' });
  const page = await context.newPage();
  await page.goto('/sign-in');
  await expect(page.locator('link[rel="manifest"]')).toHaveAttribute('href', '/manifest.webmanifest');
  const scope = await page.evaluate('navigator.serviceWorker.ready.then((registration) => registration.scope)');
  expect(scope).toBe(`${serverState().url}/`);
  await context.close();
});
