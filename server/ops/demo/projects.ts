import { and, asc, desc, eq, isNull } from 'drizzle-orm';
import { type OwnershipLevel, type ProjectStage, projectStages } from '../../../core/collective.ts';
import { uuidv7 } from '../../../core/uuid.ts';
import type { Database } from '../../db/client.ts';
import {
  actors,
  communityProjects,
  diagnostics,
  diagnosticVersions,
  needSignals,
  neighbourhoods,
  people,
  projectActors,
  projectCitizens,
  projectHistory,
  projectJournal,
  projectMilestones,
  projectPriorities,
  projectSignals,
  teamMemberships,
  users,
} from '../../db/schema/index.ts';
import { demoTeams, teamIdByCode } from './territories.ts';
import type { DemoStep } from './types.ts';

const day = 86_400_000;
const daysAgo = (n: number) => new Date(Date.now() - n * day).toISOString().slice(0, 10);

type DemoProject = {
  title: string;
  issue: string;
  approach: 'socioeconomic' | 'socioInstitutional' | 'sociocommunity' | 'sociopolitical';
  startedDaysAgo: number;
  /** Days ago each stage was reached, from emergence; the last one is where it stands. */
  stages: number[];
  ownership: [OwnershipLevel, number][];
  milestones: { stage: ProjectStage; title: string; planned: number; reached: number | null }[];
  citizenRoles: ('initiator' | 'committeeMember' | 'spokesperson' | 'volunteer')[];
  actorRole: 'partner' | 'funder' | 'host' | 'decisionMaker';
  decisions: { daysAgo: number; text: string }[];
};

/** Seeds 001–004: a café the citizens now run, a mobilisation in action, a health project being planned. */
const demoProjects: DemoProject[] = [
  {
    title: 'Café Partage',
    issue: 'Des aînés seuls qui ne sortent plus de chez eux, surtout l’hiver ; personne pour leur offrir un café.',
    approach: 'sociocommunity',
    startedDaysAgo: 620,
    stages: [620, 560, 500, 430, 150, 60],
    ownership: [
      ['ledByTeam', 620],
      ['citizensInvolved', 540],
      ['coLed', 420],
      ['supportedByTeam', 200],
      ['carriedByCitizens', 60],
    ],
    milestones: [
      { stage: 'planning', title: 'Local prêté par la paroisse', planned: 480, reached: 470 },
      { stage: 'action', title: 'Premier café du mardi', planned: 430, reached: 430 },
      { stage: 'handover', title: 'Le comité citoyen tient la caisse et l’horaire', planned: 60, reached: 45 },
    ],
    citizenRoles: ['initiator', 'committeeMember', 'volunteer', 'volunteer'],
    actorRole: 'host',
    decisions: [
      { daysAgo: 500, text: 'Le café ouvrira le mardi matin, avec deux bénévoles par séance.' },
      { daysAgo: 60, text: 'Le comité citoyen reprend l’organisation ; l’équipe reste disponible au besoin.' },
    ],
  },
  {
    title: 'Mobilisation pour le bus du dimanche',
    issue:
      'Depuis la refonte du réseau, le bus ne passe plus le dimanche : les familles ne peuvent plus aller au marché ni voir leurs proches.',
    approach: 'sociopolitical',
    startedDaysAgo: 240,
    stages: [240, 200, 140, 70],
    ownership: [
      ['ledByTeam', 240],
      ['citizensInvolved', 190],
      ['coLed', 100],
    ],
    milestones: [
      { stage: 'mobilisation', title: 'Pétition : 400 signatures', planned: 170, reached: 160 },
      { stage: 'action', title: 'Prise de parole au conseil municipal', planned: 40, reached: 35 },
      { stage: 'action', title: 'Rencontre avec la société de transport', planned: -20, reached: null },
    ],
    citizenRoles: ['initiator', 'spokesperson', 'committeeMember'],
    actorRole: 'decisionMaker',
    decisions: [{ daysAgo: 35, text: 'Deux porte-parole citoyens présenteront la pétition au conseil.' }],
  },
  {
    title: 'Ascot en santé',
    issue: 'Manger sainement coûte cher et les fruits et légumes frais sont loin à pied.',
    approach: 'socioInstitutional',
    startedDaysAgo: 90,
    stages: [90, 45, 15],
    ownership: [
      ['ledByTeam', 90],
      ['citizensInvolved', 30],
    ],
    milestones: [{ stage: 'planning', title: 'Plan d’action adopté avec le CIUSSS', planned: -30, reached: null }],
    citizenRoles: ['initiator', 'volunteer'],
    actorRole: 'partner',
    decisions: [{ daysAgo: 20, text: 'Un kiosque de fruits et légumes sera essayé au marché de l’été.' }],
  },
];

