import { ConfigError, loadConfig } from '../config.ts';
import { type DatabaseHandle, openDatabase } from '../db/client.ts';
import { AppError } from '../http/errors.ts';
import { BackupError } from '../ops/backup.ts';
import { type CliCommand, commands } from './commands.ts';
import { commandHelp, helpText, parseInvocation, UsageError } from './parse.ts';

export type CliIo = {
  out(line: string): void;
  err(line: string): void;
  env?: NodeJS.ProcessEnv;
  /** Tests hand in their own database; the CLI then leaves it open. */
  database?: DatabaseHandle;
};

/** Runs one command line; returns the exit code. Every failure is one line, never a stack trace. */
export async function runCli(argv: string[], io: CliIo): Promise<number> {
  let database: DatabaseHandle | undefined;
  try {
    const invocation = parseInvocation<CliCommand>(argv, commands);
    if (invocation.kind === 'help') {
      io.out(invocation.command ? commandHelp(invocation.command) : helpText(commands));
      return 0;
    }
    database = io.database ?? (await openConfigured(io.env ?? process.env));
    await database.migrate();
    await invocation.command.run(database, invocation, io);
    return 0;
  } catch (error) {
    io.err(`Error / Erreur: ${explain(error)}`);
    if ((io.env ?? process.env).RELAIS_DEBUG && error instanceof Error && error.stack) io.err(error.stack);
    return 1;
  } finally {
    if (database && !io.database) await database.close();
  }
}

async function openConfigured(env: NodeJS.ProcessEnv): Promise<DatabaseHandle> {
  const config = loadConfig(env);
  try {
    return await openDatabase(config.database);
  } catch (error) {
    const where = config.database.kind === 'postgres' ? 'DATABASE_URL' : `RELAIS_DATA_DIR (${config.database.dataDir})`;
    throw new ConfigError(`Cannot open the database from ${where}: ${(error as Error).message}`);
  }
}

function explain(error: unknown): string {
  if (error instanceof UsageError || error instanceof BackupError || error instanceof ConfigError) return error.message;
  if (error instanceof AppError) {
    const field = error.fields?.[0]?.path;
    const option = field === 'teamIds' ? '--team' : field ? `--${field}` : '';
    return `${option ? `${option}: ` : ''}${error.text.en} / ${error.text.fr}`;
  }
  return error instanceof Error ? error.message : String(error);
}
