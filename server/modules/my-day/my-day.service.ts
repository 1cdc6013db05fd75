import { and, asc, desc, eq, gte, inArray, isNotNull, isNull, lte, or, sql } from 'drizzle-orm';
import type { FastifyRequest } from 'fastify';
import type { MyDay } from '../../../core/contracts/fieldwork.ts';
import type { Database } from '../../db/client.ts';
import { encounters, outreachSessions } from '../../db/schema/index.ts';
import { actorOf } from '../../http/request-context.ts';
import { crisisRemindersFor } from '../crisis/crisis.reminders.ts';
import { presentEncounter } from '../fieldwork/encounters.presenter.ts';
import { dayOf, presentSessions } from '../fieldwork/sessions.service.ts';
import { presentSummary } from '../people/people.presenter.ts';
import { recentlyMetPeople } from '../people/people.repo.ts';
import { checkBacksDue } from '../referrals/referrals.check-backs.ts';

const DAY = 86_400_000;

/**
 * The worker's home screen in one call: today's sessions (running ones whatever their date),
 * follow-ups due or overdue, their recent encounters, and the people met lately for a quick contact.
 */
export async function myDay(db: Database, request: FastifyRequest, date: string | undefined): Promise<MyDay> {
  const actor = actorOf(request);
  const today = date ?? dayOf(new Date());
  const teams = actor.teamIds;
  if (teams.length === 0)
    return {
      date: today,
      sessions: [],
      followUps: [],
      recentEncounters: [],
      recentPeople: [],
      checkBacks: [],
      crisisReminders: [],
    };
  const dayStart = new Date(`${today}T00:00:00Z`);
  // Qualified by hand: Drizzle leaves columns unqualified in a one-table select.
  const isMine = sql`exists (select 1 from outreach_session_members m
    where m.session_id = "outreach_sessions"."id" and m.user_id = ${actor.id})`;
  const [sessionRows, followUpRows, recentRows, people, checkBacks, crisisReminders] = await Promise.all([
    db
      .select()
      .from(outreachSessions)
      .where(
        and(
          inArray(outreachSessions.teamId, teams),
          or(
            eq(outreachSessions.onDate, today),
            and(isNotNull(outreachSessions.startedAt), isNull(outreachSessions.endedAt)),
          ),
        ),
      )
      .orderBy(sql`${isMine} desc`, asc(outreachSessions.startedAt), asc(outreachSessions.id))
      .limit(50),
    db
      .select()
      .from(encounters)
      .where(
        and(
          eq(encounters.createdBy, actor.id),
          isNotNull(encounters.followUpOn),
          isNull(encounters.followUpDoneAt),
          lte(encounters.followUpOn, today),
          inArray(encounters.teamId, teams),
        ),
      )
      .orderBy(asc(encounters.followUpOn), asc(encounters.occurredAt))
      .limit(100),
    db
      .select()
      .from(encounters)
      .where(
        and(eq(encounters.createdBy, actor.id), gte(encounters.occurredAt, new Date(dayStart.getTime() - 7 * DAY))),
      )
      .orderBy(desc(encounters.occurredAt))
      .limit(20),
    recentlyMetPeople(db, teams, new Date(dayStart.getTime() - 60 * DAY), 20),
    // Due by the end of the day shown: a check-back due at 15:00 is on the morning's list.
    checkBacksDue(db, actor, new Date(dayStart.getTime() + DAY)),
    crisisRemindersFor(db, actor, today),
  ]);
  return {
    date: today,
    sessions: await presentSessions(db, sessionRows),
    followUps: followUpRows.map((row) => ({
      state: (row.followUpOn as string) < today ? ('overdue' as const) : ('dueToday' as const),
      encounter: presentEncounter(row),
    })),
    recentEncounters: recentRows.map(presentEncounter),
    recentPeople: people.map(presentSummary),
    checkBacks,
    crisisReminders,
  };
}
