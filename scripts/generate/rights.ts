import { uuidv7From } from './random.ts';
import type { GeneratorModule, Row } from './types.ts';

const day = 86_400_000;
const isoDay = (at: Date) => at.toISOString().slice(0, 10);

/**
 * People's rights (issue 8): the consent register as the consent paths would have filled it (a
 * line for each consent on record), and one closed privacy incident per team (a phone lost on a
 * round, wiped remotely) linked to one of the team's people.
 */
export const rights: GeneratorModule = {
  name: "people's rights registers",
  generate({ faker, rows, add }) {
    const team = rows.teams?.[0];
    if (!team) return;
    const coordinator = (rows.users ?? []).find((u) => u.role === 'coordinator');
    for (const person of rows.people ?? []) {
      if (!person.consent_given_at) continue;
      const givenAt = new Date(String(person.consent_given_at));
      add('consent_events', {
        id: uuidv7From(faker, givenAt),
        team_id: team.id,
        person_id: person.id,
        kind: 'given',
        scope: person.consent_scope ?? 'identity',
        occurred_at: givenAt.toISOString(),
        recorded_by: person.consent_recorded_by ?? person.created_by ?? null,
        created_at: givenAt.toISOString(),
      } satisfies Row);
    }
    const end = faker.defaultRefDate();
    const people = rows.people ?? [];
    const concerned = people.length ? faker.helpers.arrayElement(people) : undefined;
    const occurred = new Date(end.getTime() - faker.number.int({ min: 20, max: 120 }) * day);
    add('privacy_incidents', {
      id: uuidv7From(faker, occurred),
      team_id: team.id,
      occurred_on: isoDay(occurred),
      nature: 'lostDevice',
      data_concerned: 'Téléphone de service perdu pendant une tournée (application verrouillée, données chiffrées)',
      people_affected: faker.number.int({ min: 1, max: 12 }),
      measures: 'Téléphone effacé à distance, session révoquée, mot de passe changé.',
      notified_to: 'Responsable de la protection des données',
      notified_on: isoDay(new Date(occurred.getTime() + day)),
      closed_on: isoDay(new Date(occurred.getTime() + 3 * day)),
      version: 1,
      created_by: coordinator?.id ?? null,
      created_at: occurred.toISOString(),
      updated_at: occurred.toISOString(),
    } satisfies Row);
    const incident = rows.privacy_incidents?.at(-1);
    if (concerned && incident) add('privacy_incident_people', { incident_id: incident.id, person_id: concerned.id });
  },
};
