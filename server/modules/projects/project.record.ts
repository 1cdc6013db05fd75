import { eq } from 'drizzle-orm';
import { text } from '../../../core/localized.ts';
import type { Database, Tx } from '../../db/client.ts';
import { communityProjects } from '../../db/schema/index.ts';
import { scopedRecord } from '../fieldwork/fieldwork.policy.ts';

export type ProjectRow = typeof communityProjects.$inferSelect;

/** A project belongs to one team: its members read and write it; an admin reads with a reason. */
export const projectRecord = scopedRecord(
  async (db: Database | Tx, id: string) => {
    const [row] = await db.select().from(communityProjects).where(eq(communityProjects.id, id));
    return row;
  },
  text('Projet', 'Project'),
);
