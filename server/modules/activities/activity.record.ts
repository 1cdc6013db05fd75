import { eq } from 'drizzle-orm';
import { text } from '../../../core/localized.ts';
import type { Database, Tx } from '../../db/client.ts';
import { collectiveActivities } from '../../db/schema/index.ts';
import { scopedRecord } from '../fieldwork/fieldwork.policy.ts';

/** An activity belongs to one team: its members read and write it; an admin reads with a reason. */
export const activityRecord = scopedRecord(
  async (db: Database | Tx, id: string) => {
    const [row] = await db.select().from(collectiveActivities).where(eq(collectiveActivities.id, id));
    return row;
  },
  text('Activité', 'Activity'),
);
