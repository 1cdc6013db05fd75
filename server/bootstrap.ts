import { count } from 'drizzle-orm';
import type { Config } from './config.ts';
import { type DatabaseHandle, openDatabase } from './db/client.ts';
import { users } from './db/schema/index.ts';
import { createUser } from './modules/users/users.service.ts';

export function openConfiguredDatabase(config: Config): Promise<DatabaseHandle> {
  return openDatabase(config.database);
}

export type FirstAdmin = { email: string; password: string };

/** On an empty database, creates the first admin with a one-time password; otherwise does nothing. */
export async function ensureFirstAdmin(database: DatabaseHandle, config: Config): Promise<FirstAdmin | null> {
  const [row] = await database.db.select({ total: count() }).from(users);
  if ((row?.total ?? 0) > 0) return null;
  const { temporaryPassword } = await createUser(database.db, null, {
    email: config.adminEmail,
    name: 'Administration',
    role: 'admin',
    language: config.defaultLanguage,
    teamIds: [],
  });
  return { email: config.adminEmail, password: temporaryPassword };
}

export function firstAdminNotice(admin: FirstAdmin, url: string): string {
  return [
    '',
    '  ┌─ Relais: first sign-in / première connexion ───────────────────────',
    `  │ Open / Ouvrez      ${url}`,
    `  │ Email / Courriel   ${admin.email}`,
    `  │ Password / Mot de passe   ${admin.password}`,
    '  │ This password is shown only once; you will choose your own at sign-in.',
    '  │ Ce mot de passe ne s’affiche qu’une fois; vous choisirez le vôtre à la connexion.',
    '  └────────────────────────────────────────────────────────────────────',
    '',
  ].join('\n');
}
