import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type ServerState, stateFile } from './server-state.ts';

const root = path.resolve(import.meta.dirname, '../..');

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

/** Waits for the first-admin notice on stdout; fails with the server's own words if it stops. */
function firstAdminFrom(server: ChildProcess): Promise<{ email: string; password: string }> {
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error(`The server did not print the first admin:\n${output}`)), 60_000);
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      const email = output.match(/Email \/ Courriel\s+(\S+)/)?.[1];
      const password = output.match(/Password \/ Mot de passe\s+(\S+)/)?.[1];
      if (email && password) {
        clearTimeout(timer);
        resolve({ email, password });
      }
    };
    server.stdout?.on('data', read);
    server.stderr?.on('data', read);
    server.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`The server stopped (code ${code}):\n${output}`));
    });
  });
}

export default async function globalSetup(): Promise<void> {
  // `npm run test:e2e` builds first; a bare `playwright test` still gets a current build.
  const built = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/ensure-web-build.ts'], {
    cwd: root,
    stdio: 'inherit',
  });
  if (built.status !== 0) throw new Error('The web app did not build.');

  const port = await freePort();
  const dataDir = mkdtempSync(path.join(tmpdir(), 'relais-e2e-'));
  const server = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    cwd: root,
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', RELAIS_DATA_DIR: dataDir, LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const admin = await firstAdminFrom(server);
  // Keep reading so a chatty server never blocks on a full pipe.
  server.stdout?.resume();
  server.stderr?.resume();
  server.unref();

  const state: ServerState = {
    url: `http://127.0.0.1:${port}`,
    pid: server.pid ?? 0,
    dataDir,
    adminEmail: admin.email,
    adminPassword: admin.password,
  };
  writeFileSync(stateFile, JSON.stringify(state));
  process.env.RELAIS_E2E_STATE = JSON.stringify(state);
}
