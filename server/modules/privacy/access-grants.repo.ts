import { and, desc, eq, gt, isNull } from 'drizzle-orm';
import type { Database, Tx } from '../../db/client.ts';
import { accessGrants } from '../../db/schema/index.ts';

export type AccessGrantRow = typeof accessGrants.$inferSelect;

/**
 * The grant that lets `userId` read `personId` right now, if any: not revoked and not yet expired.
 * `now` comes from the caller's clock (the app's `Date`), so expiry is exact and testable.
 */
export async function liveGrant(
  db: Database | Tx,
  userId: string,
  personId: string,
  now = new Date(),
): Promise<AccessGrantRow | undefined> {
  const [row] = await db
    .select()
    .from(accessGrants)
    .where(
      and(
        eq(accessGrants.userId, userId),
        eq(accessGrants.personId, personId),
        isNull(accessGrants.revokedAt),
        gt(accessGrants.expiresAt, now),
      ),
    )
    .orderBy(desc(accessGrants.expiresAt))
    .limit(1);
  return row;
}

export async function findGrant(db: Database | Tx, id: string): Promise<AccessGrantRow | undefined> {
  const [row] = await db.select().from(accessGrants).where(eq(accessGrants.id, id));
  return row;
}

export const isLive = (grant: AccessGrantRow, now = new Date()) => !grant.revokedAt && grant.expiresAt > now;
