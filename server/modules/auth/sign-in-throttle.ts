import { inArray, sql } from 'drizzle-orm';
import type { Database } from '../../db/client.ts';
import { signInThrottle } from '../../db/schema/index.ts';

/**
 * Failed sign-ins are counted per email and per address over a window. Past the limit the key is
 * locked for a while; below it, each failure is answered a little later than the one before.
 */
const windowMinutes = 15;
const lockMinutes = 15;
const failureLimits = { email: 5, ip: 30 } as const;

export type ThrottleKey = { key: string; limit: number };

export function throttleKeys(email: string, ip: string): ThrottleKey[] {
  return [
    { key: `email:${email}`, limit: failureLimits.email },
    { key: `ip:${ip}`, limit: failureLimits.ip },
  ];
}

/** Seconds until the first locked key opens again, or null when none is locked. */
export async function secondsLocked(db: Database, keys: ThrottleKey[]): Promise<number | null> {
  const rows = await db
    .select({ lockedUntil: signInThrottle.lockedUntil })
    .from(signInThrottle)
    .where(
      inArray(
        signInThrottle.key,
        keys.map((k) => k.key),
      ),
    );
  const now = Date.now();
  const waits = rows
    .map((row) => (row.lockedUntil ? Math.ceil((row.lockedUntil.getTime() - now) / 1000) : 0))
    .filter((seconds) => seconds > 0);
  return waits.length ? Math.max(...waits) : null;
}

/** Counts one failure on each key; returns the highest count within the window. */
export async function recordFailure(db: Database, keys: ThrottleKey[]): Promise<number> {
  let highest = 0;
  for (const { key, limit } of keys) {
    const rows = await db
      .insert(signInThrottle)
      .values({ key, failures: 1 })
      .onConflictDoUpdate({
        target: signInThrottle.key,
        set: {
          failures: sql`case when ${signInThrottle.firstFailureAt} < now() - make_interval(mins => ${windowMinutes}) then 1 else ${signInThrottle.failures} + 1 end`,
          firstFailureAt: sql`case when ${signInThrottle.firstFailureAt} < now() - make_interval(mins => ${windowMinutes}) then now() else ${signInThrottle.firstFailureAt} end`,
        },
      })
      .returning({ failures: signInThrottle.failures });
    const failures = rows[0]?.failures ?? 1;
    if (failures >= limit) {
      await db
        .update(signInThrottle)
        .set({ lockedUntil: sql`now() + make_interval(mins => ${lockMinutes})` })
        .where(sql`${signInThrottle.key} = ${key}`);
    }
    highest = Math.max(highest, failures);
  }
  return highest;
}

export async function clearFailures(db: Database, key: string): Promise<void> {
  await db.delete(signInThrottle).where(sql`${signInThrottle.key} = ${key}`);
}
