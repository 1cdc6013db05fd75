import { and, eq, inArray, isNotNull } from 'drizzle-orm';
import { directory } from '../../../scripts/generate/directory.ts';
import { network } from '../../../scripts/generate/network.ts';
import { type Flavour, fakerFor } from '../../../scripts/generate/random.ts';
import { referrals } from '../../../scripts/generate/referrals.ts';
import type { Row, TableRows } from '../../../scripts/generate/types.ts';
import { actorNeighbourhoods, encounters, neighbourhoods, teamMemberships, users } from '../../db/schema/index.ts';
import { insertRows } from '../bulk-insert.ts';
import { readTables, runnerOf } from '../catalog.ts';
import { refreshDerivedData } from '../derived.ts';
import { demoTeams, teamIdByCode } from './territories.ts';
import type { DemoStep } from './types.ts';

const day = 86_400_000;
const generated = ['teams', 'neighbourhoods', 'users', 'encounters'];
type MetRow = { person_id: string | null; needs: string[]; created_by: string | null };

/**
 * The neighbourhood's directory (a few hundred services over the demo teams, some saturated) and
 * the year's referrals with their outcomes, made by the generator's modules from the team's real
 * encounters; then, for each worker, one referral sent 7 days ago and one 30 days ago, still
 * open, so check-backs show on "Ma journée". Skipped for a team whose territory has organisations.
 */
export const directoryStep: DemoStep = {
  name: 'directory and referrals / répertoire et orientations',
  async run({ db, report }) {
    const tables = await readTables(runnerOf(db));
    for (const [index, team] of demoTeams.entries()) {
      const teamId = await teamIdByCode(db, team.code);
      if (!teamId) continue;
      const hoods = await db.select().from(neighbourhoods).where(eq(neighbourhoods.teamId, teamId));
      const [existing] = hoods.length
        ? await db
            .select({ id: actorNeighbourhoods.actorId })
            .from(actorNeighbourhoods)
            .where(
              inArray(
                actorNeighbourhoods.neighbourhoodId,
                hoods.map((h) => h.id),
              ),
            )
            .limit(1)
        : [];
      if (existing) {
        report(`directory of ${team.code} exists / existe`);
        continue;
      }
      const members = await db
        .select({ id: users.id, role: users.role })
        .from(users)
        .innerJoin(teamMemberships, eq(teamMemberships.userId, users.id))
        .where(eq(teamMemberships.teamId, teamId));
      const met = await db
        .select({
          id: encounters.id,
          person_id: encounters.personId,
          needs: encounters.needs,
          occurred_at: encounters.occurredAt,
          created_by: encounters.createdBy,
        })
        .from(encounters)
        .where(and(eq(encounters.teamId, teamId), isNotNull(encounters.createdBy)));
      const flavour: Flavour = index === 0 ? 'sherbrooke' : 'brussels';
      const faker = fakerFor('demo-directory', index, flavour);
      faker.setDefaultRefDate(new Date());
      const rows: TableRows = {
        teams: [{ id: teamId }],
        neighbourhoods: hoods.map((h) => ({ id: h.id, name: h.name })),
        users: members as Row[],
        encounters: met.map((e) => ({ ...e, occurred_at: e.occurred_at.toISOString() })),
      };
      const add = (table: string, ...added: Row[]) => {
        rows[table] = [...(rows[table] ?? []), ...added];
      };
      const context = { faker, flavour, seed: 'demo', tag: 'demo', teamIndex: index, rows, passwordHash: '', add };
      directory.generate(context);
      referrals.generate(context);
      network.generate(context);
      rows.referrals ??= [];
      rows.referral_events ??= [];
      addDueCheckBacks(rows, teamId, met);
      await db.transaction(async (tx) => {
        const run = runnerOf(tx);
        for (const table of tables) {
          if (generated.includes(table.name)) continue;
          await insertRows(run, table, rows[table.name] ?? []);
        }
        await refreshDerivedData(tx);
      });
      report(
        `directory of ${team.code}: ${rows.actors?.length ?? 0} actors, ${rows.services?.length ?? 0} services, ${rows.referrals?.length ?? 0} referrals / orientations`,
      );
    }
  },
};

/**
 * For each worker, a referral of their latest known contact made 7 days ago and one made 30 days
 * ago, sent and without news: the check-backs "Ma journée" shows today.
 */
function addDueCheckBacks(rows: TableRows, teamId: string, met: MetRow[]) {
  const services = rows.services ?? [];
  const latest = new Map<string, MetRow>();
  for (const encounter of met)
    if (encounter.created_by && encounter.person_id && encounter.needs.length)
      latest.set(encounter.created_by, encounter);
  for (const encounter of latest.values()) {
    const service = services.find((s) => (s.needs as string[]).some((n) => encounter.needs.includes(n))) ?? services[0];
    if (!service) return;
    for (const ago of [7, 30]) {
      const at = new Date(Date.now() - ago * day - 3_600_000).toISOString();
      const id = crypto.randomUUID();
      rows.referrals?.push({
        id,
        team_id: teamId,
        slip_number: `R-${id.slice(-12, -8)}-${id.slice(-8)}`.toUpperCase(),
        person_id: encounter.person_id,
        encounter_id: null,
        service_id: service.id,
        needs: encounter.needs.slice(0, 1),
        shared_items: ['name'],
        status: 'sent',
        failure_reason: null,
        referred_at: at,
        status_changed_at: at,
        connected_at: null,
        closed_at: null,
        version: 1,
        created_by: encounter.created_by,
        created_at: at,
        updated_at: at,
      });
      rows.referral_events?.push({
        id: crypto.randomUUID(),
        referral_id: id,
        kind: 'status',
        status: 'sent',
        reason: null,
        note: null,
        from_partner: false,
        occurred_at: at,
        recorded_by: encounter.created_by,
        created_at: at,
      });
    }
  }
}