async function seedProject(
  db: Database,
  teamId: string,
  hoodId: string,
  authorId: string | null,
  spec: DemoProject,
  k: number,
) {
  const ids = {
    people: await db
      .select({ id: people.id })
      .from(people)
      .where(and(eq(people.teamId, teamId), isNull(people.mergedIntoId)))
      .orderBy(asc(people.id))
      .offset(k * 4)
      .limit(spec.citizenRoles.length),
    actor: (
      await db
        .select({ id: actors.id })
        .from(actors)
        .where(isNull(actors.teamId))
        .orderBy(asc(actors.name))
        .offset(k)
        .limit(1)
    )[0],
    signal: (
      await db
        .select({ id: needSignals.id })
        .from(needSignals)
        .where(eq(needSignals.neighbourhoodId, hoodId))
        .offset(k)
        .limit(1)
    )[0],
  };
  const [version] = await db
    .select({ diagnosticId: diagnosticVersions.diagnosticId, priorities: diagnosticVersions.priorities })
    .from(diagnosticVersions)
    .innerJoin(diagnostics, eq(diagnostics.id, diagnosticVersions.diagnosticId))
    .where(eq(diagnostics.neighbourhoodId, hoodId))
    .orderBy(desc(diagnosticVersions.number))
    .limit(1);
  const id = uuidv7();
  const stage = projectStages[spec.stages.length - 1] as ProjectStage;
  const ownership = spec.ownership.at(-1)?.[0] ?? 'ledByTeam';
  await db.transaction(async (tx) => {
    await tx.insert(communityProjects).values({
      id,
      teamId,
      neighbourhoodId: hoodId,
      title: spec.title,
      issue: spec.issue,
      approach: spec.approach,
      stage,
      ownership,
      startedOn: daysAgo(spec.startedDaysAgo),
      version: spec.stages.length + spec.ownership.length - 1,
      createdBy: authorId,
    });
    await tx.insert(projectHistory).values([
      ...spec.stages.map((ago, s) => ({
        id: uuidv7(),
        projectId: id,
        kind: 'stage',
        value: projectStages[s] as string,
        onDate: daysAgo(ago),
        recordedBy: authorId,
      })),
      ...spec.ownership.map(([level, ago]) => ({
        id: uuidv7(),
        projectId: id,
        kind: 'ownership',
        value: level,
        onDate: daysAgo(ago),
        recordedBy: authorId,
      })),
    ]);
    await tx.insert(projectMilestones).values(
      spec.milestones.map((m) => ({
        id: uuidv7(),
        projectId: id,
        stage: m.stage,
        title: m.title,
        plannedOn: daysAgo(m.planned),
        reachedOn: m.reached === null ? null : daysAgo(m.reached),
        createdBy: authorId,
      })),
    );
    if (ids.people.length)
      await tx.insert(projectCitizens).values(
        ids.people.map((person, n) => ({
          id: uuidv7(),
          projectId: id,
          personId: person.id,
          role: spec.citizenRoles[n] ?? 'volunteer',
          since: daysAgo(spec.startedDaysAgo - n * 15),
        })),
      );
    if (ids.actor)
      await tx.insert(projectActors).values({ projectId: id, actorId: ids.actor.id, role: spec.actorRole });
    if (ids.signal) await tx.insert(projectSignals).values({ projectId: id, signalId: ids.signal.id });
    const priority = version?.priorities[k];
    if (version && priority)
      await tx
        .insert(projectPriorities)
        .values({ projectId: id, diagnosticId: version.diagnosticId, priorityId: priority.id });
    await tx.insert(projectJournal).values(
      spec.decisions.map((d) => ({
        id: uuidv7(),
        projectId: id,
        onDate: daysAgo(d.daysAgo),
        kind: 'decision',
        text: d.text,
        createdBy: authorId,
      })),
    );
  });
}

/**
 * Three community projects in each demo team's first neighbourhood, at different stages: Café
 * Partage carried by citizens, a bus mobilisation in action, Ascot en santé being planned.
 * Skipped for a team that already has projects.
 */
export const projectsStep: DemoStep = {
  name: 'community projects / projets communautaires',
  async run({ db, report }) {
    for (const team of demoTeams) {
      const teamId = await teamIdByCode(db, team.code);
      if (!teamId) continue;
      const [existing] = await db
        .select({ id: communityProjects.id })
        .from(communityProjects)
        .where(eq(communityProjects.teamId, teamId))
        .limit(1);
      if (existing) {
        report(`community projects of ${team.code} exist / existent`);
        continue;
      }
      const [hood] = await db.select().from(neighbourhoods).where(eq(neighbourhoods.code, team.neighbourhoods[0].code));
      if (!hood) continue;
      const [author] = await db
        .select({ id: users.id })
        .from(users)
        .innerJoin(teamMemberships, eq(teamMemberships.userId, users.id))
        .where(and(eq(teamMemberships.teamId, teamId), eq(users.role, 'organizer')))
        .limit(1);
      for (const [k, spec] of demoProjects.entries())
        await seedProject(db, teamId, hood.id, author?.id ?? null, spec, k);
      report(`community projects of ${team.code}: ${demoProjects.length}`);
    }
  },
};
