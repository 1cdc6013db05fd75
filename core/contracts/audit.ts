import { z } from 'zod';
import { type AuditAction, auditActions } from '../audit-actions.ts';
import { pageQuery } from './common.ts';

export type { AuditAction };

const auditEntrySchema = z.object({
  id: z.string(),
  at: z.iso.datetime(),
  actorId: z.uuid().nullable(),
  actorName: z.string().nullable(),
  actorRole: z.string().nullable(),
  action: z.enum(auditActions),
  entityType: z.string(),
  entityId: z.string().nullable(),
  teamId: z.uuid().nullable(),
  ip: z.string().nullable(),
  userAgent: z.string().nullable(),
  reason: z.string().nullable(),
  details: z.record(z.string(), z.unknown()).nullable(),
});
export type AuditEntry = z.infer<typeof auditEntrySchema>;

export const auditListQuerySchema = z.strictObject({
  actorId: z.uuid().optional(),
  action: z.enum(auditActions).optional(),
  entityType: z.string().trim().max(60).optional(),
  entityId: z.string().trim().max(100).optional(),
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
  ...pageQuery,
});

export const auditListSchema = z.object({ items: z.array(auditEntrySchema), total: z.number().int() });
