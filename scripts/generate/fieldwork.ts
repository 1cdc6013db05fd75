import type { Faker } from '@faker-js/faker';
import { ageBands, channels, initiators, placeKinds, sessionKinds } from '../../core/fieldwork.ts';
import { defaultTerms } from '../../server/modules/taxonomies/taxonomies.defaults.ts';
import { uuidv7From } from './random.ts';
import type { GeneratorModule, Row } from './types.ts';

const codes = (kind: keyof typeof defaultTerms) =>
  defaultTerms[kind].map(([code]) => code).filter((c) => c !== 'other');
const needs = codes('need');
const actions = codes('action');
const rights = codes('right');
const barriers = codes('barrier');
const themes = codes('observationTheme');
const tallyKinds = codes('tallyKind');

const referenceEnd = (faker: Faker) => faker.defaultRefDate();
const day = 86_400_000;

const sherbrookePlaces = [
  'Parc Jacques-Cartier',
  'Local de quartier',
  'Marché de la gare',
  'École Sainte-Anne',
  'Café du coin',
];
const brusselsPlaces = ['Place Lemmens', 'Maison de quartier', 'Marché du Midi', 'Parvis de l’école', 'Square Albert'];

/** One of the few values, most often the first ones (a field's real distribution is skewed). */
function skewed<T>(faker: Faker, values: readonly T[]): T {
  const index = Math.floor(values.length * faker.number.float({ min: 0, max: 1 }) ** 2);
  return values[Math.min(index, values.length - 1)] as T;
}

/**
 * A year of field work per team: places, outreach sessions in binôme with tallies and
 * observations, people (mostly known by a nickname, a few identified with consent, a few becoming
 * volunteers or leaders) and encounters, most of them anonymous, as in the field.
 */
export const fieldwork: GeneratorModule = {
  name: 'places, sessions, people and encounters',
  generate({ faker, flavour, rows, add }) {
    const team = rows.teams![0]!;
    const hoods = rows.neighbourhoods ?? [];
    const workers = (rows.users ?? []).filter((u) => u.role === 'worker' || u.role === 'organizer');
    if (!workers.length) return;
    const end = referenceEnd(faker);
    const start = new Date(end.getTime() - 365 * day);

    const places: Row[] = (flavour === 'sherbrooke' ? sherbrookePlaces : brusselsPlaces).map((name, k) => {
      const at = faker.date.between({ from: start, to: new Date(start.getTime() + 30 * day) });
      const hood = hoods[k % Math.max(1, hoods.length)];
      return {
        id: uuidv7From(faker, at),
        team_id: team.id,
        neighbourhood_id: hood?.id ?? null,
        name,
        kind: placeKinds[k % placeKinds.length],
        zone: hood ? `${hood.name} — ${faker.location.street()}` : null,
        active: true,
        version: 1,
        created_at: at.toISOString(),
        updated_at: at.toISOString(),
      };
    });
    add('places', ...places);

    const people: Row[] = [];
    const personCount = faker.number.int({ min: 60, max: 140 });
    for (let k = 0; k < personCount; k++) {
      const at = faker.date.between({ from: start, to: end });
      const identified = faker.datatype.boolean(0.15);
      const author = faker.helpers.arrayElement(workers);
      const person: Row = {
        id: uuidv7From(faker, at),
        team_id: team.id,
        nickname:
          faker.person.firstName() + (faker.datatype.boolean(0.3) ? ` ${faker.string.alpha(1).toUpperCase()}.` : ''),
        first_name: identified ? faker.person.firstName() : null,
        last_name: identified ? faker.person.lastName() : null,
        phone: identified && faker.datatype.boolean(0.6) ? faker.phone.number() : null,
        email: null,
        consent_given_at: identified ? at.toISOString() : null,
        consent_scope: identified ? 'identityAndContact' : null,
        consent_recorded_by: identified ? author.id : null,
        consent_withdrawn_at: null,
        age_band: faker.helpers.arrayElement(ageBands.slice(2)),
        gender: faker.helpers.arrayElement(['femme', 'homme', null]),
        languages: [faker.datatype.boolean(0.8) ? 'fr' : faker.helpers.arrayElement(['ar', 'es', 'en', 'nl', 'uk'])],
        household: null,
        first_contact_on: at.toISOString().slice(0, 10),
        first_contact_how: faker.helpers.arrayElement(['street', 'local', 'partner']),
        merged_into_id: null,
        merged_at: null,
        version: 1,
        created_by: author.id,
        created_at: at.toISOString(),
        updated_at: at.toISOString(),
      };
      people.push(person);
      // From helped to helper: a few become participants, some of those volunteers, rarely leaders.
      const trajectory = faker.number.float({ min: 0, max: 1 });
      const steps =
        trajectory > 0.98
          ? ['participant', 'volunteer', 'leader']
          : trajectory > 0.9
            ? ['participant', 'volunteer']
            : trajectory > 0.75
              ? ['participant']
              : [];
      let from = at;
      steps.forEach((role, i) => {
        const started = new Date(
          Math.min(end.getTime(), from.getTime() + faker.number.int({ min: 20, max: 120 }) * day),
        );
        const next = steps[i + 1];
        add('person_roles', {
          id: uuidv7From(faker, started),
          person_id: person.id,
          role,
          started_on: started.toISOString().slice(0, 10),
          ended_on: next
            ? new Date(Math.min(end.getTime(), started.getTime() + 90 * day)).toISOString().slice(0, 10)
            : null,
          note: null,
          version: 1,
          created_by: author.id,
          created_at: started.toISOString(),
        });
        from = started;
      });
    }
    add('people', ...people);

    const sessionCount = faker.number.int({ min: 60, max: 140 });
    for (let s = 0; s < sessionCount; s++) {
      const startedAt = faker.date.between({ from: start, to: end });
      startedAt.setUTCHours(faker.number.int({ min: 13, max: 21 }), faker.helpers.arrayElement([0, 15, 30, 45]), 0, 0);
      let endedAt = new Date(startedAt.getTime() + faker.number.int({ min: 60, max: 180 }) * 60_000);
      // A round drawn for later today would end in the future: it happened the day before.
      if (endedAt > end) {
        startedAt.setTime(startedAt.getTime() - day);
        endedAt = new Date(endedAt.getTime() - day);
      }
      const place = faker.helpers.arrayElement(places);
      const pair = faker.helpers.arrayElements(workers, { min: 1, max: Math.min(2, workers.length) });
      const session: Row = {
        id: uuidv7From(faker, startedAt),
        team_id: team.id,
        kind: skewed(faker, sessionKinds),
        on_date: startedAt.toISOString().slice(0, 10),
        started_at: startedAt.toISOString(),
        ended_at: endedAt.toISOString(),
        place_id: place.id,
        zone: null,
        version: 1,
        created_by: pair[0]!.id,
        created_at: startedAt.toISOString(),
        updated_at: endedAt.toISOString(),
      };
      add('outreach_sessions', session);
      add('outreach_session_members', ...pair.map((u) => ({ session_id: session.id, user_id: u.id })));
      add(
        'session_tallies',
        ...faker.helpers.arrayElements(tallyKinds, { min: 1, max: tallyKinds.length }).map((kind) => ({
          session_id: session.id,
          kind,
          count: faker.number.int({ min: 1, max: 25 }),
          updated_at: endedAt.toISOString(),
        })),
      );
      if (faker.datatype.boolean(0.3)) {
        add('session_observations', {
          id: uuidv7From(faker, endedAt),
          session_id: session.id,
          body: faker.helpers.arrayElement([
            'Beaucoup de familles au parc, plusieurs demandes sur le logement.',
            'Déchets accumulés près des conteneurs, des voisins inquiets.',
            'Jeunes regroupés le soir devant l’épicerie, ambiance calme.',
            'Peu de monde à cause de la pluie.',
          ]),
          themes: faker.helpers.arrayElements(themes, { min: 1, max: 2 }),
          recorded_by: pair[0]!.id,
          recorded_at: endedAt.toISOString(),
        });
      }
      const encounterCount = faker.number.int({ min: 1, max: 10 });
      for (let e = 0; e < encounterCount; e++) {
        const occurredAt = new Date(
          startedAt.getTime() + faker.number.int({ min: 0, max: endedAt.getTime() - startedAt.getTime() }),
        );
        addEncounter(faker, add, {
          team,
          session,
          place,
          people,
          author: faker.helpers.arrayElement(pair),
          occurredAt,
          end,
        });
      }
    }
  },
};

