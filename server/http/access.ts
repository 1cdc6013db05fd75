import type { FastifyInstance, RouteOptions } from 'fastify';
import type { Role } from '../../core/roles.ts';

/**
 * Every route says who may call it. A route that says nothing is refused to everyone, and a test
 * walks the route table to fail the build on it (see access.test.ts).
 */
export type Access = { kind: 'public' } | { kind: 'signedIn' } | { kind: 'roles'; roles: readonly Role[] };

export const access = {
  public: { kind: 'public' } as Access,
  signedIn: { kind: 'signedIn' } as Access,
  roles: (...roles: Role[]): Access => ({ kind: 'roles', roles }),
};

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: Access;
  }
  interface FastifyInstance {
    routeTable: RouteEntry[];
  }
}

type RouteEntry = { method: string; url: string; readonly access: Access | undefined };

/**
 * Records every route as it is registered. The access is read when asked, not now: hooks of
 * inner plugins (markRoutesPublic) run after this one and may still declare it.
 */
export function collectRouteTable(app: FastifyInstance): void {
  const table: RouteEntry[] = [];
  app.decorate('routeTable', table);
  app.addHook('onRoute', (route: RouteOptions) => {
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    for (const method of methods) {
      if (method === 'HEAD') continue;
      table.push({
        method,
        url: route.url,
        get access() {
          return route.config?.access;
        },
      });
    }
  });
}

/** For plugins that register their own routes (docs, static files): everything in them is public. */
export function markRoutesPublic(app: FastifyInstance): void {
  app.addHook('onRoute', (route: RouteOptions) => {
    route.config = { ...route.config, access: route.config?.access ?? access.public };
  });
}
