import type { FastifyInstance } from 'fastify';
import { authRoutes } from './auth/auth.routes.ts';
import { healthRoutes } from './health/health.routes.ts';
import { neighbourhoodRoutes } from './neighbourhoods/neighbourhoods.routes.ts';
import { auditRoutes } from './privacy/audit.routes.ts';
import { settingsRoutes } from './settings/settings.routes.ts';
import { teamRoutes } from './teams/teams.routes.ts';
import { userRoutes } from './users/users.routes.ts';

/** Every feature module, mounted under /api. */
export async function registerModules(api: FastifyInstance): Promise<void> {
  await api.register(healthRoutes);
  await api.register(authRoutes);
  await api.register(settingsRoutes);
  await api.register(userRoutes);
  await api.register(teamRoutes);
  await api.register(neighbourhoodRoutes);
  await api.register(auditRoutes);
}
