/**
 * What an audit entry records. Kept apart from the Zod contracts so the web app can list them
 * without bringing Zod into its first-load bundle.
 */
export const auditActions = [
  'create',
  'update',
  'delete',
  'read',
  'sign_in',
  'sign_in_failed',
  'sign_out',
  'password_change',
  'password_reset',
  'merge',
  'consent_record',
  'consent_withdraw',
  'access_request',
  'erase',
  // Break the glass (issue 8): a grant made, a read under it, a grant ended early, a search across teams.
  'break_glass_grant',
  'break_glass_read',
  'break_glass_revoke',
  'break_glass_search',
  'audit_export',
] as const;
/** The entries the audit viewer's "break the glass only" filter keeps. */
export const breakGlassActions: readonly AuditAction[] = [
  'break_glass_grant',
  'break_glass_read',
  'break_glass_revoke',
  'break_glass_search',
];
export type AuditAction = (typeof auditActions)[number];
