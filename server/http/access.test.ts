import Fastify from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../test-support/app.ts';
import { access } from './access.ts';
import { installGuard } from './guard.ts';

describe('route table', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('has routes, and every one of them declares who may call it', () => {
    expect(t.app.routeTable.length).toBeGreaterThan(15);
    const undeclared = t.app.routeTable.filter((route) => !route.access).map((r) => `${r.method} ${r.url}`);
    expect(undeclared).toEqual([]);
  });

  it('closes a route that declares nothing to everyone, and opens a public one', async () => {
    const bare = Fastify();
    await bare.register((await import('@fastify/cookie')).default);
    installGuard(bare, t.database.db, t.config);
    bare.get('/undeclared', async () => ({ secret: true }));
    bare.get('/open', { config: { access: access.public } }, async () => ({ open: true }));
    const closed = await bare.inject({ method: 'GET', url: '/undeclared' });
    expect(closed.statusCode).toBe(403);
    expect(closed.body).not.toContain('secret');
    expect((await bare.inject({ method: 'GET', url: '/open' })).statusCode).toBe(200);
    await bare.close();
  });
});
