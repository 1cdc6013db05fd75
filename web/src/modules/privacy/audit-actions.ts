import type { AuditAction } from '../../../../core/contracts/audit.ts';

/**
 * The audit actions, repeated here because the contract module builds zod schemas when imported,
 * which would add zod to the first-load bundle. The check below fails to compile if they differ.
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
] as const satisfies readonly AuditAction[];

type Missing = Exclude<AuditAction, (typeof auditActions)[number]>;
const everyActionListed: Missing extends never ? true : Missing = true;
void everyActionListed;
