import { sql } from 'drizzle-orm';
import { uuidv7 } from '../../../core/uuid.ts';
import { serviceLocations, serviceSchedules } from '../../db/schema/index.ts';
import { type Agent, signedInAgent } from '../../test-support/agent.ts';
import { createTestApp, type TestApp } from '../../test-support/app.ts';
import { buildService } from '../../test-support/directory-factories.ts';
import { buildTeam, buildUser } from '../../test-support/factories.ts';

/**
 * The world the referral tests share, built afresh for each test file: team A (Ana, Ben and their
 * coordinator), team B (a stranger), an admin, and a food bank with a place and opening hours.
 */
export type ReferralWorld = {
  t: TestApp;
  ana: Agent;
  ben: Agent;
  stranger: Agent;
  coordinator: Agent;
  admin: Agent;
  anaId: string;
  teamA: string;
  teamB: string;
  serviceId: string;
};

export const DAY = 86_400_000;
export const daysAgo = (n: number) => new Date(Date.now() - n * DAY).toISOString();
export const today = () => new Date().toISOString().slice(0, 10);

export async function auditOf(t: TestApp, entityType: string, entityId: string) {
  const result = (await t.database.db.execute(
    sql`select action, actor_id, details from audit_log where entity_type = ${entityType} and entity_id = ${entityId} order by at, id`,
  )) as unknown as { rows: { action: string; actor_id: string | null; details: unknown }[] };
  return result.rows;
}

export async function referralWorld(): Promise<ReferralWorld> {
  const t = await createTestApp();
  const db = t.database.db;
  const teamA = (await buildTeam(db, { name: 'Équipe Saint-Roch' })).id;
  const teamB = (await buildTeam(db)).id;
  const anaUser = await buildUser(db, { teamIds: [teamA], name: 'Ana Tremblay' });
  const agent = async (fields: Parameters<typeof buildUser>[1]) =>
    signedInAgent(t.app, (await buildUser(db, fields)).email);
  const service = await buildService(db, {
    name: 'Banque alimentaire du Faubourg',
    phone: '418 555-0101',
    needs: ['food'],
  });
  await db.insert(serviceLocations).values({
    id: uuidv7(),
    serviceId: service.id,
    name: 'Sous-sol de l’église',
    address: '12, rue de la Chapelle',
    city: 'Québec',
  });
  await db
    .insert(serviceSchedules)
    .values({ id: uuidv7(), serviceId: service.id, weekday: 3, opensAt: '13:00', closesAt: '16:30' });
  return {
    t,
    ana: await signedInAgent(t.app, anaUser.email),
    ben: await agent({ teamIds: [teamA] }),
    stranger: await agent({ teamIds: [teamB] }),
    coordinator: await agent({ role: 'coordinator', teamIds: [teamA] }),
    admin: await agent({ role: 'admin' }),
    anaId: anaUser.id,
    teamA,
    teamB,
    serviceId: service.id,
  };
}
