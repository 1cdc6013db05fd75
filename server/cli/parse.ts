import { type ParseArgsConfig, parseArgs } from 'node:util';

/** A mistake in the command line: printed as one line naming the option, exit code 1. */
export class UsageError extends Error {}

type OptionSpec = NonNullable<ParseArgsConfig['options']>;

export type CommandSpec = {
  /** The words that name the command, e.g. ['user', 'add']. */
  words: string[];
  /** e.g. '<file>' or '--email E --name N'. */
  usage: string;
  summary: string;
  options: OptionSpec;
  /** Names of the positional arguments, in order; all required. */
  positionals?: string[];
  /** Options that must be given. */
  required?: string[];
};

export type Values = Record<string, string | boolean | string[] | undefined>;
export type Invocation<C extends CommandSpec = CommandSpec> =
  | { kind: 'help'; command?: C }
  | { kind: 'run'; command: C; values: Values; positionals: string[] };

/** Finds the command named by the first words of argv and parses the rest strictly. */
export function parseInvocation<C extends CommandSpec>(argv: string[], commands: C[]): Invocation<C> {
  const firstOption = argv.findIndex((a) => a.startsWith('-'));
  const words = firstOption === -1 ? argv : argv.slice(0, firstOption);
  if (argv.length === 0 || argv[0] === '--help' || argv[0] === '-h' || argv[0] === 'help') {
    const asked = argv[0] === 'help' ? findCommand(argv.slice(1), commands) : undefined;
    return { kind: 'help', command: asked };
  }
  const command = findCommand(words, commands);
  if (!command) {
    const first = argv[0]!;
    const family = commands.filter((c) => c.words[0] === first);
    if (family.length) {
      const choices = family.map((c) => c.words.slice(1).join(' ')).join(', ');
      throw new UsageError(`"${first}" needs one of: ${choices} / « ${first} » attend : ${choices}`);
    }
    throw new UsageError(`Unknown command "${first}" (see --help) / Commande inconnue « ${first} » (voir --help)`);
  }
  const rest = argv.slice(command.words.length);
  if (rest.includes('--help') || rest.includes('-h')) return { kind: 'help', command };

  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({ args: rest, options: command.options, strict: true, allowPositionals: true });
  } catch (error) {
    throw new UsageError(describeParseError(error as Error & { code?: string }, command));
  }
  const expected = command.positionals ?? [];
  if (parsed.positionals.length > expected.length) {
    throw new UsageError(
      `Unexpected argument "${parsed.positionals[expected.length]}" / Argument en trop (${usageOf(command)})`,
    );
  }
  const missingPositional = expected[parsed.positionals.length];
  if (missingPositional) {
    throw new UsageError(`Missing ${missingPositional} / ${missingPositional} manquant (${usageOf(command)})`);
  }
  for (const name of command.required ?? []) {
    const value = parsed.values[name];
    if (value === undefined || value === '') {
      throw new UsageError(`--${name} is required / --${name} est obligatoire (${usageOf(command)})`);
    }
  }
  return { kind: 'run', command, values: parsed.values as Values, positionals: parsed.positionals };
}

function findCommand<C extends CommandSpec>(words: string[], commands: C[]): C | undefined {
  return [...commands]
    .sort((a, b) => b.words.length - a.words.length)
    .find((c) => c.words.every((word, i) => words[i] === word));
}

function describeParseError(error: Error & { code?: string }, command: CommandSpec): string {
  const option = /'(-[^' ]+)/.exec(error.message)?.[1] ?? '';
  switch (error.code) {
    case 'ERR_PARSE_ARGS_UNKNOWN_OPTION':
      return `Unknown option ${option} for "${command.words.join(' ')}" / Option inconnue ${option} (${usageOf(command)})`;
    case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE':
      return `${option} needs a value / ${option} attend une valeur (${usageOf(command)})`;
    default:
      return error.message;
  }
}

function usageOf(command: CommandSpec): string {
  return `relais ${command.words.join(' ')}${command.usage ? ` ${command.usage}` : ''}`;
}

/** `--help`: every command, one line each. */
export function helpText(commands: CommandSpec[]): string {
  return [
    'Relais — command line / ligne de commande',
    '',
    'Usage: npm run relais -- <command> [options]',
    '',
    ...commands.flatMap((c) => [`  ${usageOf(c)}`, `      ${c.summary}`]),
    '',
    'The database is the one the server uses: RELAIS_DATA_DIR (embedded PGlite, ./data by default) or',
    'DATABASE_URL (PostgreSQL). Every command migrates it first. Stop the server before using the CLI on',
    'an embedded database. / La base est celle du serveur; arrêtez-le avant d’utiliser la CLI avec PGlite.',
    '',
    'relais <command> --help gives the details of one command.',
  ].join('\n');
}

export function commandHelp(command: CommandSpec): string {
  const lines = [usageOf(command), '', `  ${command.summary}`];
  const options = Object.entries(command.options);
  if (options.length) {
    lines.push('', '  Options:');
    for (const [name, spec] of options) {
      const required = command.required?.includes(name) ? ' (required / obligatoire)' : '';
      const multiple = spec.multiple ? ' (repeatable / répétable)' : '';
      lines.push(`    --${name}${spec.type === 'string' ? ' <value>' : ''}${required}${multiple}`);
    }
  }
  return lines.join('\n');
}
