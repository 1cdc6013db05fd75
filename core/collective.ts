/**
 * Closed lists of collective work (issue 7; seeds 001–004). Themes and needs are taxonomy codes
 * (data); these are the shapes of the work itself.
 */

/** What kind of collective activity: the seeds' information sessions, meals, outings, groups… */
export const activityKinds = [
  'informationSession',
  'healthPromotion',
  'group',
  'meal',
  'outing',
  'celebration',
  'workshop',
  'other',
] as const;
export type ActivityKind = (typeof activityKinds)[number];

/** Open to whoever comes, or a closed group with its members. */
export const groupTypes = ['open', 'closed'] as const;
export type GroupType = (typeof groupTypes)[number];

/** A named participant's role that day: it feeds their role trajectory (see attendanceRoleToPersonRole). */
export const attendanceRoles = ['participant', 'volunteer', 'coFacilitator'] as const;
export type AttendanceRole = (typeof attendanceRoles)[number];

/**
 * The role trajectory a day's role feeds (core/fieldwork.ts personRoleKinds): a volunteer starts
 * a volunteer role, a co-facilitator a helper role; taking part starts a participant role.
 */
export const attendanceRoleToPersonRole = {
  participant: 'participant',
  volunteer: 'volunteer',
  coFacilitator: 'helper',
} as const satisfies Record<AttendanceRole, string>;

/** Seed 004's four missions, and the time spent for the host partner (issue 7, point 5). */
export const missions = ['networking', 'orientation', 'collectiveInformation', 'communityAction'] as const;
export type Mission = (typeof missions)[number];

/**
 * The four approaches of community organisation in Québec (seed 001): acting on the economy
 * (jobs, a cooperative), on institutions (services adapted with them), on community life (mutual
 * aid, a café), or on political decisions (a mobilisation, a claim to the city).
 */
export const projectApproaches = ['socioeconomic', 'socioInstitutional', 'sociocommunity', 'sociopolitical'] as const;
export type ProjectApproach = (typeof projectApproaches)[number];

/** A community project's stages, in the order a project lives them (the page's stepper). */
export const projectStages = ['emergence', 'mobilisation', 'planning', 'action', 'evaluation', 'handover'] as const;
export type ProjectStage = (typeof projectStages)[number];

/** The stage after this one, or null at the last (handover). */
export function nextProjectStage(stage: ProjectStage): ProjectStage | null {
  return projectStages[projectStages.indexOf(stage) + 1] ?? null;
}

/**
 * Who carries the project, from the team alone to the citizens alone (seed 004: "que celui-ci est
 * porté par eux"). In order: the page draws it as steps rising over time.
 */
export const ownershipLevels = [
  'ledByTeam',
  'citizensInvolved',
  'coLed',
  'supportedByTeam',
  'carriedByCitizens',
] as const;
export type OwnershipLevel = (typeof ownershipLevels)[number];

/** Open, finished (closed, kept for the record), or archived (out of the lists). */
export const projectStatuses = ['active', 'closed', 'archived'] as const;
export type ProjectStatus = (typeof projectStatuses)[number];

/** What a citizen does in a project; each starts a role in their trajectory (projectRoleToPersonRole). */
export const citizenProjectRoles = [
  'initiator',
  'committeeMember',
  'spokesperson',
  'volunteer',
  'participant',
] as const;
export type CitizenProjectRole = (typeof citizenProjectRoles)[number];

/** Starting or speaking for a project is leading; sitting on its committee is helping. */
export const projectRoleToPersonRole = {
  initiator: 'leader',
  committeeMember: 'helper',
  spokesperson: 'leader',
  volunteer: 'volunteer',
  participant: 'participant',
} as const satisfies Record<CitizenProjectRole, string>;

/** What an actor of the directory is to a project; the decision maker is whom a mobilisation addresses. */
export const actorProjectRoles = ['partner', 'funder', 'host', 'resource', 'decisionMaker'] as const;
export type ActorProjectRole = (typeof actorProjectRoles)[number];

/** A journal entry is a note, or a decision the project's people took. */
export const projectJournalKinds = ['note', 'decision'] as const;
export type ProjectJournalKind = (typeof projectJournalKinds)[number];
