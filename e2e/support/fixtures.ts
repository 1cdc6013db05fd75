import AxeBuilder from '@axe-core/playwright';
import { test as base, expect, type Page } from '@playwright/test';
import type { ServerState } from './server-state.ts';

/** The password the first-run project gives the printed admin; every later test signs in with it. */
export const adminPassword = 'une phrase de passe pour les tests';

export function serverState(): ServerState {
  const raw = process.env.RELAIS_E2E_STATE;
  if (!raw) throw new Error('RELAIS_E2E_STATE is missing: run the tests through playwright.config.ts');
  return JSON.parse(raw) as ServerState;
}

export const test = base.extend({
  // biome-ignore lint/correctness/noEmptyPattern: Playwright parses fixture parameters and requires a pattern.
  baseURL: async ({}, use) => use(serverState().url),
});
export { expect };

/** No serious or critical axe finding on the page as it stands. */
export async function expectAccessible(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page }).analyze();
  const blocking = results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map(
      (violation) =>
        `${violation.id} (${violation.impact}): ${violation.nodes.map((node) => node.target.join(' ')).join(' | ')}`,
    );
  expect(blocking, `axe on ${page.url()}`).toEqual([]);
}

/** A name that no other test, project or run in this database uses. */
export function unique(prefix: string): string {
  return `${prefix}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 6)}`;
}
