import { eq } from 'drizzle-orm';
import { fakerFor } from '../../../scripts/generate/random.ts';
import { time } from '../../../scripts/generate/time.ts';
import type { Row, TableRows } from '../../../scripts/generate/types.ts';
import { teamMemberships, timeEntries, users } from '../../db/schema/index.ts';
import { insertRows } from '../bulk-insert.ts';
import { readTables, runnerOf } from '../catalog.ts';
import { demoTeams, teamIdByCode } from './territories.ts';
import type { DemoStep } from './types.ts';

const timeTables = ['time_agreements', 'time_entries', 'team_log_days', 'mission_criteria'];

/**
 * Eight weeks of the demo workers' time by mission (some of it flagged outside the mandate), the
 * agreed 20 % host partner / 80 % neighbourhood split, and the daily team log, made by the
 * generator's time module. Skipped for a team that already has time entries.
 */
export const timeStep: DemoStep = {
  name: 'team time and log / temps et journal d’équipe',
  async run({ db, report }) {
    const tables = (await readTables(runnerOf(db))).filter((table) => timeTables.includes(table.name));
    for (const [index, team] of demoTeams.entries()) {
      const teamId = await teamIdByCode(db, team.code);
      if (!teamId) continue;
      const [existing] = await db
        .select({ id: timeEntries.id })
        .from(timeEntries)
        .where(eq(timeEntries.teamId, teamId))
        .limit(1);
      if (existing) {
        report(`time of ${team.code} exists / existe`);
        continue;
      }
      const members = await db
        .select({ id: users.id, role: users.role })
        .from(users)
        .innerJoin(teamMemberships, eq(teamMemberships.userId, users.id))
        .where(eq(teamMemberships.teamId, teamId));
      const flavour = index === 0 ? 'sherbrooke' : 'brussels';
      const faker = fakerFor('demo-time', index, flavour);
      faker.setDefaultRefDate(new Date());
      const rows: TableRows = { teams: [{ id: teamId }], users: members as Row[] };
      const add = (table: string, ...added: Row[]) => {
        rows[table] = [...(rows[table] ?? []), ...added];
      };
      time.generate({ faker, flavour, seed: 'demo', tag: 'demo', teamIndex: index, rows, passwordHash: '', add });
      await db.transaction(async (tx) => {
        const run = runnerOf(tx);
        for (const table of tables) await insertRows(run, table, rows[table.name] ?? []);
      });
      report(
        `time of ${team.code}: ${rows.time_entries?.length ?? 0} entries, ${rows.team_log_days?.length ?? 0} log days / saisies, jours de journal`,
      );
    }
  },
};
