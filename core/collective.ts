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
 * What a worker's time goes to (issue 7, point 5): the four missions, and the host partner's share
 * (seed 004: "20 % de son temps de travail à son PH, et 80 % à ses missions"). Team meetings and
 * paperwork are not a category of their own: the seed's agreement splits the whole time between
 * the host partner and the missions, so they count under the mission they serve (decision 0023).
 */
export const timeCategories = [...missions, 'hostPartner'] as const;
export type TimeCategory = (typeof timeCategories)[number];

/** Quick entry on a phone: half an hour, an hour, two hours, a half-day (3 h 30). */
export const durationChips = [30, 60, 120, 210] as const;

export type CriterionDefault = { code: string; fr: string; en: string };

/**
 * "Le·la RAQ considère que sa mission fait sens quand…" (seed 004), mission by mission: an action
 * fits a mission when at least one of these holds. Codes are stable (entries keep them); a team's
 * coordination may reword them or add its own (mission_criteria).
 */
export const defaultMissionCriteria: Record<Mission, CriterionDefault[]> = {
  networking: [
    {
      code: 'collaborativeProjects',
      fr: 'Le maillage a abouti à des projets et activités collaboratives entre acteurs',
      en: 'The networking led to collaborative projects and activities between actors',
    },
    {
      code: 'recognisedAsWorker',
      fr: 'Reconnu·e comme acteur du quartier dans son rôle, déontologie et éthique comprises',
      en: 'Recognised as a neighbourhood actor in the role, ethics included',
    },
    {
      code: 'institutionsKnownToCitizens',
      fr: 'Des institutions du quartier ont été connues des citoyen·nes',
      en: 'Neighbourhood institutions were made known to residents',
    },
    {
      code: 'fineKnowledge',
      fr: 'La connaissance fine du quartier (cartographie, répertoire vivant) s’est enrichie',
      en: 'The fine knowledge of the neighbourhood (map, living directory) grew',
    },
  ],
  orientation: [
    {
      code: 'personHeard',
      fr: 'La personne s’est sentie écoutée, reconnue dans sa difficulté, ou son besoin a été comblé',
      en: 'The person felt heard and recognised in their difficulty, or their need was met',
    },
    {
      code: 'relayTookHold',
      fr: 'Le relais a été effectué : la personne est « accrochée » à un autre service',
      en: 'The relay was made: the person is connected to another service',
    },
    {
      code: 'didEverythingPossible',
      fr: 'Tout ce qui était possible a été fait dans l’intérêt de la personne, même sans aboutir',
      en: 'Everything possible was done in the person’s interest, even without success',
    },
  ],
  collectiveInformation: [
    {
      code: 'messageUnderstood',
      fr: 'Le message est bien passé : compris, utilisable, partageable',
      en: 'The message got through: understood, usable, shareable',
    },
    {
      code: 'personalGrowth',
      fr: 'L’action a permis l’épanouissement des personnes (confiance, estime, sortir de la solitude)',
      en: 'The action helped people flourish (confidence, self-esteem, less loneliness)',
    },
    {
      code: 'voicesHeard',
      fr: 'La voix des personnes est entendue',
      en: 'People’s voices are heard',
    },
    {
      code: 'placeInExistingActivity',
      fr: 'Une place a été faite au relais en renfort d’une activité existante',
      en: 'The worker found a place when supporting an existing activity',
    },
  ],
  communityAction: [
    {
      code: 'commonInterests',
      fr: 'Les différences ont été dépassées : le groupe a identifié des intérêts communs',
      en: 'Differences were overcome: the group found common interests',
    },
    {
      code: 'prejudiceOvercome',
      fr: 'Des représentations et préjugés envers certains groupes ont été dépassés',
      en: 'Stereotypes and prejudice toward some groups were overcome',
    },
    {
      code: 'wellbeingOrVisibleChange',
      fr: 'La dynamique a procuré estime et bien-être, ou une transformation visible du quartier',
      en: 'The dynamic brought esteem and well-being, or a visible change in the neighbourhood',
    },
    {
      code: 'inspiredOthers',
      fr: 'La dynamique a inspiré d’autres initiatives ou mobilisations pour l’accès aux droits',
      en: 'The dynamic inspired other initiatives or mobilisations for access to rights',
    },
    {
      code: 'citizensOwnIt',
      fr: 'Les personnes se sont approprié le projet : elles le portent, à leur initiative',
      en: 'People own the project: they carry it, on their own initiative',
    },
  ],
};

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
