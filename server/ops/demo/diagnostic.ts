import { and, eq } from 'drizzle-orm';
import { uuidv7 } from '../../../core/uuid.ts';
import {
  diagnostics,
  diagnosticVersions,
  needSignals,
  neighbourhoods,
  teamMemberships,
  users,
} from '../../db/schema/index.ts';
import { detectForTeam } from '../../modules/signals/signals.detect.ts';
import { demoTeams, teamIdByCode } from './territories.ts';
import type { DemoStep } from './types.ts';

const day = 86_400_000;
const isoDay = (at: Date) => at.toISOString().slice(0, 10);

/** A first draft as a team writes one: a few lines per section, two priorities. */
const draft = {
  history:
    'Ancien quartier ouvrier né autour des usines et de la voie ferrée. Plusieurs vagues d’arrivée de familles ' +
    'réfugiées depuis vingt ans ; une forte mobilité résidentielle.',
  population:
    'Beaucoup de familles monoparentales, de personnes seules et de nouveaux arrivants. Les aînés vivent ' +
    'souvent seuls dans les immeubles à logements.',
  livingConditions:
    'Logements anciens, parfois insalubres ; loyers en hausse. Peu de commerces d’alimentation à distance de marche.',
  needs: 'Se loger dignement, manger à sa faim, sortir de l’isolement, comprendre ses droits.',
  resources:
    'Une table de concertation active, un local de quartier, une banque alimentaire et des citoyens pivots connus.',
  gaps: 'Peu de services en soirée ; les personnes âgées isolées sont difficiles à rejoindre.',
};

/**
 * Need signals detected from the demo's field work at the default thresholds (one acknowledged,
 * with a note), and a drafted diagnostic of each team's first neighbourhood. Skipped for a team
 * whose first neighbourhood already has a diagnostic.
 */
export const diagnosticStep: DemoStep = {
  name: 'need signals and diagnostic / signaux de besoins et diagnostic',
  async run({ db, report }) {
    for (const team of demoTeams) {
      const teamId = await teamIdByCode(db, team.code);
      if (!teamId) continue;
      const [hood] = await db.select().from(neighbourhoods).where(eq(neighbourhoods.code, team.neighbourhoods[0].code));
      if (!hood) continue;
      const [existing] = await db.select().from(diagnostics).where(eq(diagnostics.neighbourhoodId, hood.id));
      if (existing) {
        report(`diagnostic of ${hood.code} exists / existe`);
        continue;
      }
      const [coordinator] = await db
        .select({ id: users.id })
        .from(users)
        .innerJoin(teamMemberships, eq(teamMemberships.userId, users.id))
        .where(and(eq(teamMemberships.teamId, teamId), eq(users.role, 'coordinator')));
      const detected = await detectForTeam(db, null, teamId);
      const first = detected.created[0];
      if (first)
        await db
          .update(needSignals)
          .set({
            status: 'acknowledged',
            statusNote: 'À porter à la prochaine table de concertation.',
            statusChangedBy: coordinator?.id ?? null,
            statusChangedAt: new Date(),
            version: 2,
          })
          .where(eq(needSignals.id, first));
      const id = uuidv7();
      await db.transaction(async (tx) => {
        await tx
          .insert(diagnostics)
          .values({ id, neighbourhoodId: hood.id, teamId, currentVersion: 1, createdBy: coordinator?.id ?? null });
        await tx.insert(diagnosticVersions).values({
          id: uuidv7(),
          diagnosticId: id,
          number: 1,
          status: 'draft',
          title: `Diagnostic ${hood.name} ${new Date().getUTCFullYear()}`,
          sections: draft,
          priorities: [
            { id: uuidv7(), title: 'Se loger dignement', detail: 'Soutenir les locataires face à l’insalubrité.' },
            { id: uuidv7(), title: 'Briser l’isolement des aînés', detail: null },
          ],
          periodFrom: isoDay(new Date(Date.now() - 364 * day)),
          periodTo: isoDay(new Date()),
          savedBy: coordinator?.id ?? null,
        });
      });
      report(`need signals of ${team.code}: ${detected.created.length}; diagnostic of ${hood.code} drafted / rédigé`);
    }
  },
};
