import { existsSync, readFileSync, rmSync } from 'node:fs';
import { type ServerState, stateFile } from './server-state.ts';

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Stops the server the setup started (by its pid, never by name) and removes its database. */
export default async function globalTeardown(): Promise<void> {
  if (!existsSync(stateFile)) return;
  const state = JSON.parse(readFileSync(stateFile, 'utf8')) as ServerState;
  if (state.pid && isRunning(state.pid)) {
    process.kill(state.pid, 'SIGTERM');
    for (let waited = 0; waited < 5_000 && isRunning(state.pid); waited += 100) {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    if (isRunning(state.pid)) process.kill(state.pid, 'SIGKILL');
  }
  rmSync(state.dataDir, { recursive: true, force: true });
  rmSync(stateFile, { force: true });
}
