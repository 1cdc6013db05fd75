/**
 * Fails when the JavaScript a first visit downloads, before any lazy route, weighs more than
 * 250 kB gzipped: the scripts index.html loads and everything they import statically.
 * Reads web/dist (run `npm run build` first) and the Vite manifest of static imports.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

const limitKb = 250;
const dist = path.resolve(import.meta.dirname, '../web/dist');
const manifestFile = path.join(dist, '.vite/manifest.json');

type Chunk = { file: string; imports?: string[]; isEntry?: boolean };

if (!existsSync(manifestFile)) {
  console.error(`No build found in ${dist}: run \`npm run build\` first.`);
  process.exit(1);
}
const manifest = JSON.parse(readFileSync(manifestFile, 'utf8')) as Record<string, Chunk>;
const html = readFileSync(path.join(dist, 'index.html'), 'utf8');

/** Every script index.html loads by itself (the app entry, the service worker registration). */
const htmlScripts = [...html.matchAll(/<script[^>]*\ssrc="\/?([^"]+)"/g)].map((match) => match[1] as string);
const byFile = new Map(Object.entries(manifest).map(([key, chunk]) => [chunk.file, { key, chunk }]));

const firstLoad = new Set<string>();
function visit(file: string): void {
  if (firstLoad.has(file)) return;
  firstLoad.add(file);
  for (const key of byFile.get(file)?.chunk.imports ?? []) {
    const imported = manifest[key];
    if (imported) visit(imported.file);
  }
}
for (const file of htmlScripts) visit(file);

let totalBytes = 0;
const rows = [...firstLoad].map((file) => {
  const bytes = gzipSync(readFileSync(path.join(dist, file)), { level: 9 }).length;
  totalBytes += bytes;
  return { file, kB: (bytes / 1000).toFixed(1) };
});
rows.sort((a, b) => Number(b.kB) - Number(a.kB));
for (const row of rows) console.log(`  ${row.kB.padStart(7)} kB  ${row.file}`);
const totalKb = totalBytes / 1000;
const verdict = totalKb <= limitKb ? 'ok' : 'TOO BIG';
console.log(`First-load JavaScript: ${totalKb.toFixed(1)} kB gzip (limit ${limitKb} kB): ${verdict}`);
if (totalKb > limitKb) process.exit(1);
