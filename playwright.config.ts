import { defineConfig, devices } from '@playwright/test';

/**
 * Journeys in Debian's Chromium against the real server (started by the global setup on a free
 * port with a throwaway database). `first-run` signs the printed admin in once and chooses the
 * admin's password; the other projects start from there.
 */
const chromium = {
  executablePath: '/usr/bin/chromium',
  args: [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
  ],
};

/** Field work happens on a phone: these journeys run on the phone project only (main-journey runs on both). */
const phoneOnly = [
  'fieldwork-.*',
  'referrals(-.*)?',
  'directory',
  'territory(-.*)?',
  'diagnostic(-.*)?',
  'time',
  'crisis',
  'activities',
  'committees',
  'projects',
  'rights',
  'break-the-glass',
  'reports',
];
const phoneOnlyJourneys = new RegExp(`(^|/)(${phoneOnly.join('|')})\\.spec\\.ts$`);

export default defineConfig({
  testDir: 'e2e',
  globalSetup: './e2e/support/global-setup.ts',
  globalTeardown: './e2e/support/global-teardown.ts',
  // Two at a time on one server: every test makes its own accounts and teams; the one test that
  // changes deployment settings runs alone, last (project `settings`).
  workers: 2,
  fullyParallel: true,
  forbidOnly: Boolean(process.env.CI),
  retries: 0,
  timeout: 30_000,
  expect: { timeout: 10_000 },
  reporter: [['list']],
  use: {
    browserName: 'chromium',
    launchOptions: chromium,
    locale: 'fr-CA',
    // The app's service worker would cache the shell between tests; pwa.spec.ts allows it on purpose.
    serviceWorkers: 'block',
    trace: 'retain-on-failure',
  },
  projects: [
    { name: 'first-run', testMatch: /first-run\.spec\.ts/, use: { viewport: { width: 1280, height: 800 } } },
    {
      name: 'desktop',
      dependencies: ['first-run'],
      testMatch: /\.spec\.ts/,
      testIgnore: [/first-run\.spec\.ts/, /settings\.spec\.ts/, phoneOnlyJourneys],
      use: { viewport: { width: 1280, height: 800 } },
    },
    {
      name: 'phone',
      dependencies: ['first-run'],
      testMatch: [/main-journey\.spec\.ts/, phoneOnlyJourneys],
      use: { ...devices['Pixel 7'], viewport: { width: 390, height: 844 }, browserName: 'chromium' },
    },
    {
      name: 'settings',
      dependencies: ['desktop', 'phone'],
      testMatch: /settings\.spec\.ts/,
      use: { viewport: { width: 1280, height: 800 } },
    },
  ],
});
