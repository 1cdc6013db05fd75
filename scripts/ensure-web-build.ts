/**
 * `npm start` serves web/dist: builds it first when it is missing or older than its sources, so a
 * fresh clone runs with two commands and an edited page is never served stale.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { build } from 'vite';

const root = path.resolve(import.meta.dirname, '..');
const web = path.join(root, 'web');
const builtIndex = path.join(web, 'dist/index.html');
/** What the web build reads: its sources, its config, and the shared words and contracts in core/. */
const sources = ['web/src', 'web/public', 'web/index.html', 'web/vite.config.ts', 'core', 'package-lock.json'];

function newestChange(target: string): number {
  if (!existsSync(target)) return 0;
  const stats = statSync(target);
  if (!stats.isDirectory()) return stats.mtimeMs;
  return readdirSync(target).reduce((newest, entry) => Math.max(newest, newestChange(path.join(target, entry))), 0);
}

const builtAt = existsSync(builtIndex) ? statSync(builtIndex).mtimeMs : 0;
const sourcesAt = Math.max(...sources.map((source) => newestChange(path.join(root, source))));

if (builtAt < sourcesAt) {
  console.log(builtAt ? 'Rebuilding the web app (sources changed)…' : 'Building the web app (first start)…');
  await build({ configFile: path.join(web, 'vite.config.ts'), logLevel: 'error' });
}
