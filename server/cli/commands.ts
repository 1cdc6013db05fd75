import { eq, inArray } from 'drizzle-orm';
import { emailSchema } from '../../core/contracts/common.ts';
import { createTeamBodySchema } from '../../core/contracts/teams.ts';
import { languages } from '../../core/localized.ts';
import { type Role, roles } from '../../core/roles.ts';
import type { DatabaseHandle } from '../db/client.ts';
import { teams, users } from '../db/schema/index.ts';
import { expireStaleReferrals } from '../modules/referrals/referrals.expiry.ts';
import { createTeam } from '../modules/teams/teams.service.ts';
import { createUser, resetPassword } from '../modules/users/users.service.ts';
import { readBackup, restoreBackup, writeBackup } from '../ops/backup.ts';
import { appliedMigrations, runnerOf } from '../ops/catalog.ts';
import { seedDemo } from '../ops/seed.ts';
import { type CommandSpec, UsageError, type Values } from './parse.ts';
import { purgeCommand } from './purge.command.ts';

type Output = { out(line: string): void };
export type CliCommand = CommandSpec & { run(database: DatabaseHandle, args: CommandArgs, io: Output): Promise<void> };
type CommandArgs = { values: Values; positionals: string[] };

const str = (values: Values, name: string) => values[name] as string | undefined;

function oneOf<T extends string>(option: string, value: string | undefined, choices: readonly T[]): T | undefined {
  if (value === undefined) return undefined;
  if (!choices.includes(value as T)) {
    throw new UsageError(
      `--${option} must be one of ${choices.join(', ')} (got "${value}") / --${option} : ${choices.join(', ')}`,
    );
  }
  return value as T;
}

function emailOption(value: string | undefined): string {
  const parsed = emailSchema.safeParse(value);
  if (!parsed.success) throw new UsageError(`--email "${value}" is not an email address / n’est pas un courriel`);
  return parsed.data;
}

async function userIdByEmail(database: DatabaseHandle, email: string): Promise<string> {
  const [user] = await database.db.select({ id: users.id }).from(users).where(eq(users.email, email));
  if (!user) throw new UsageError(`--email: no account has the email ${email} / aucun compte n’a ce courriel`);
  return user.id;
}

function passwordBox(email: string, password: string): string[] {
  return [
    `  Email / Courriel          ${email}`,
    `  Password / Mot de passe   ${password}`,
    '  Shown only once; to be changed at first sign-in. / Affiché une seule fois; à changer à la connexion.',
  ];
}

