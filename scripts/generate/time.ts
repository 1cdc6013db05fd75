import { defaultMissionCriteria, missions } from '../../core/collective.ts';
import { uuidv7From } from './random.ts';
import type { GeneratorModule, Row } from './types.ts';

const day = 86_400_000;
const isoDay = (at: Date) => at.toISOString().slice(0, 10);

const notes: Record<string, string[]> = {
  networking: ['Rencontre avec la maison médicale', 'Table de quartier', 'Passage chez les commerçants'],
  orientation: ['Accompagnement au CPAS', 'Permanence au local', 'Appels avec une dame pour son logement'],
  collectiveInformation: ['Stand santé au marché', 'Séance sur les droits des locataires'],
  communityAction: ['Comité du potager', 'Préparation de la fête de quartier'],
  hostPartner: ['Réunion d’équipe du partenaire hébergeur', 'Permanence au partenaire hébergeur'],
};

/**
 * The team's time (issue 7): the last eight weeks of each worker's days by mission and host
 * partner (about one in ten mission entries meeting none of its criteria), a team agreement of
 * 20 % / 80 % from the start of the year, the daily log of working days, and in every other team
 * a reworded networking criterion.
 */
export const time: GeneratorModule = {
  name: 'team time and daily log',
  generate({ faker, rows, add, teamIndex }) {
    const team = rows.teams?.[0];
    const workers = (rows.users ?? []).filter((u) => u.role === 'worker' || u.role === 'organizer');
    const coordinator = (rows.users ?? []).find((u) => u.role === 'coordinator');
    if (!team || workers.length === 0) return;
    const end = faker.defaultRefDate();
    const yearStart = new Date(Date.UTC(end.getUTCFullYear(), 0, 1));
    add('time_agreements', {
      id: uuidv7From(faker, yearStart),
      team_id: team.id,
      worker_id: null,
      effective_from: isoDay(yearStart),
      host_partner_percent: 20,
      mission_percents: null,
      note: 'Convention : 20 % partenaire hébergeur, 80 % quartier',
      created_by: coordinator?.id ?? null,
      created_at: yearStart.toISOString(),
    } satisfies Row);
    for (let back = 56; back >= 1; back--) {
      const date = new Date(end.getTime() - back * day);
      const weekday = date.getUTCDay();
      if (weekday === 0 || weekday === 6) continue;
      for (const worker of workers) {
        let left = 7 * 60;
        while (left >= 60) {
          const category = faker.helpers.weightedArrayElement([
            { value: 'hostPartner', weight: 2 },
            { value: 'networking', weight: 2 },
            { value: 'orientation', weight: 3 },
            { value: 'collectiveInformation', weight: 2 },
            { value: 'communityAction', weight: 1 },
          ]);
          const minutes = Math.min(left, faker.helpers.arrayElement([60, 90, 120, 210]));
          left -= minutes;
          const criteria =
            category === 'hostPartner' || faker.number.float() < 0.1
              ? []
              : faker.helpers
                  .arrayElements(
                    defaultMissionCriteria[category].map((c) => c.code),
                    { min: 1, max: 2 },
                  )
                  .sort();
          add('time_entries', {
            id: uuidv7From(faker, date),
            team_id: team.id,
            worker_id: worker.id,
            on_date: isoDay(date),
            minutes,
            category,
            criteria,
            outside_mandate: category !== 'hostPartner' && criteria.length === 0,
            activity_id: null,
            note: faker.number.float() < 0.4 ? faker.helpers.arrayElement(notes[category] ?? []) : null,
            created_at: date.toISOString(),
          });
        }
      }
      const author = faker.helpers.arrayElement(workers);
      add('team_log_days', {
        id: uuidv7From(faker, date),
        team_id: team.id,
        on_date: isoDay(date),
        highlights: faker.helpers.arrayElement([
          'Bonne présence au parc, plusieurs nouvelles personnes rencontrées.',
          'La soupière a réuni beaucoup de monde.',
          'Premier contact avec la nouvelle directrice de l’école.',
        ]),
        difficulties: faker.helpers.arrayElement(['', 'Pluie : tournée écourtée.', 'Le service logement est saturé.']),
        to_pass_on: faker.helpers.arrayElement([
          '',
          'Rappeler la pharmacie pour le stand de jeudi.',
          'Une dame attend une réponse pour son rendez-vous au CPAS.',
        ]),
        author_ids: [author.id],
        version: 1,
        updated_by: author.id,
        created_at: date.toISOString(),
        updated_at: date.toISOString(),
      });
    }
    if (teamIndex % 2 === 1) return;
    for (const [position, criterion] of defaultMissionCriteria[missions[0]].entries())
      add('mission_criteria', {
        team_id: team.id,
        mission: 'networking',
        code: criterion.code,
        label_fr: position === 0 ? 'Le réseau a donné un projet commun entre acteurs' : criterion.fr,
        label_en: position === 0 ? 'The network led to a shared project between actors' : criterion.en,
        custom: false,
        active: true,
        position,
        updated_by: coordinator?.id ?? null,
        updated_at: end.toISOString(),
      });
  },
};
