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
