import type { FastifyInstance } from 'fastify';
import { activityRoutes } from './activities/activities.routes.ts';
import { authRoutes } from './auth/auth.routes.ts';
import { committeeRoutes } from './committees/committees.routes.ts';
import { diagnosticRoutes } from './diagnostic/diagnostic.routes.ts';
import { directoryRoutes } from './directory/directory.routes.ts';
import { fieldworkRoutes } from './fieldwork/fieldwork.routes.ts';
import { healthRoutes } from './health/health.routes.ts';
import { hsdsRoutes } from './hsds/hsds.routes.ts';
import { myDayRoutes } from './my-day/my-day.routes.ts';
import { neighbourhoodRoutes } from './neighbourhoods/neighbourhoods.routes.ts';
import { networkRoutes } from './network/network.routes.ts';
import { peopleRoutes } from './people/people.routes.ts';
import { placeRoutes } from './places/places.routes.ts';
import { auditRoutes } from './privacy/audit.routes.ts';
import { referralRoutes } from './referrals/referrals.routes.ts';
import { settingsRoutes } from './settings/settings.routes.ts';
import { signalRoutes } from './signals/signals.routes.ts';
import { syncRoutes } from './sync/sync.routes.ts';
import { taxonomyRoutes } from './taxonomies/taxonomies.routes.ts';
import { teamRoutes } from './teams/teams.routes.ts';
import { territoryRoutes } from './territory/territory.routes.ts';
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
  await api.register(taxonomyRoutes);
  await api.register(placeRoutes);
  await api.register(fieldworkRoutes);
  await api.register(peopleRoutes);
  await api.register(myDayRoutes);
  await api.register(committeeRoutes);
  await api.register(activityRoutes);
  await api.register(syncRoutes);
  await api.register(directoryRoutes);
  await api.register(hsdsRoutes);
  await api.register(referralRoutes);
  await api.register(territoryRoutes);
  await api.register(networkRoutes);
  await api.register(signalRoutes);
  await api.register(diagnosticRoutes);
}
