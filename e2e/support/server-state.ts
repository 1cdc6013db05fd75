import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import path from 'node:path';

/** What the global setup hands to the tests and to the teardown, through the environment and a file. */
export type ServerState = { url: string; pid: number; dataDir: string; adminEmail: string; adminPassword: string };

/** One per checkout, so two working copies on one machine can run their journeys side by side. */
const checkout = createHash('sha1')
  .update(path.resolve(import.meta.dirname, '../..'))
  .digest('hex')
  .slice(0, 8);
export const stateFile = path.join(tmpdir(), `relais-e2e-${process.env.USER ?? 'user'}-${checkout}.json`);
