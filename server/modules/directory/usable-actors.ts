import { inArray } from 'drizzle-orm';
import type { Database, Tx } from '../../db/client.ts';
import { actors } from '../../db/schema/index.ts';
import { invalidFields, unknownRecord } from '../fieldwork/fieldwork.errors.ts';

/**
 * The actors a team may name in its own records (a tie, a committee, an activity's partners):
 * organisations, which everyone shares, and its own key persons. Another team's key person is
 * "not found", as everywhere; each unknown one is reported at its path (422).
 */
export async function checkUsableActors(db: Database | Tx, teamId: string, ids: { path: string; id: string }[]) {
  if (ids.length === 0) return;
  const rows = await db
    .select({ id: actors.id, teamId: actors.teamId })
    .from(actors)
    .where(
      inArray(
        actors.id,
        ids.map((i) => i.id),
      ),
    );
  const usable = new Set(rows.filter((r) => r.teamId === null || r.teamId === teamId).map((r) => r.id));
  const errors = ids.filter((i) => !usable.has(i.id)).map((i) => unknownRecord(i.path));
  if (errors.length) throw invalidFields(errors);
}
