import { eq, inArray } from 'drizzle-orm';
import { fieldwork } from '../../../scripts/generate/fieldwork.ts';
import { fakerFor } from '../../../scripts/generate/random.ts';
import type { Row, TableRows } from '../../../scripts/generate/types.ts';
import { neighbourhoods, outreachSessions, teamMemberships, users } from '../../db/schema/index.ts';
import { insertRows } from '../bulk-insert.ts';
import { readTables, runnerOf } from '../catalog.ts';
import { demoTeams, teamIdByCode } from './territories.ts';
import type { DemoStep } from './types.ts';

const day = 86_400_000;
const isoDate = (at: Date) => at.toISOString().slice(0, 10);

/**
 * A year of field work for each demo team, up to today, made by the synthetic data generator's
 * fieldwork module (the same shapes the benchmarks use), then today's round and follow-ups so
 * "Ma journée" has something to show. Skipped for a team that already has sessions.
 */
export const fieldworkStep: DemoStep = {
  name: 'field work / travail de terrain',
  async run({ db, report }) {
    const tables = await readTables(runnerOf(db));
    for (const [index, team] of demoTeams.entries()) {
      const teamId = await teamIdByCode(db, team.code);
      if (!teamId) continue;
      const [existing] = await db
        .select({ id: outreachSessions.id })
        .from(outreachSessions)
        .where(eq(outreachSessions.teamId, teamId))
        .limit(1);
      if (existing) {
        report(`field work of ${team.code} exists / existe`);
        continue;
      }
      const members = await db
        .select({ id: users.id, role: users.role, email: users.email })
        .from(users)
        .innerJoin(teamMemberships, eq(teamMemberships.userId, users.id))
        .where(eq(teamMemberships.teamId, teamId));
      const hoods = await db
        .select()
        .from(neighbourhoods)
        .where(inArray(neighbourhoods.teamId, [teamId]));
      const flavour = index === 0 ? 'sherbrooke' : 'brussels';
      const faker = fakerFor('demo', index, flavour);
      faker.setDefaultRefDate(new Date());
      const rows: TableRows = {
        teams: [{ id: teamId }],
        neighbourhoods: hoods.map((h) => ({ id: h.id, name: h.name })),
        users: members as Row[],
      };
      const add = (table: string, ...added: Row[]) => {
        rows[table] = [...(rows[table] ?? []), ...added];
      };
      fieldwork.generate({ faker, flavour, seed: 'demo', tag: 'demo', teamIndex: index, rows, passwordHash: '', add });
      addToday(rows, teamId, members);
      await db.transaction(async (tx) => {
        const run = runnerOf(tx);
        for (const table of tables) {
          if (['teams', 'neighbourhoods', 'users'].includes(table.name)) continue;
          await insertRows(run, table, rows[table.name] ?? []);
        }
      });
      report(
        `field work of ${team.code}: ${rows.outreach_sessions?.length ?? 0} sessions, ${rows.people?.length ?? 0} people, ${rows.encounters?.length ?? 0} encounters / rencontres`,
      );
    }
  },
};

/** This morning's round in binôme, and follow-ups due today and overdue for each worker. */
function addToday(rows: TableRows, teamId: string, members: { id: string; role: string }[]) {
  const now = new Date();
  const workers = members.filter((m) => m.role === 'worker');
  const place = rows.places?.[0];
  const encounters = rows.encounters ?? [];
  if (!workers.length || !place) return;
  const morning = new Date(now.getTime() - 2 * 3_600_000);
  const sessionId = crypto.randomUUID();
  rows.outreach_sessions?.push({
    id: sessionId,
    team_id: teamId,
    kind: 'walk',
    on_date: isoDate(now),
    started_at: morning.toISOString(),
    ended_at: new Date(morning.getTime() + 5_400_000).toISOString(),
    place_id: place.id,
    version: 1,
    created_by: workers[0]!.id,
    created_at: morning.toISOString(),
    updated_at: morning.toISOString(),
  });
  rows.outreach_session_members?.push(...workers.slice(0, 2).map((w) => ({ session_id: sessionId, user_id: w.id })));
  // The most recent known contacts of each worker get a follow-up: one due today, one overdue.
  for (const worker of workers) {
    const known = encounters
      .filter((e) => e.created_by === worker.id && e.person_id)
      .sort((a, b) => String(b.occurred_at).localeCompare(String(a.occurred_at)))
      .slice(0, 2);
    known.forEach((encounter, k) => {
      encounter.follow_up_on = isoDate(new Date(now.getTime() - k * 3 * day));
      encounter.follow_up_what =
        k === 0 ? 'Rappeler pour le rendez-vous au CLSC' : 'Accompagner au dépannage alimentaire';
      encounter.follow_up_done_at = null;
    });
  }
}
