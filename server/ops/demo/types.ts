import type { Role } from '../../../core/roles.ts';
import type { Database } from '../../db/client.ts';

/** A demo account and how to sign in with it, printed at the end of `seed --demo`. */
export type DemoCredential = { email: string; name: string; role: Role; teams: string[]; password: string };

type DemoContext = {
  db: Database;
  /** Accounts to print at the end, created now or found from an earlier run. */
  credentials: DemoCredential[];
  /** What a step created or found, one line each. */
  report(line: string): void;
};

/**
 * One piece of the demo deployment. Each step is idempotent on its own: it looks up what it would
 * create (by email or code) and skips what exists, so `seed --demo` can run again after an upgrade
 * to add the demo data of a new capability.
 */
export type DemoStep = { name: string; run(context: DemoContext): Promise<void> };
