import { uuidv7From } from './random.ts';
import type { GeneratorModule, Row } from './types.ts';

const day = 86_400_000;
const isoDay = (at: Date) => at.toISOString().slice(0, 10);

const committeeNames = ['Table de concertation du quartier', 'Comité logement', 'Codéveloppement des partenaires'];
const situations = [
  {
    themes: ['logement'],
    needs: ['housing'],
    summary: 'Une famille de cinq dans un trois et demie, moisissures signalées au propriétaire sans réponse.',
    proposed: 'Orientation vers le comité logement; visite avec l’inspecteur municipal.',
  },
  {
    themes: ['isolement'],
    needs: ['isolation'],
    summary: 'Un homme âgé ne sort plus depuis l’hiver; les voisins s’inquiètent.',
    proposed: 'Visite d’amitié proposée par le centre de bénévolat; lien avec le CLSC.',
  },
  {
    themes: ['alimentation'],
    needs: ['food'],
    summary: 'Plusieurs parents disent sauter des repas en fin de mois.',
    proposed: 'Relancer la cuisine collective du mardi; informer du dépannage alimentaire.',
  },
];

/**
 * The team's partner committees (issue 7): two or three tables of actors from its territory, a
 * meeting every month or two over the last year, each with anonymous situations, decisions and
 * follow-ups carried by partners — never a person's name.
 */
export const committees: GeneratorModule = {
  name: 'committees and meetings',
  generate({ faker, rows, add }) {
    const team = rows.teams?.[0];
    const actors = (rows.actors ?? []).filter((a) => a.active !== false && a.team_id == null);
    const author = (rows.users ?? []).find((u) => u.role === 'worker' || u.role === 'organizer');
    if (!team || actors.length < 3) return;
    const end = faker.defaultRefDate();
    const count = faker.number.int({ min: 2, max: 3 });
    for (const name of committeeNames.slice(0, count)) {
      const createdAt = new Date(end.getTime() - faker.number.int({ min: 380, max: 900 }) * day);
      const committee: Row = {
        id: uuidv7From(faker, createdAt),
        team_id: team.id,
        name,
        purpose: 'Se concerter entre partenaires et discuter de situations sans nommer personne.',
        neighbourhood_id: rows.neighbourhoods?.[0]?.id ?? null,
        active: true,
        version: 1,
        created_by: author?.id ?? null,
        created_at: createdAt.toISOString(),
        updated_at: createdAt.toISOString(),
      };
      add('committees', committee);
      const members = faker.helpers.arrayElements(actors, { min: 3, max: Math.min(9, actors.length) });
      for (const member of members)
        add('committee_members', {
          committee_id: committee.id,
          actor_id: member.id,
          role: null,
          since: isoDay(createdAt),
          until: null,
        });
      for (let at = end.getTime() - 360 * day; at < end.getTime(); at += faker.number.int({ min: 30, max: 60 }) * day) {
        const heldOn = new Date(at);
        const situation = faker.helpers.arrayElement(situations);
        const due = new Date(at + 30 * day);
        add('committee_meetings', {
          id: uuidv7From(faker, heldOn),
          committee_id: committee.id,
          team_id: team.id,
          held_on: isoDay(heldOn),
          agenda: ['Tour de table', 'Situations', 'Suivis'],
          minutes: `${members.length} partenaires présents. Tour de table des nouvelles du quartier.`,
          situations: [situation],
          decisions: [{ text: 'Inviter un partenaire du réseau de la santé à la prochaine rencontre.' }],
          follow_ups: [
            {
              what: 'Envoyer le compte rendu aux membres',
              actorId: (members[0] as Row).id,
              dueOn: isoDay(due),
              doneOn: due.getTime() < end.getTime() ? isoDay(due) : null,
            },
          ],
          version: 1,
          created_by: author?.id ?? null,
          created_at: heldOn.toISOString(),
          updated_at: heldOn.toISOString(),
        });
      }
    }
  },
};
