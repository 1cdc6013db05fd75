import { tmpdir } from 'node:os';
import path from 'node:path';

/** What the global setup hands to the tests and to the teardown, through the environment and a file. */
export type ServerState = { url: string; pid: number; dataDir: string; adminEmail: string; adminPassword: string };

export const stateFile = path.join(tmpdir(), `relais-e2e-${process.env.USER ?? 'user'}.json`);
