import { ownershipLevels, projectStages } from '../../core/collective.ts';
import { uuidv7From } from './random.ts';
import type { GeneratorModule, Row } from './types.ts';

const day = 86_400_000;
const isoDay = (at: Date) => at.toISOString().slice(0, 10);

/** How far each template has come: its stage and ownership level now, as indexes of the closed lists. */
const templates = [
  {
    title: 'Café Partage',
    issue: 'Des aînés isolés qui ne sortent plus de chez eux, surtout l’hiver.',
    approach: 'sociocommunity',
    stage: 5,
    ownership: 4,
  },
  {
    title: 'Mobilisation pour le transport du dimanche',
    issue: 'Le bus ne passe plus le dimanche : les familles ne peuvent plus aller au marché ni voir leurs proches.',
    approach: 'sociopolitical',
    stage: 3,
    ownership: 2,
  },
  {
    title: 'Jardin collectif de la rue',
    issue: 'Peu de fruits et légumes frais à distance de marche.',
    approach: 'socioeconomic',
    stage: 1,
    ownership: 1,
  },
] as const;

const milestoneTitles = {
  emergence: 'Premières rencontres avec les résidents',
  mobilisation: 'Assemblée de quartier',
  planning: 'Plan d’action adopté',
  action: 'Première activité réalisée',
  evaluation: 'Bilan avec les participants',
  handover: 'Le comité citoyen reprend le projet',
} as const;

/**
 * The team's community projects (issue 7): one carried by citizens, a mobilisation in action, a
 * project just starting, each with the history of its stages and ownership, a milestone per stage
 * reached, the citizens involved, partners, links to signals and priorities, and a few decisions.
 */
export const projects: GeneratorModule = {
  name: 'community projects',
  generate({ faker, rows, add }) {
    const team = rows.teams?.[0];
    const hood = (rows.neighbourhoods ?? []).find((h) => h.team_id === team?.id);
    const people = (rows.people ?? []).filter((p) => p.merged_into_id == null);
    const partners = (rows.actors ?? []).filter((a) => a.active !== false && a.team_id == null);
    const signals = (rows.need_signals ?? []).filter((s) => s.neighbourhood_id === hood?.id);
    const version = (rows.diagnostic_versions ?? []).at(-1);
    const author = (rows.users ?? []).find((u) => u.role === 'organizer' || u.role === 'worker');
    if (!team || !hood) return;
    const end = faker.defaultRefDate();
    templates.forEach((template, k) => {
      const started = new Date(end.getTime() - (120 + template.stage * 90) * day);
      const id = uuidv7From(faker, started);
      const project: Row = {
        id,
        team_id: team.id,
        neighbourhood_id: hood.id,
        title: template.title,
        issue: template.issue,
        approach: template.approach,
        stage: projectStages[template.stage],
        ownership: ownershipLevels[template.ownership],
        status: 'active',
        started_on: isoDay(started),
        version: 1 + template.stage + template.ownership,
        created_by: author?.id ?? null,
        created_at: started.toISOString(),
        updated_at: end.toISOString(),
      };
      add('community_projects', project);
      const dated = (at: number, kind: string, value: string) => {
        const on = new Date(started.getTime() + at * 90 * day);
        add('project_history', {
          id: uuidv7From(faker, on),
          project_id: id,
          kind,
          value,
          on_date: isoDay(on),
          note: null,
          recorded_by: author?.id ?? null,
          created_at: on.toISOString(),
        });
        return on;
      };
      for (let s = 0; s <= template.stage; s++) {
        const stage = projectStages[s] as keyof typeof milestoneTitles;
        const on = dated(s, 'stage', stage);
        add('project_milestones', {
          id: uuidv7From(faker, on),
          project_id: id,
          stage,
          title: milestoneTitles[stage],
          planned_on: isoDay(new Date(on.getTime() + 30 * day)),
          reached_on: s < template.stage ? isoDay(new Date(on.getTime() + 40 * day)) : null,
          created_by: author?.id ?? null,
          created_at: on.toISOString(),
        });
      }
      for (let o = 0; o <= template.ownership; o++)
        dated(o + 0.5 * Math.min(o, 1), 'ownership', ownershipLevels[o] as string);
      const signal = signals[k];
      if (signal) add('project_signals', { project_id: id, signal_id: signal.id });
      const priority = (version?.priorities as { id: string }[] | undefined)?.[k];
      if (version && priority)
        add('project_priorities', { project_id: id, diagnostic_id: version.diagnostic_id, priority_id: priority.id });
      const involved = faker.helpers.arrayElements(people, { min: 0, max: Math.min(6, people.length) });
      for (const [n, person] of involved.entries())
        add('project_citizens', {
          id: uuidv7From(faker, started),
          project_id: id,
          person_id: person.id,
          role: n === 0 ? 'initiator' : faker.helpers.arrayElement(['committeeMember', 'volunteer', 'participant']),
          since: isoDay(new Date(started.getTime() + n * 20 * day)),
          until: null,
        });
      for (const partner of faker.helpers.arrayElements(partners, { min: 0, max: Math.min(2, partners.length) }))
        add('project_actors', {
          project_id: id,
          actor_id: partner.id,
          role: faker.helpers.arrayElement(['partner', 'funder', 'host']),
          since: isoDay(started),
          until: null,
        });
      add('project_journal', {
        id: uuidv7From(faker, started),
        project_id: id,
        on_date: isoDay(new Date(started.getTime() + 10 * day)),
        kind: 'decision',
        text: 'Le groupe se réunira chaque premier mardi du mois au local de quartier.',
        created_by: author?.id ?? null,
        created_at: started.toISOString(),
      });
    });
  },
};
