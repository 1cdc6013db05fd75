import { uuidv7From } from './random.ts';
import type { GeneratorModule, Row } from './types.ts';

const hour = 3_600_000;
const reasons = [
  'Appel du CPAS : la personne est hospitalisée, ils cherchent son équipe de rue',
  'Signalement de disparition : vérifier le dernier contact',
  'Demande du médiateur après une plainte de la personne',
];

/**
 * Break the glass (issue 8): grants are rare, so only teams with an admin account (one in ten, see
 * accounts.ts; the only account generated outside the team's work) have a few past ones — an
 * hour-long read of one person, now expired, one of them revoked early by the coordinator — each
 * with its trail in the audit log.
 */
export const accessGrantsModule: GeneratorModule = {
  name: 'break-the-glass grants',
  generate({ faker, rows, add }) {
    const admin = (rows.users ?? []).find((u) => u.role === 'admin');
    const coordinator = (rows.users ?? []).find((u) => u.role === 'coordinator');
    const people = (rows.people ?? []).filter((p) => !p.merged_into_id);
    if (!admin || people.length === 0) return;
    const end = faker.defaultRefDate();
    const count = faker.number.int({ min: 1, max: 3 });
    for (let i = 0; i < count; i++) {
      const person = faker.helpers.arrayElement(people);
      const grantedAt = faker.date.between({
        from: new Date(end.getTime() - 180 * 24 * hour),
        to: new Date(end.getTime() - 2 * hour),
      });
      const revoked = i === 1 && coordinator;
      const grant = {
        id: uuidv7From(faker, grantedAt),
        user_id: admin.id,
        person_id: person.id,
        team_id: person.team_id,
        reason: faker.helpers.arrayElement(reasons),
        granted_at: grantedAt.toISOString(),
        expires_at: new Date(grantedAt.getTime() + hour).toISOString(),
        revoked_at: revoked ? new Date(grantedAt.getTime() + hour / 4).toISOString() : null,
        revoked_by: revoked ? coordinator.id : null,
      } satisfies Row;
      add('access_grants', grant);
      const entry = (at: string, fields: Row) => ({
        at,
        actor_id: admin.id,
        actor_role: 'admin',
        ip: null,
        user_agent: null,
        reason: grant.reason,
        team_id: grant.team_id,
        ...fields,
      });
      add(
        'audit_log',
        entry(grant.granted_at, {
          action: 'break_glass_grant',
          entity_type: 'access_grant',
          entity_id: grant.id,
          details: { personId: person.id, minutes: 60, expiresAt: grant.expires_at },
        }),
        entry(new Date(grantedAt.getTime() + 60_000).toISOString(), {
          action: 'break_glass_read',
          entity_type: 'person',
          entity_id: person.id,
          details: { grantId: grant.id },
        }),
      );
    }
  },
};
