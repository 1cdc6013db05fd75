import { and, eq, inArray } from 'drizzle-orm';
import { addDays } from '../../../core/crisis.ts';
import { uuidv7 } from '../../../core/uuid.ts';
import {
  crisisMobilisationEvents,
  crisisMobilisationParticipants,
  crisisMobilisations,
  teamMemberships,
  users,
} from '../../db/schema/index.ts';
import { tagLoggedWork } from '../../modules/crisis/crisis.decisions.ts';
import { demoTeams, teamIdByCode } from './territories.ts';
import type { DemoStep } from './types.ts';

const today = () => new Date().toISOString().slice(0, 10);

/** The two responses of seed 004's history: a sanitary crisis (ended) and arrivals of displaced families (running). */
const plans = () => [
  {
    title: 'Réponse Covid : appels aux aînés isolés',
    reason:
      'Demande de la santé publique pendant la vague de l’hiver : appeler les aînés seuls, livrer les paniers, ' +
      'relayer les consignes dans les langues du quartier.',
    startsOn: addDays(today(), -320),
    endsOn: addDays(today(), -250),
    endedOn: addDays(today(), -256) as string | null,
    sharePercent: 40,
    note: 'Validé : à l’échelle du quartier, sans arrêter les permanences.',
  },
  {
    title: 'Accueil des familles déplacées',
    reason:
      'Une trentaine de familles arrivent au centre d’hébergement du quartier : premier accueil, orientation vers ' +
      'les services, lien avec les écoles.',
    startsOn: addDays(today(), -30),
    endsOn: addDays(today(), 5),
    endedOn: null as string | null,
    sharePercent: 20,
    note: 'Validé pour cinq semaines ; on refait le point avant la fin.',
  },
];

/**
 * Crisis mobilisations of each demo team: one ended, one running whose end is near (so its reminder
 * shows on the day of its workers and the coordinator), their history, and the team's work of those
 * days tagged. Skipped for a team that already has mobilisations.
 */
export const crisisStep: DemoStep = {
  name: 'crisis mobilisations / mobilisations de crise',
  async run({ db, report }) {
    for (const team of demoTeams) {
      const teamId = await teamIdByCode(db, team.code);
      if (!teamId) continue;
      const [existing] = await db.select().from(crisisMobilisations).where(eq(crisisMobilisations.teamId, teamId));
      if (existing) {
        report(`crisis mobilisations of ${team.code} exist / existent`);
        continue;
      }
      const members = await db
        .select({ id: users.id, role: users.role })
        .from(users)
        .innerJoin(teamMemberships, eq(teamMemberships.userId, users.id))
        .where(and(eq(teamMemberships.teamId, teamId), inArray(users.role, ['worker', 'organizer', 'coordinator'])));
      const workers = members.filter((m) => m.role !== 'coordinator');
      const coordinator = members.find((m) => m.role === 'coordinator');
      if (workers.length === 0 || !coordinator) continue;
      for (const plan of plans()) {
        const id = uuidv7();
        const proposer = workers[0]?.id as string;
        await db.transaction(async (tx) => {
          const [row] = await tx
            .insert(crisisMobilisations)
            .values({
              id,
              teamId,
              title: plan.title,
              reason: plan.reason,
              sharePercent: plan.sharePercent,
              startsOn: plan.startsOn,
              endsOn: plan.endsOn,
              status: plan.endedOn ? 'ended' : 'validated',
              endedOn: plan.endedOn,
              decisionNote: plan.note,
              proposedBy: proposer,
              version: plan.endedOn ? 3 : 2,
            })
            .returning();
          await tx
            .insert(crisisMobilisationParticipants)
            .values(workers.slice(0, 2).map((worker) => ({ mobilisationId: id, userId: worker.id })));
          const steps = [
            { kind: 'proposed', endsOn: plan.endsOn, note: plan.reason, byUser: proposer },
            { kind: 'validated', endsOn: plan.endsOn, note: plan.note, byUser: coordinator.id },
            ...(plan.endedOn ? [{ kind: 'ended', endsOn: plan.endedOn, note: null, byUser: proposer }] : []),
          ];
          const at = Date.parse(`${plan.startsOn}T09:00:00Z`);
          await tx
            .insert(crisisMobilisationEvents)
            .values(
              steps.map((step, k) => ({ id: uuidv7(), mobilisationId: id, ...step, at: new Date(at + k * 3_600_000) })),
            );
          if (row) await tagLoggedWork(tx, row, plan.startsOn, plan.endedOn ?? plan.endsOn);
        });
      }
      report(`crisis mobilisations of ${team.code}: 2 (one ended, one running) / 2 (une close, une en cours)`);
    }
  },
};
