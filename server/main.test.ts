import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openTestDatabase, testBackend } from './test-support/database.ts';
import { freePort } from './test-support/postgres-cluster.ts';

/**
 * `npm start` as a newcomer runs it: a real process, a real port, a fresh database. On the
 * PostgreSQL run the same start goes through DATABASE_URL.
 */
const root = path.resolve(import.meta.dirname, '..');
const started: ChildProcess[] = [];
const folders: string[] = [];
afterAll(() => {
  for (const child of started) child.kill('SIGKILL');
  for (const folder of folders) rmSync(folder, { recursive: true, force: true });
});

function withoutDatabaseSettings(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const { DATABASE_URL: _url, RELAIS_DATA_DIR: _dir, PORT: _port, ...rest } = env;
  return rest;
}

function start(env: Record<string, string>): { child: ChildProcess; output: () => string; exited: Promise<number> } {
  let output = '';
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    cwd: root,
    env: { ...withoutDatabaseSettings(process.env), LOG_LEVEL: 'warn', ...env },
  });
  started.push(child);
  child.stdout?.on('data', (chunk) => {
    output += chunk;
  });
  child.stderr?.on('data', (chunk) => {
    output += chunk;
  });
  const exited = new Promise<number>((resolve) => child.on('exit', (code) => resolve(code ?? -1)));
  return { child, output: () => output, exited };
}

async function waitFor(predicate: () => boolean, what: string, exited: Promise<number>): Promise<void> {
  let done = false;
  void exited.then(() => {
    done = true;
  });
  while (!predicate()) {
    if (done) throw new Error(`process exited before ${what}`);
    await new Promise((resolve) => setImmediate(resolve));
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

const cleanups: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const cleanup of cleanups) await cleanup();
});

/** A fresh, empty place for the server's data: a folder for PGlite, a database for PostgreSQL. */
async function databaseEnv(): Promise<Record<string, string>> {
  if (testBackend === 'postgres') {
    const database = await openTestDatabase();
    cleanups.push(() => database.close());
    return { DATABASE_URL: database.url as string };
  }
  const folder = mkdtempSync(path.join(tmpdir(), 'relais-start-'));
  folders.push(folder);
  return { RELAIS_DATA_DIR: folder };
}

describe('npm start', () => {
  // A whole data set or a real start: seconds when idle, much more on a loaded 2-core runner.
  it('migrates a fresh database, prints the first admin once, and serves the API', async () => {
    const port = await freePort();
    const env = { ...(await databaseEnv()), PORT: String(port), HOST: '127.0.0.1' };
    const first = start(env);
    await waitFor(() => first.output().includes('Relais is running'), 'listening', first.exited);
    await waitFor(() => /Password \/ Mot de passe\s+\S+/.test(first.output()), 'the admin notice', first.exited);
    const password = /Password \/ Mot de passe\s+(\S+)/.exec(first.output())?.[1] ?? '';
    const email = /Email \/ Courriel\s+(\S+)/.exec(first.output())?.[1] ?? '';
    expect(email).toBe('admin@relais.local');

    const health = await fetch(`http://127.0.0.1:${port}/api/health`);
    expect(await health.json()).toEqual({ status: 'ok' });
    const session = await fetch(`http://127.0.0.1:${port}/api/auth/session`);
    const { csrfToken: csrf } = (await session.json()) as { csrfToken: string };
    const cookie = session.headers
      .getSetCookie()
      .map((c) => c.split(';')[0])
      .join('; ');
    const signIn = await fetch(`http://127.0.0.1:${port}/api/auth/sign-in`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-csrf-token': csrf, cookie },
      body: JSON.stringify({ email, password }),
    });
    expect(signIn.status).toBe(200);
    expect(((await signIn.json()) as { user: unknown }).user).toMatchObject({
      role: 'admin',
      mustChangePassword: true,
    });

    first.child.kill('SIGTERM');
    expect(await first.exited).toBe(0);
    const second = start(env);
    await waitFor(() => second.output().includes('Relais is running'), 'listening again', second.exited);
    expect(second.output()).not.toContain('Mot de passe');
    second.child.kill('SIGTERM');
    await second.exited;
  }, 180_000);

  it('stops with one clear line on a bad setting', async () => {
    const bad = start({ PORT: 'quatre-mille' });
    expect(await bad.exited).toBe(1);
    const lines = bad.output().trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^Relais cannot start: Invalid setting PORT="quatre-mille"/);
  });

  it('stops with one clear line when PostgreSQL cannot be reached', async () => {
    const port = await freePort();
    const bad = start({ DATABASE_URL: `postgres://nobody@127.0.0.1:${port}/relais` });
    expect(await bad.exited).toBe(1);
    const lines = bad.output().trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^Relais cannot start: Cannot open the database from DATABASE_URL/);
  });
});
