import { sql } from 'drizzle-orm';
import { check, date, index, integer, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { neighbourhoods, teams, users } from './accounts.ts';
import { needSignals } from './diagnostic.ts';
import { actors } from './directory.ts';
import { people } from './people.ts';

const inList = (values: readonly string[]) => sql.raw(values.map((v) => `'${v}'`).join(', '));
const stages = inList(['emergence', 'mobilisation', 'planning', 'action', 'evaluation', 'handover']);
const levels = inList(['ledByTeam', 'citizensInvolved', 'coLed', 'supportedByTeam', 'carriedByCitizens']);

/**
 * A community project of a team in one of its neighbourhoods (issue 7): the issue it answers, its
 * approach, and where it stands now (stage, ownership). How it got there is in project_history.
 */
export const communityProjects = pgTable(
  'community_projects',
  {
    id: uuid('id').primaryKey(),
    teamId: uuid('team_id')
      .notNull()
      .references(() => teams.id, { onDelete: 'restrict' }),
    neighbourhoodId: uuid('neighbourhood_id')
      .notNull()
      .references(() => neighbourhoods.id, { onDelete: 'restrict' }),
    title: text('title').notNull(),
    issue: text('issue').notNull(),
    approach: text('approach').notNull(),
    stage: text('stage').notNull().default('emergence'),
    ownership: text('ownership').notNull().default('ledByTeam'),
    status: text('status').notNull().default('active'),
    startedOn: date('started_on', { mode: 'string' }).notNull(),
    version: integer('version').notNull().default(1),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    index('community_projects_team_idx').on(table.teamId, table.neighbourhoodId),
    check(
      'community_projects_approach_check',
      sql`${table.approach} in ('socioeconomic', 'socioInstitutional', 'sociocommunity', 'sociopolitical')`,
    ),
    check('community_projects_stage_check', sql`${table.stage} in (${stages})`),
    check('community_projects_ownership_check', sql`${table.ownership} in (${levels})`),
    check('community_projects_status_check', sql`${table.status} in ('active', 'closed', 'archived')`),
  ],
);

/** Every stage move and ownership change, dated: the stepper's dates and the ownership chart. */
export const projectHistory = pgTable(
  'project_history',
  {
    id: uuid('id').primaryKey(),
    projectId: uuid('project_id')
      .notNull()
      .references(() => communityProjects.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull(),
    value: text('value').notNull(),
    onDate: date('on_date', { mode: 'string' }).notNull(),
    note: text('note'),
    recordedBy: uuid('recorded_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    index('project_history_project_idx').on(table.projectId, table.kind, table.onDate),
    check(
      'project_history_value_check',
      sql`(${table.kind} = 'stage' and ${table.value} in (${stages})) or (${table.kind} = 'ownership' and ${table.value} in (${levels}))`,
    ),
  ],
);

/** A dated step of a stage: planned for a day, reached on a day. */
export const projectMilestones = pgTable(
  'project_milestones',
  {
    id: uuid('id').primaryKey(),
    projectId: uuid('project_id')
      .notNull()
      .references(() => communityProjects.id, { onDelete: 'cascade' }),
    stage: text('stage').notNull(),
    title: text('title').notNull(),
    plannedOn: date('planned_on', { mode: 'string' }),
    reachedOn: date('reached_on', { mode: 'string' }),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    index('project_milestones_project_idx').on(table.projectId),
    check('project_milestones_stage_check', sql`${table.stage} in (${stages})`),
    check('project_milestones_dated', sql`${table.plannedOn} is not null or ${table.reachedOn} is not null`),
  ],
);

export const projectSignals = pgTable(
  'project_signals',
  {
    projectId: uuid('project_id')
      .notNull()
      .references(() => communityProjects.id, { onDelete: 'cascade' }),
    signalId: uuid('signal_id')
      .notNull()
      .references(() => needSignals.id, { onDelete: 'cascade' }),
  },
  (table) => [primaryKey({ columns: [table.projectId, table.signalId] })],
);

/**
 * A diagnostic priority the project answers. Priorities live inside diagnostic_versions and keep
 * their id from version to version, so the link is the diagnostic and the priority's id.
 */
export const projectPriorities = pgTable(
  'project_priorities',
  {
    projectId: uuid('project_id')
      .notNull()
      .references(() => communityProjects.id, { onDelete: 'cascade' }),
    diagnosticId: uuid('diagnostic_id').notNull(),
    priorityId: uuid('priority_id').notNull(),
  },
  (table) => [primaryKey({ columns: [table.projectId, table.priorityId] })],
);

/** A person of the team involved in a project, with their role and dates (it feeds their trajectory). */
export const projectCitizens = pgTable(
  'project_citizens',
  {
    id: uuid('id').primaryKey(),
    projectId: uuid('project_id')
      .notNull()
      .references(() => communityProjects.id, { onDelete: 'cascade' }),
    personId: uuid('person_id')
      .notNull()
      .references(() => people.id, { onDelete: 'restrict' }),
    role: text('role').notNull(),
    since: date('since', { mode: 'string' }).notNull(),
    until: date('until', { mode: 'string' }),
  },
  (table) => [
    index('project_citizens_project_idx').on(table.projectId),
    index('project_citizens_person_idx').on(table.personId),
    check(
      'project_citizens_role_check',
      sql`${table.role} in ('initiator', 'committeeMember', 'spokesperson', 'volunteer', 'participant')`,
    ),
  ],
);

/** An actor of the directory in a project: partner, funder, host, resource or decision maker. */
export const projectActors = pgTable(
  'project_actors',
  {
    projectId: uuid('project_id')
      .notNull()
      .references(() => communityProjects.id, { onDelete: 'cascade' }),
    actorId: uuid('actor_id')
      .notNull()
      .references(() => actors.id, { onDelete: 'cascade' }),
    role: text('role').notNull(),
    since: date('since', { mode: 'string' }),
    until: date('until', { mode: 'string' }),
  },
  (table) => [
    primaryKey({ columns: [table.projectId, table.actorId, table.role] }),
    check(
      'project_actors_role_check',
      sql`${table.role} in ('partner', 'funder', 'host', 'resource', 'decisionMaker')`,
    ),
  ],
);

/** The project's journal: notes and decisions, free of any name (checked as committee minutes are). */
export const projectJournal = pgTable(
  'project_journal',
  {
    id: uuid('id').primaryKey(),
    projectId: uuid('project_id')
      .notNull()
      .references(() => communityProjects.id, { onDelete: 'cascade' }),
    onDate: date('on_date', { mode: 'string' }).notNull(),
    kind: text('kind').notNull(),
    text: text('text').notNull(),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    index('project_journal_project_idx').on(table.projectId, table.onDate),
    check('project_journal_kind_check', sql`${table.kind} in ('note', 'decision')`),
  ],
);
