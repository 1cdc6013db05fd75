import { expect, type Page } from '@playwright/test';

/** Steps every journey shares, written as a person would do them. */
export async function trySignIn(page: Page, email: string, password: string): Promise<void> {
  await page.goto('/sign-in');
  await page.getByLabel('Courriel').fill(email);
  await page.locator('input[name="password"]').fill(password);
  await page.getByRole('button', { name: 'Se connecter' }).click();
}

/** Signs in and waits to have left the sign-in page (for home, or the forced password choice). */
export async function signIn(page: Page, email: string, password: string): Promise<void> {
  await trySignIn(page, email, password);
  await expect(page).not.toHaveURL(/\/sign-in/);
}

export async function chooseOwnPassword(page: Page, password: string): Promise<void> {
  await expect(page.getByRole('heading', { level: 1, name: 'Choisissez votre mot de passe' })).toBeVisible();
  await page.locator('input[name="newPassword"]').fill(password);
  await page.locator('input[name="confirmPassword"]').fill(password);
  await page.getByRole('button', { name: 'Choisir ce mot de passe' }).click();
}

export async function signOut(page: Page): Promise<void> {
  await page.goto('/account');
  await page.getByRole('button', { name: /Se déconnecter|Sign out/ }).click();
  await expect(page).toHaveURL(/\/sign-in/);
}

export function heading(page: Page, name: string | RegExp) {
  return page.getByRole('heading', { level: 1, name });
}
