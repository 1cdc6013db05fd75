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
] as const;
export type AuditAction = (typeof auditActions)[number];
