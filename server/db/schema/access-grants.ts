import { sql } from 'drizzle-orm';
import { check, index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { teams, users } from './accounts.ts';
import { people } from './people.ts';

/**
 * "Break the glass" (issue 8, point 4): someone outside a person's team states why and reads that
 * one person's record, encounters and confidential notes, read-only, until `expires_at` or until
 * the team's coordinator revokes it. `team_id` is the person's team when the grant was made: the
 * coordinator who must see it. Decision 0031-break-the-glass.
 */
export const accessGrants = pgTable(
  'access_grants',
  {
    id: uuid('id').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'restrict' }),
    personId: uuid('person_id')
      .notNull()
      .references(() => people.id, { onDelete: 'cascade' }),
    teamId: uuid('team_id')
      .notNull()
      .references(() => teams.id, { onDelete: 'restrict' }),
    reason: text('reason').notNull(),
    grantedAt: timestamp('granted_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    revokedBy: uuid('revoked_by').references(() => users.id, { onDelete: 'set null' }),
  },
  (table) => [
    index('access_grants_user_person_idx').on(table.userId, table.personId, table.expiresAt),
    index('access_grants_team_idx').on(table.teamId, table.expiresAt),
    index('access_grants_person_idx').on(table.personId, table.grantedAt),
    check('access_grants_expiry_after_grant', sql`${table.expiresAt} > ${table.grantedAt}`),
    check('access_grants_reason_given', sql`length(trim(${table.reason})) > 0`),
  ],
);
