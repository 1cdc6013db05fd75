import { sql } from 'drizzle-orm';
import type { DatabaseHandle } from '../db/client.ts';
import { runnerOf } from './catalog.ts';

export type CountingZoneOutcome =
  | { zone: string; changed: false }
  /** `encounters`: how many were counted again (none on a new database). */
  | { zone: string; changed: true; from: string; encounters: number }
  /** The deployment asked for another zone, but counts kept by a retention purge tie the old one. */
  | { zone: string; changed: false; refused: string };

/**
 * Makes the database count days, months and fiscal years in the deployment's time zone
 * (RELAIS_TIME_ZONE; migration `report_local_time`). On a change, the rollups are counted again
 * from the raw rows, in one transaction. When a retention purge has already kept counts whose
 * detail is gone, a recount would lose them: the database keeps its zone and the caller says so.
 */
export async function alignCountingZone(database: DatabaseHandle, wanted: string): Promise<CountingZoneOutcome> {
  const [current] = await runnerOf(database.db)<{ zone: string }>(sql`select relais_counting_zone() as zone`);
  const from = current?.zone ?? 'UTC';
  if (from === wanted) return { zone: from, changed: false };
  try {
    await database.db.transaction(async (tx) => {
      await tx.execute(
        sql`insert into settings (key, value, updated_at) values ('countingTimeZone', ${JSON.stringify(wanted)}::jsonb, now())
          on conflict (key) do update set value = excluded.value, updated_at = excluded.updated_at`,
      );
      const [recount] = await runnerOf(tx)<{ done: boolean }>(sql`select relais_recount_rollups() as done`);
      if (!recount?.done) throw new KeptCounts();
    });
  } catch (error) {
    if (error instanceof KeptCounts) return { zone: from, changed: false, refused: wanted };
    throw error;
  }
  const [counted] = await runnerOf(database.db)<{ n: number }>(sql`select count(*)::int as n from encounters`);
  return { zone: wanted, changed: true, from, encounters: counted?.n ?? 0 };
}

/** Rolls the change back: the rollups hold counts a purge kept. */
class KeptCounts extends Error {}

/** One line for the server's start, when there is something to say. */
export function countingZoneNotice(outcome: CountingZoneOutcome): string | null {
  if ('refused' in outcome)
    return `Counting stays in ${outcome.zone}, not ${outcome.refused}: a retention purge kept counts whose detail is gone, and recounting them in another time zone would lose them. / Les comptes restent en ${outcome.zone} : une purge a gardé des comptes dont le détail n’existe plus.`;
  // A new database has nothing to count again: nothing to say.
  if (outcome.changed && outcome.encounters > 0)
    return `Reports and coverage now count days in ${outcome.zone} (was ${outcome.from}): ${outcome.encounters} encounters counted again. / Les rapports comptent maintenant à l’heure de ${outcome.zone}.`;
  return null;
}
