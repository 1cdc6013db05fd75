import { and, asc, eq, exists, inArray, lte, or, sql } from 'drizzle-orm';
import type { CrisisReminder } from '../../../core/contracts/crisis.ts';
import { addDays, daysBetween, endReminderDays } from '../../../core/crisis.ts';
import type { Database, Tx } from '../../db/client.ts';
import { crisisMobilisationParticipants, crisisMobilisations } from '../../db/schema/index.ts';
import type { Actor } from '../../http/request-context.ts';

/**
 * The end reminders of someone's day: validated mobilisations they take part in (a coordinator:
 * any of their teams') whose end is within a week or already past. Read on every call, so a
 * reminder stays until someone prolongs or closes the mobilisation: nothing ends by itself.
 */
export async function crisisRemindersFor(db: Database | Tx, actor: Actor, today: string): Promise<CrisisReminder[]> {
  if (actor.teamIds.length === 0) return [];
  const takesPart = exists(
    db
      .select({ one: sql`1` })
      .from(crisisMobilisationParticipants)
      .where(
        and(
          eq(crisisMobilisationParticipants.mobilisationId, crisisMobilisations.id),
          eq(crisisMobilisationParticipants.userId, actor.id),
        ),
      ),
  );
  const rows = await db
    .select({ id: crisisMobilisations.id, title: crisisMobilisations.title, endsOn: crisisMobilisations.endsOn })
    .from(crisisMobilisations)
    .where(
      and(
        inArray(crisisMobilisations.teamId, actor.teamIds),
        eq(crisisMobilisations.status, 'validated'),
        lte(crisisMobilisations.endsOn, addDays(today, endReminderDays)),
        actor.role === 'coordinator' ? undefined : or(takesPart, eq(crisisMobilisations.proposedBy, actor.id)),
      ),
    )
    .orderBy(asc(crisisMobilisations.endsOn), asc(crisisMobilisations.id))
    .limit(20);
  return rows.map((row) => {
    const daysLeft = daysBetween(today, row.endsOn);
    return { ...row, daysLeft, state: daysLeft < 0 ? 'endPassed' : 'endingSoon' };
  });
}
