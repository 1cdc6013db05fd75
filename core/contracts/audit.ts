import { z } from 'zod';
import { type AuditAction, auditActions } from '../audit-actions.ts';
import { accessGrantSchema } from './access-grants.ts';
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
  /** The person the entry is about (the entity itself, or `details.personId`), if any. */
  personId: z.string().nullable(),
  /** Their nickname, only to a reader who may read that person (a member of their team). */
  personNickname: z.string().nullable(),
});
export type AuditEntry = z.infer<typeof auditEntrySchema>;

/** The viewer's filters, shared by the page of entries and the CSV export. */
export const auditFilterSchema = z.strictObject({
  actorId: z.uuid().optional(),
  action: z.enum(auditActions).optional(),
  entityType: z.string().trim().max(60).optional(),
  entityId: z.string().trim().max(100).optional(),
  /** Everything about one person: their record, encounters, notes, referrals, grants. */
  personId: z.uuid().optional(),
  teamId: z.uuid().optional(),
  breakGlass: z.enum(['true', 'false']).optional(),
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
});
export type AuditFilter = z.infer<typeof auditFilterSchema>;

export const auditListQuerySchema = auditFilterSchema.extend(pageQuery);

export const auditListSchema = z.object({ items: z.array(auditEntrySchema), total: z.number().int() });

export const personAccessHistoryQuerySchema = z.strictObject(pageQuery);
/** A person's access history: the entries about them, and the break-the-glass grants made on them. */
export const personAccessHistorySchema = z.object({
  personId: z.uuid(),
  teamId: z.uuid(),
  nickname: z.string().nullable(),
  total: z.number().int(),
  items: z.array(auditEntrySchema),
  grants: z.array(accessGrantSchema),
});
