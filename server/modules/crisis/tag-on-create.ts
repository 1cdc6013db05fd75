import type { Database, Tx } from '../../db/client.ts';
import { mobilisationWindows, windowFor } from './active-mobilisation.ts';

type NewWork = { teamId: string; createdBy?: string | null; crisisMobilisationId?: string | null };

/**
 * Tags work as it is created (REST or sync) with the mobilisation its author was in that day, for
 * a whole batch in one query. `dayOf` gives the calendar day of each item (UTC, as the rest of
 * field work counts days).
 */
export async function tagNewWork<Row extends NewWork>(
  db: Database | Tx,
  rows: Row[],
  dayOf: (row: Row) => string,
): Promise<void> {
  const authored = rows.filter((row) => row.createdBy);
  for (const row of rows) row.crisisMobilisationId = null;
  if (authored.length === 0) return;
  const days = authored.map(dayOf).sort();
  const windows = await mobilisationWindows(db, {
    userIds: authored.map((row) => row.createdBy as string),
    teamIds: authored.map((row) => row.teamId),
    from: days[0] as string,
    to: days[days.length - 1] as string,
  });
  if (windows.length === 0) return;
  for (const row of authored)
    row.crisisMobilisationId = windowFor(windows, row.teamId, row.createdBy as string, dayOf(row));
}
