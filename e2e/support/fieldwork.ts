import { type APIRequestContext, expect, type Page } from '@playwright/test';
import { type Account, createAccount, createTeam, signedInApi } from './api.ts';
import { heading, signIn } from './pages.ts';

/** A team, a worker in it, signed in on the page, with the day loaded and the field lists cached. */
export async function workerInTheField(page: Page): Promise<{ team: { id: string; name: string }; worker: Account }> {
  const team = await createTeam();
  const worker = await createAccount('worker', [team.id]);
  await signIn(page, worker.email, worker.password);
  await expect(heading(page, 'Ma journée')).toBeVisible();
  await expect(page.getByTestId('sync-state')).toHaveText('À jour');
  await expect(page.getByRole('button', { name: 'Commencer une tournée' })).toBeVisible();
  return { team, worker };
}

/** The API as this account, to check what reached the server (and only once). */
export async function apiAs(account: Account): Promise<{ api: APIRequestContext; csrf: string }> {
  return signedInApi(account.email, account.password);
}

export async function getJson<T>(api: APIRequestContext, path: string): Promise<T> {
  const answer = await api.get(path);
  expect(answer.status(), await answer.text()).toBe(200);
  return (await answer.json()) as T;
}

/**
 * Counts every tap the person makes from now on: one `pointerdown` per finger (or mouse) press, so
 * a tap on a chip's label counts once even though the browser also clicks the input behind it. The
 * listener sits on the document, which the app's own page changes never reload.
 */
export async function startCountingTaps(page: Page): Promise<void> {
  await page.evaluate(`(() => {
    window.relaisTaps = 0;
    if (window.relaisCounting) return;
    window.relaisCounting = true;
    document.addEventListener('pointerdown', () => window.relaisTaps++, true);
  })()`);
}

export async function tapsCounted(page: Page): Promise<number> {
  return Number(await page.evaluate('window.relaisTaps'));
}

export const syncState = (page: Page) => page.getByTestId('sync-state');
