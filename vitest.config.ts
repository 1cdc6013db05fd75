import { defineConfig, type TestProjectInlineConfiguration } from 'vitest/config';
import { findPostgresBin } from './server/test-support/postgres-cluster.ts';

/**
 * Three projects: pure logic (core/ and `*.unit.test.ts`), and the API suite twice, once on embedded PGlite and once
 * on a throwaway PostgreSQL 15 cluster. Without PostgreSQL binaries the second run is skipped, and
 * says so, rather than failing a newcomer's first `npm test`.
 */
const serverSuite = (backend: 'pglite' | 'postgres'): TestProjectInlineConfiguration => ({
  test: {
    name: backend,
    include: ['server/**/*.test.ts', 'scripts/**/*.test.ts'],
    exclude: ['**/*.unit.test.ts', '**/node_modules/**'],
    env: { RELAIS_TEST_DB: backend },
    globalSetup: ['server/test-support/global-setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Every file opens its own database and app, and no test mocks modules or timers, so the
    // files of one worker can share the imported server: the import of the whole API was ~40 % of
    // the suite's time when each file paid it again.
    isolate: false,
  },
});

const postgresBin = findPostgresBin();
if (!postgresBin) {
  console.warn(
    '[relais] PostgreSQL binaries (initdb, pg_ctl) not found: the PostgreSQL run of the API suite is skipped.',
  );
}

export default defineConfig({
  test: {
    projects: [
      // Pure computation (no database) runs once, not once per engine.
      { test: { name: 'unit', include: ['core/**/*.test.ts', 'server/**/*.unit.test.ts', 'web/**/*.unit.test.ts'] } },
      serverSuite('pglite'),
      ...(postgresBin ? [serverSuite('postgres')] : []),
    ],
  },
});
