import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../test-support/app.ts';

let t: TestApp;
let webRoot: string;
beforeAll(async () => {
  webRoot = mkdtempSync(path.join(tmpdir(), 'relais-web-'));
  mkdirSync(path.join(webRoot, 'assets'));
  writeFileSync(path.join(webRoot, 'index.html'), '<!doctype html><title>Relais v1</title>');
  writeFileSync(path.join(webRoot, 'assets', 'app-abc123.js'), 'console.log(1)');
  writeFileSync(path.join(webRoot, 'sw.js'), 'self.addEventListener("fetch", () => {})');
  t = await createTestApp({ webRoot, trustProxy: true });
});
afterAll(async () => {
  await t.close();
  rmSync(webRoot, { recursive: true, force: true });
});

const get = (url: string, headers: Record<string, string> = {}) => t.app.inject({ method: 'GET', url, headers });

describe('the web app', () => {
  it('answers the app page for its own routes, and JSON for unknown API addresses', async () => {
    for (const url of ['/', '/admin/users', '/compte?x=1']) {
      const response = await get(url);
      expect(response.statusCode).toBe(200);
      expect(response.headers['content-type']).toMatch(/text\/html/);
      expect(response.body).toContain('Relais v1');
    }
    const api = await get('/api/nothing-here');
    expect(api.statusCode).toBe(404);
    expect(api.json().error.code).toBe('route_not_found');
  });

  it('lets browsers keep hashed assets for good, and revalidate the rest', async () => {
    expect((await get('/assets/app-abc123.js')).headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect((await get('/sw.js')).headers['cache-control']).toBe('no-cache');
    expect((await get('/')).headers['cache-control']).toBe('no-cache');
  });

  it('picks up a rebuild without a restart', async () => {
    writeFileSync(path.join(webRoot, 'assets', 'app-def456.js'), 'console.log(2)');
    writeFileSync(path.join(webRoot, 'index.html'), '<!doctype html><title>Relais v2</title>');
    const later = new Date(Date.now() + 5_000);
    utimesSync(path.join(webRoot, 'index.html'), later, later);
    expect((await get('/assets/app-def456.js')).statusCode).toBe(200);
    expect((await get('/equipes')).body).toContain('Relais v2');
  });

  it('does not force HTTPS on a plain-HTTP local network, and asks for it over HTTPS', async () => {
    const plain = await get('/');
    expect(plain.headers['content-security-policy']).not.toContain('upgrade-insecure-requests');
    expect(plain.headers['strict-transport-security']).toBeUndefined();
    const secure = await get('/', { 'x-forwarded-proto': 'https' });
    expect(secure.headers['strict-transport-security']).toMatch(/max-age=\d+/);
  });
});

describe('the basemap under the maps', () => {
  it('opens nothing by default, and only the configured host when a basemap is set', async () => {
    const csp = (await get('/')).headers['content-security-policy'] as string;
    expect(csp).toMatch(/connect-src 'self';/);
    expect((await get('/api/settings')).json().basemapUrl).toBeNull();

    const tiles = 'https://tiles.example.org/{z}/{x}/{y}.png';
    const withBasemap = await createTestApp({ webRoot, basemapUrl: tiles });
    try {
      const answer = await withBasemap.app.inject({ method: 'GET', url: '/' });
      const policy = answer.headers['content-security-policy'] as string;
      expect(policy).toContain("connect-src 'self' https://tiles.example.org;");
      expect(policy).toContain('img-src ');
      expect(policy).toMatch(/img-src [^;]*https:\/\/tiles\.example\.org/);
      const settings = await withBasemap.app.inject({ method: 'GET', url: '/api/settings' });
      expect(settings.json().basemapUrl).toBe(tiles);
    } finally {
      await withBasemap.close();
    }
  });
});