export const commands: CliCommand[] = [
  {
    words: ['migrate'],
    usage: '',
    summary: 'Create or update the database schema / crée ou met à jour la base',
    options: {},
    async run(database, _args, io) {
      // Every command migrates before it runs (see cli.ts): here that is all there is to do.
      const applied = await appliedMigrations(runnerOf(database.db));
      const last = applied.at(-1);
      io.out(
        `Database up to date / Base à jour: ${applied.length} migration(s), last / dernière ${last?.tag ?? last?.hash ?? '-'}`,
      );
    },
  },
  {
    words: ['user', 'add'],
    usage: '--email E --name N --role worker|organizer|coordinator|admin [--team CODE]... [--language fr|en]',
    summary: 'Create an account; prints its one-time password / crée un compte',
    options: {
      email: { type: 'string' },
      name: { type: 'string' },
      role: { type: 'string' },
      team: { type: 'string', multiple: true },
      language: { type: 'string' },
    },
    required: ['email', 'name', 'role'],
    async run(database, { values }, io) {
      const email = emailOption(str(values, 'email'));
      const name = str(values, 'name')!.trim();
      if (name.length > 120)
        throw new UsageError('--name is longer than 120 characters / --name dépasse 120 caractères');
      const role = oneOf<Role>('role', str(values, 'role'), roles)!;
      const language = oneOf('language', str(values, 'language'), languages) ?? 'fr';
      const codes = [...new Set((values.team as string[] | undefined) ?? [])];
      const found = codes.length
        ? await database.db.select({ id: teams.id, code: teams.code }).from(teams).where(inArray(teams.code, codes))
        : [];
      const unknown = codes.filter((code) => !found.some((t) => t.code === code));
      if (unknown.length) {
        throw new UsageError(`--team: no team has the code ${unknown.join(', ')} / aucune équipe n’a ce code`);
      }
      const { user, temporaryPassword } = await createUser(database.db, null, {
        email,
        name,
        role,
        language,
        teamIds: found.map((t) => t.id),
      });
      const teamList = user.teams.map((t) => t.code).join(', ') || '-';
      io.out(`Account created / Compte créé: ${user.name} (${user.role}; teams / équipes: ${teamList})`);
      for (const line of passwordBox(user.email, temporaryPassword)) io.out(line);
    },
  },
  {
    words: ['user', 'reset-password'],
    usage: '--email E',
    summary: 'New one-time password; ends the account’s sessions / nouveau mot de passe',
    options: { email: { type: 'string' } },
    required: ['email'],
    async run(database, { values }, io) {
      const id = await userIdByEmail(database, emailOption(str(values, 'email')));
      const { user, temporaryPassword } = await resetPassword(database.db, null, id);
      io.out(`Password reset, sessions ended / Mot de passe réinitialisé, sessions fermées: ${user.name}`);
      for (const line of passwordBox(user.email, temporaryPassword)) io.out(line);
    },
  },
  {
    words: ['team', 'add'],
    usage: '--name N --code C',
    summary: 'Create a team (équipe de quartier) / crée une équipe',
    options: { name: { type: 'string' }, code: { type: 'string' } },
    required: ['name', 'code'],
    async run(database, { values }, io) {
      const parsed = createTeamBodySchema.safeParse({ name: str(values, 'name'), code: str(values, 'code') });
      if (!parsed.success) {
        const issue = parsed.error.issues[0]!;
        throw new UsageError(`--${issue.path.join('.')}: ${issue.message}`);
      }
      const team = await createTeam(database.db, null, parsed.data);
      io.out(`Team created / Équipe créée: ${team.name} (code ${team.code})`);
    },
  },
  {
    words: ['seed'],
    usage: '--demo',
    summary: 'Fill in the French-language demo deployment (idempotent) / données de démonstration',
    options: { demo: { type: 'boolean' } },
    async run(database, { values }, io) {
      if (!values.demo) throw new UsageError('seed needs --demo (the only data set for now) / seed attend --demo');
      const { lines, credentials } = await seedDemo(database.db);
      for (const line of lines) io.out(line);
      io.out('');
      io.out('Demo accounts / Comptes de démonstration:');
      const width = Math.max(...credentials.map((c) => c.email.length));
      for (const c of credentials) {
        io.out(
          `  ${c.email.padEnd(width)}  ${c.role.padEnd(11)}  ${c.password}  ${c.name}${c.teams.length ? ` (${c.teams.join(', ')})` : ''}`,
        );
      }
      io.out(
        'Demo passwords are public: never put real data in a demo deployment. / Ne mettez jamais de vraies données dans une démo.',
      );
    },
  },
  {
    words: ['referrals', 'expire'],
    usage: '[--now 2026-11-25T08:00:00Z]',
    summary:
      'Expire open referrals with nothing recorded for the set delay (the server also does it hourly) / expire les orientations restées sans suite',
    options: { now: { type: 'string' } },
    async run(database, { values }, io) {
      const given = str(values, 'now');
      const now = given === undefined ? new Date() : new Date(given);
      if (Number.isNaN(now.getTime()))
        throw new UsageError(`--now "${given}" is not a date and time / n’est pas une date et heure`);
      const count = await expireStaleReferrals(database.db, now);
      io.out(`Referrals expired / Orientations expirées: ${count}`);
    },
  },
  {
    words: ['backup'],
    usage: '<file>',
    summary: 'Write every row to a gzip JSON file / sauvegarde complète',
    options: {},
    positionals: ['<file>'],
    async run(database, { positionals }, io) {
      const file = positionals[0]!;
      const counts = await writeBackup(database, file);
      const rows = counts.reduce((sum, c) => sum + c.rows, 0);
      io.out(`Backup written / Sauvegarde écrite: ${file} (${counts.length} tables, ${rows} rows / lignes)`);
      for (const c of counts) io.out(`  ${c.table.padEnd(24)} ${c.rows}`);
    },
  },
  {
    words: ['restore'],
    usage: '<file>',
    summary: 'Restore a backup into an empty database / restaure dans une base vide',
    options: {},
    positionals: ['<file>'],
    async run(database, { positionals }, io) {
      const file = positionals[0]!;
      const backup = await readBackup(file);
      const counts = await restoreBackup(database, backup);
      const rows = counts.reduce((sum, c) => sum + c.rows, 0);
      io.out(`Restored / Restauré: ${file} of / du ${backup.createdAt} (${rows} rows / lignes)`);
      for (const c of counts) io.out(`  ${c.table.padEnd(24)} ${c.rows}`);
    },
  },
  purgeCommand,
];
