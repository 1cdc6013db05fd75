import { interactionKinds, tieKinds } from '../../core/network.ts';
import { uuidv7From } from './random.ts';
import type { GeneratorModule, Row } from './types.ts';

const day = 86_400_000;
const isoDay = (at: Date) => at.toISOString().slice(0, 10);

/**
 * The team's maillage: ties between the actors of its territory that grow over the years (a few
 * end), mostly among partners of the same field — food with food, health with health — with a few
 * bridges; and a year of meetings, calls, concertation tables and shared events.
 */
export const network: GeneratorModule = {
  name: 'ties and interactions',
  generate({ faker, rows, add }) {
    const team = rows.teams?.[0];
    const actors = (rows.actors ?? []).filter((a) => a.active !== false);
    const workers = (rows.users ?? []).filter((u) => u.role === 'worker' || u.role === 'organizer');
    if (!team || actors.length < 2) return;
    const end = faker.defaultRefDate();
    const start = new Date(end.getTime() - 3 * 365 * day);
    const seen = new Set<string>();
    const tieCount = Math.round(actors.length * faker.number.float({ min: 1.2, max: 1.8 }));
    for (let k = 0; k < tieCount; k++) {
      const a = faker.helpers.arrayElement(actors);
      const sameField = actors.filter((x) => x !== a && x.category === a.category);
      const b =
        sameField.length && faker.datatype.boolean(0.6)
          ? faker.helpers.arrayElement(sameField)
          : faker.helpers.arrayElement(actors);
      const key = [a.id, b.id].sort().join(':');
      if (a === b || seen.has(key)) continue;
      seen.add(key);
      const startedOn = faker.date.between({ from: start, to: end });
      const ended = faker.datatype.boolean(0.12);
      add('ties', {
        id: uuidv7From(faker, startedOn),
        team_id: team.id,
        actor_a_id: a.id,
        actor_b_id: b.id,
        kind: faker.helpers.weightedArrayElement(
          tieKinds.map((kind) => ({ value: kind, weight: kind === 'collaboration' ? 5 : kind === 'knowsOf' ? 4 : 1 })),
        ),
        strength: faker.helpers.weightedArrayElement([
          { value: 1, weight: 3 },
          { value: 2, weight: 4 },
          { value: 3, weight: 2 },
        ]),
        started_on: isoDay(startedOn),
        ended_on: ended
          ? isoDay(
              new Date(Math.min(end.getTime(), startedOn.getTime() + faker.number.int({ min: 60, max: 500 }) * day)),
            )
          : null,
        note: null,
        version: 1,
        created_by: workers[0]?.id ?? null,
        created_at: startedOn.toISOString(),
        updated_at: startedOn.toISOString(),
      } satisfies Row);
    }
    const interactions = faker.number.int({ min: 10, max: 30 });
    for (let k = 0; k < interactions; k++) {
      const on = faker.date.between({ from: new Date(end.getTime() - 365 * day), to: end });
      const kind = faker.helpers.arrayElement(interactionKinds);
      const present = faker.helpers.arrayElements(actors, {
        min: kind === 'call' ? 1 : 2,
        max: kind === 'concertationTable' ? 8 : 3,
      });
      const interaction: Row = {
        id: uuidv7From(faker, on),
        team_id: team.id,
        kind,
        occurred_on: isoDay(on),
        title: {
          meeting: 'Rencontre de partenaires',
          call: 'Appel de suivi',
          concertationTable: 'Table de concertation du quartier',
          sharedEvent: 'Fête de quartier',
        }[kind],
        note: null,
        version: 1,
        created_by: faker.helpers.arrayElement(workers)?.id ?? null,
        created_at: on.toISOString(),
        updated_at: on.toISOString(),
      };
      add('actor_interactions', interaction);
      add(
        'actor_interaction_actors',
        ...present.map((actor) => ({ interaction_id: interaction.id, actor_id: actor.id })),
      );
    }
  },
};
