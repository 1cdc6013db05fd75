import { and, asc, eq, inArray, isNull } from 'drizzle-orm';
import type {
  ActorProjectRole,
  CitizenProjectRole,
  OwnershipLevel,
  ProjectApproach,
  ProjectJournalKind,
  ProjectStage,
  ProjectStatus,
} from '../../../core/collective.ts';
import type { Project, ProjectSummary } from '../../../core/contracts/projects.ts';
import type { Database, Tx } from '../../db/client.ts';
import {
  actors,
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
  users,
} from '../../db/schema/index.ts';
import type { ProjectRow } from './project.record.ts';
import { priorityTexts } from './project.references.ts';

/** Projects as the list shows them: where they stand, how many citizens, the next milestone due. */
export async function summariesOf(db: Database | Tx, rows: ProjectRow[]): Promise<ProjectSummary[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((row) => row.id);
  const hoods = await db
    .select({ id: neighbourhoods.id, name: neighbourhoods.name })
    .from(neighbourhoods)
    .where(
      inArray(
        neighbourhoods.id,
        rows.map((row) => row.neighbourhoodId),
      ),
    );
  const citizens = await db
    .select({ projectId: projectCitizens.projectId, personId: projectCitizens.personId })
    .from(projectCitizens)
    .where(and(inArray(projectCitizens.projectId, ids), isNull(projectCitizens.until)));
  const due = await db
    .select()
    .from(projectMilestones)
    .where(and(inArray(projectMilestones.projectId, ids), isNull(projectMilestones.reachedOn)))
    .orderBy(asc(projectMilestones.plannedOn));
  const hoodNames = new Map(hoods.map((h) => [h.id, h.name]));
  return rows.map((row) => {
    const next = due.find((m) => m.projectId === row.id);
    return {
      id: row.id,
      teamId: row.teamId,
      neighbourhoodId: row.neighbourhoodId,
      neighbourhoodName: hoodNames.get(row.neighbourhoodId) ?? '',
      title: row.title,
      issue: row.issue,
      approach: row.approach as ProjectApproach,
      stage: row.stage as ProjectStage,
      ownership: row.ownership as OwnershipLevel,
      status: row.status as ProjectStatus,
      startedOn: row.startedOn,
      citizenCount: new Set(citizens.filter((c) => c.projectId === row.id).map((c) => c.personId)).size,
      nextMilestone: next ? { title: next.title, plannedOn: next.plannedOn } : null,
      version: row.version,
    };
  });
}

/** The whole project: links, dated history, milestones, people and actors, journal (newest first). */
export async function presentProject(db: Database | Tx, row: ProjectRow): Promise<Project> {
  const [summary] = await summariesOf(db, [row]);
  const id = row.id;
  const signals = await db
    .select({ id: needSignals.id, need: needSignals.need, status: needSignals.status })
    .from(projectSignals)
    .innerJoin(needSignals, eq(needSignals.id, projectSignals.signalId))
    .where(eq(projectSignals.projectId, id));
  const links = await db
    .select({ diagnosticId: projectPriorities.diagnosticId, priorityId: projectPriorities.priorityId })
    .from(projectPriorities)
    .where(eq(projectPriorities.projectId, id));
  const history = await db
    .select({
      id: projectHistory.id,
      kind: projectHistory.kind,
      value: projectHistory.value,
      onDate: projectHistory.onDate,
      note: projectHistory.note,
      byName: users.name,
    })
    .from(projectHistory)
    .leftJoin(users, eq(users.id, projectHistory.recordedBy))
    .where(eq(projectHistory.projectId, id))
    .orderBy(asc(projectHistory.onDate), asc(projectHistory.createdAt), asc(projectHistory.id));
  const milestones = await db
    .select()
    .from(projectMilestones)
    .where(eq(projectMilestones.projectId, id))
    .orderBy(asc(projectMilestones.plannedOn), asc(projectMilestones.createdAt));
  const citizens = await db
    .select({
      personId: projectCitizens.personId,
      nickname: people.nickname,
      role: projectCitizens.role,
      since: projectCitizens.since,
      until: projectCitizens.until,
    })
    .from(projectCitizens)
    .innerJoin(people, eq(people.id, projectCitizens.personId))
    .where(eq(projectCitizens.projectId, id))
    .orderBy(asc(people.nickname), asc(projectCitizens.since));
  const projectActorRows = await db
    .select({
      actorId: projectActors.actorId,
      name: actors.name,
      role: projectActors.role,
      since: projectActors.since,
      until: projectActors.until,
    })
    .from(projectActors)
    .innerJoin(actors, eq(actors.id, projectActors.actorId))
    .where(eq(projectActors.projectId, id))
    .orderBy(asc(actors.name));
  const journal = await db
    .select({
      id: projectJournal.id,
      onDate: projectJournal.onDate,
      kind: projectJournal.kind,
      text: projectJournal.text,
      byName: users.name,
    })
    .from(projectJournal)
    .leftJoin(users, eq(users.id, projectJournal.createdBy))
    .where(eq(projectJournal.projectId, id))
    .orderBy(asc(projectJournal.onDate), asc(projectJournal.createdAt));
  const entry = (h: (typeof history)[number]) => ({ id: h.id, onDate: h.onDate, note: h.note, byName: h.byName });
  return {
    ...(summary as ProjectSummary),
    signals,
    priorities: await priorityTexts(db, links),
    stageHistory: history
      .filter((h) => h.kind === 'stage')
      .map((h) => ({ ...entry(h), stage: h.value as ProjectStage })),
    ownershipHistory: history
      .filter((h) => h.kind === 'ownership')
      .map((h) => ({ ...entry(h), level: h.value as OwnershipLevel })),
    milestones: milestones.map((m) => ({
      id: m.id,
      stage: m.stage as ProjectStage,
      title: m.title,
      plannedOn: m.plannedOn,
      reachedOn: m.reachedOn,
    })),
    citizens: citizens.map((c) => ({ ...c, role: c.role as CitizenProjectRole })),
    actors: projectActorRows.map((a) => ({ ...a, role: a.role as ActorProjectRole })),
    journal: journal.reverse().map((j) => ({ ...j, kind: j.kind as ProjectJournalKind })),
  };
}