type EncounterContext = {
  team: Row;
  session: Row;
  place: Row;
  people: Row[];
  author: Row;
  occurredAt: Date;
  end: Date;
};

function addEncounter(faker: Faker, add: (table: string, ...rows: Row[]) => void, c: EncounterContext) {
  // Two contacts in three stay anonymous; known people are met again and again.
  const known = faker.datatype.boolean(0.33) ? faker.helpers.arrayElement(c.people) : null;
  const identification = !known ? 'anonymous' : known.consent_given_at ? 'identified' : 'pseudonymous';
  const followUp = faker.datatype.boolean(0.12)
    ? new Date(c.occurredAt.getTime() + faker.number.int({ min: 1, max: 21 }) * day)
    : null;
  const hasNote = Boolean(known) && faker.datatype.boolean(0.2);
  const encounter: Row = {
    id: uuidv7From(faker, c.occurredAt),
    team_id: c.team.id,
    session_id: c.session.id,
    person_id: known?.id ?? null,
    occurred_at: c.occurredAt.toISOString(),
    place_id: c.place.id,
    zone: null,
    initiator: skewed(faker, initiators),
    channel: skewed(faker, channels),
    identification,
    age_band: known
      ? known.age_band
      : (faker.helpers.maybe(() => faker.helpers.arrayElement(ageBands), { probability: 0.6 }) ?? null),
    gender: null,
    language: null,
    needs: faker.helpers.arrayElements(needs, { min: 1, max: 3 }),
    actions: faker.helpers.arrayElements(actions, { min: 1, max: 2 }),
    non_recours: faker.datatype.boolean(0.08)
      ? [{ right: faker.helpers.arrayElement(rights), barrier: faker.helpers.arrayElement(barriers) }]
      : [],
    duration_minutes: faker.helpers.arrayElement([5, 10, 15, 20, 30, 45]),
    follow_up_on: followUp ? followUp.toISOString().slice(0, 10) : null,
    follow_up_what: followUp ? 'Rappeler pour le rendez-vous' : null,
    follow_up_done_at: followUp && followUp < c.end && faker.datatype.boolean(0.8) ? followUp.toISOString() : null,
    has_note: hasNote,
    version: 1,
    created_by: c.author.id,
    created_at: c.occurredAt.toISOString(),
    updated_at: c.occurredAt.toISOString(),
  };
  add('encounters', encounter);
  if (hasNote) {
    add('encounter_notes', {
      encounter_id: encounter.id,
      body: 'Note confidentielle de l’équipe.',
      written_by: c.author.id,
      updated_at: c.occurredAt.toISOString(),
    });
  }
}
