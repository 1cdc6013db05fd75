import { eq, sql } from 'drizzle-orm';
import { uuidv7 } from '../../../core/uuid.ts';
import { consentEvents, privacyIncidentPeople, privacyIncidents } from '../../db/schema/index.ts';
import { demoTeams, teamIdByCode } from './territories.ts';
import type { DemoStep } from './types.ts';

const day = 86_400_000;
const isoDay = (at: Date) => at.toISOString().slice(0, 10);

/**
 * The registers of people's rights: the consent register filled from the demo people's consents
 * (the demo rows were written directly, not through the consent paths), and one closed incident
 * per team, a phone lost on a round and wiped remotely. Skipped for a team whose register has lines.
 */
export const rightsStep: DemoStep = {
  name: 'consent and incident registers / registres des consentements et des incidents',
  async run({ db, report }) {
    for (const team of demoTeams) {
      const teamId = await teamIdByCode(db, team.code);
      if (!teamId) continue;
      const [existing] = await db
        .select({ id: privacyIncidents.id })
        .from(privacyIncidents)
        .where(eq(privacyIncidents.teamId, teamId))
        .limit(1);
      if (existing) {
        report(`registers of ${team.code} exist / existent`);
        continue;
      }
      const consented = (await db.execute(
        sql`select p.id, p.consent_scope, p.consent_given_at, p.consent_recorded_by from people p
          where p.team_id = ${teamId} and p.consent_given_at is not null
            and not exists (select 1 from consent_events c where c.person_id = p.id)`,
      )) as unknown as {
        rows: {
          id: string;
          consent_scope: string | null;
          consent_given_at: string | Date;
          consent_recorded_by: string | null;
        }[];
      };
      const occurred = new Date(Date.now() - 40 * day);
      const coordinator = (await db.execute(
        sql`select u.id from users u join team_memberships m on m.user_id = u.id
          where m.team_id = ${teamId} and u.role = 'coordinator' limit 1`,
      )) as unknown as { rows: { id: string }[] };
      await db.transaction(async (tx) => {
        if (consented.rows.length)
          await tx.insert(consentEvents).values(
            consented.rows.map((p) => ({
              id: uuidv7(),
              teamId,
              personId: p.id,
              kind: 'given',
              scope: p.consent_scope,
              occurredAt: new Date(p.consent_given_at),
              recordedBy: p.consent_recorded_by,
            })),
          );
        const incidentId = uuidv7();
        await tx.insert(privacyIncidents).values({
          id: incidentId,
          teamId,
          occurredOn: isoDay(occurred),
          nature: 'lostDevice',
          dataConcerned: 'Téléphone de service oublié dans le bus après la tournée (application verrouillée)',
          peopleAffected: Math.min(consented.rows.length, 1),
          measures: 'Téléphone effacé à distance, session révoquée, mot de passe changé. Retrouvé le lendemain.',
          notifiedTo: 'Responsable de la protection des données',
          notifiedOn: isoDay(new Date(occurred.getTime() + day)),
          closedOn: isoDay(new Date(occurred.getTime() + 2 * day)),
          createdBy: coordinator.rows[0]?.id ?? null,
        });
        const first = consented.rows[0];
        if (first) await tx.insert(privacyIncidentPeople).values({ incidentId, personId: first.id });
      });
      report(
        `registers of ${team.code}: ${consented.rows.length} consents, 1 closed incident / consentements, 1 incident clos`,
      );
    }
  },
};
