import { ageBands } from '../../core/fieldwork.ts';
import { uuidv7From } from './random.ts';
import type { GeneratorModule, Row } from './types.ts';

const day = 86_400_000;
const isoDay = (at: Date) => at.toISOString().slice(0, 10);

const templates = [
  { title: 'La soupière', kind: 'meal', mission: 'collectiveInformation', themes: ['food'], every: 14 },
  { title: 'Café-rencontre des aînés', kind: 'group', mission: 'communityAction', themes: ['isolation'], every: 7 },
  {
    title: 'Séance d’information sur le logement',
    kind: 'informationSession',
    mission: 'collectiveInformation',
    themes: ['housing'],
    every: 45,
  },
  { title: 'Sortie culturelle', kind: 'outing', mission: 'communityAction', themes: ['isolation'], every: 60 },
] as const;

/**
 * The team's collective activities (issue 7): a meal every other week, a weekly group, information
 * sessions and outings over the last year, with partners, anonymous head counts by age band and a
 * few named participants each time — some of them volunteering, as seeds 001–003 describe.
 */
export const activities: GeneratorModule = {
  name: 'collective activities and attendance',
  generate({ faker, rows, add }) {
    const team = rows.teams?.[0];
    const people = (rows.people ?? []).filter((p) => p.merged_into_id == null);
    const partners = (rows.actors ?? []).filter((a) => a.active !== false && a.team_id == null);
    const places = rows.places ?? [];
    const author = (rows.users ?? []).find((u) => u.role === 'organizer' || u.role === 'worker');
    if (!team || people.length === 0) return;
    const end = faker.defaultRefDate();
    for (const template of templates) {
      const startsOn = new Date(end.getTime() - 365 * day);
      const place = places.length ? faker.helpers.arrayElement(places) : null;
      const activity: Row = {
        id: uuidv7From(faker, startsOn),
        team_id: team.id,
        neighbourhood_id: place?.neighbourhood_id ?? null,
        title: template.title,
        kind: template.kind,
        group_type: template.kind === 'group' ? 'closed' : 'open',
        mission: template.mission,
        themes: [...template.themes],
        languages: ['fr'],
        place_id: place?.id ?? null,
        description: null,
        starts_on: isoDay(startsOn),
        ends_on: null,
        active: true,
        version: 1,
        created_by: author?.id ?? null,
        created_at: startsOn.toISOString(),
        updated_at: startsOn.toISOString(),
      };
      add('collective_activities', activity);
      for (const partner of faker.helpers.arrayElements(partners, { min: 0, max: Math.min(2, partners.length) }))
        add('activity_partners', { activity_id: activity.id, actor_id: partner.id });
      const regulars = faker.helpers.arrayElements(people, { min: 2, max: Math.min(10, people.length) });
      for (let at = startsOn.getTime() + template.every * day; at < end.getTime(); at += template.every * day) {
        const onDate = new Date(at);
        const headCounts: Record<string, number> = {};
        for (const band of faker.helpers.arrayElements(ageBands.slice(2), { min: 1, max: 3 }))
          headCounts[band] = faker.number.int({ min: 1, max: 12 });
        const session: Row = {
          id: uuidv7From(faker, onDate),
          activity_id: activity.id,
          team_id: team.id,
          on_date: isoDay(onDate),
          place_id: activity.place_id,
          head_counts: headCounts,
          note: null,
          version: 1,
          created_by: author?.id ?? null,
          created_at: onDate.toISOString(),
          updated_at: onDate.toISOString(),
        };
        add('activity_sessions', session);
        for (const person of faker.helpers.arrayElements(regulars, { min: 1, max: regulars.length }))
          add('activity_attendance', {
            session_id: session.id,
            person_id: person.id,
            role: faker.helpers.weightedArrayElement([
              { value: 'participant', weight: 8 },
              { value: 'volunteer', weight: 2 },
              { value: 'coFacilitator', weight: 1 },
            ]),
          });
      }
    }
  },
};
