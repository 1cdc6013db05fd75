import { sql } from 'drizzle-orm';
import { bigint, index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/**
 * Append-only: a trigger (see the migration `audit_log_append_only`) refuses UPDATE and DELETE.
 * No foreign keys on purpose: the trail must outlive the records it speaks of.
 */
export const auditLog = pgTable(
  'audit_log',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    actorId: uuid('actor_id'),
    actorRole: text('actor_role'),
    action: text('action').notNull(),
    entityType: text('entity_type').notNull(),
    entityId: text('entity_id'),
    teamId: uuid('team_id'),
    ip: text('ip'),
    userAgent: text('user_agent'),
    reason: text('reason'),
    details: jsonb('details').$type<Record<string, unknown>>(),
  },
  (table) => [
    index('audit_log_at_idx').on(table.at),
    index('audit_log_entity_idx').on(table.entityType, table.entityId),
    index('audit_log_actor_idx').on(table.actorId, table.at),
    // A person's access history (issue 8): entries about their encounters, notes and grants name them in details.
    index('audit_log_person_idx').on(sql`(${table.details}->>'personId')`, table.at),
    index('audit_log_team_idx').on(table.teamId, table.at),
  ],
);
