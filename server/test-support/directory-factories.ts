import { uuidv7 } from '../../core/uuid.ts';
import type { Database } from '../db/client.ts';
import { actors, referrals, serviceStatuses, services } from '../db/schema/index.ts';

/**
 * Directory and referral rows for tests, inserted directly (no search refresh: a test of search
 * goes through the API, or calls the directory's refresh itself).
 */
let sequence = 0;
const next = () => `${++sequence}-${uuidv7().slice(-6)}`;

export async function buildActor(
  db: Database,
  fields: Partial<typeof actors.$inferInsert> = {},
): Promise<typeof actors.$inferSelect> {
  const kind = fields.kind ?? 'organisation';
  const [row] = await db
    .insert(actors)
    .values({
      id: uuidv7(),
      kind,
      category: kind === 'organisation' ? 'communityGroup' : 'pivot',
      name: `Organisme ${next()}`,
      ...fields,
    })
    .returning();
  return row as typeof actors.$inferSelect;
}

export async function buildService(
  db: Database,
  fields: Partial<typeof services.$inferInsert> = {},
): Promise<typeof services.$inferSelect> {
  const actorId = fields.actorId ?? (await buildActor(db)).id;
  const [row] = await db
    .insert(services)
    .values({ id: uuidv7(), name: `Service ${next()}`, needs: ['food'], languages: ['fr'], ...fields, actorId })
    .returning();
  await db.insert(serviceStatuses).values({
    id: uuidv7(),
    serviceId: (row as typeof services.$inferSelect).id,
    status: (row as typeof services.$inferSelect).availability,
    effectiveAt: new Date(),
  });
  return row as typeof services.$inferSelect;
}

export async function buildReferral(
  db: Database,
  teamId: string,
  fields: Partial<typeof referrals.$inferInsert> = {},
): Promise<typeof referrals.$inferSelect> {
  const serviceId = fields.serviceId ?? (await buildService(db)).id;
  const referredAt = fields.referredAt ?? new Date();
  const [row] = await db
    .insert(referrals)
    .values({
      id: uuidv7(),
      teamId,
      slipNumber: `T-${next()}`,
      needs: ['food'],
      referredAt,
      statusChangedAt: referredAt,
      ...fields,
      serviceId,
    })
    .returning();
  return row as typeof referrals.$inferSelect;
}
