import { hash } from '@node-rs/argon2';
import { accessGrantsModule } from './access-grants.ts';
import { accounts, generatedPassword } from './accounts.ts';
import { activities } from './activities.ts';
import { auditTrail } from './audit.ts';
import { committees } from './committees.ts';
import { crisis } from './crisis.ts';
import { diagnostic } from './diagnostic.ts';
import { directory } from './directory.ts';
import { fieldwork } from './fieldwork.ts';
import { network } from './network.ts';
import { projects } from './projects.ts';
import { fakerFor, seedNumber, seedTag } from './random.ts';
import { referrals } from './referrals.ts';
import { reports } from './reports.ts';
import { retention } from './retention.ts';
import { rights } from './rights.ts';
import { territories } from './territories.ts';
import { territorySectors } from './territory-sectors.ts';
import { time } from './time.ts';
import type { GenerateOptions, GeneratorModule, TableRows } from './types.ts';

/** In order: a module reads the rows of the ones before it. Later capabilities append theirs. */
const modules: GeneratorModule[] = [
  territories,
  accounts,
  fieldwork,
  directory,
  referrals,
  territorySectors,
  network,
  committees,
  activities,
  diagnostic,
  auditTrail,
  time,
  crisis,
  projects,
  retention,
  rights,
  accessGrantsModule,
  reports,
];

/**
 * The argon2id hash of the shared password, with a salt drawn from the seed: hashing once keeps
 * millions of accounts cheap, and a fixed salt keeps the output identical for the same seed.
 */
async function sharedPasswordHash(seed: string): Promise<string> {
  const salt = new Uint8Array(16);
  new DataView(salt.buffer).setUint32(0, seedNumber(seed));
  salt.set(new TextEncoder().encode(seedTag(seed)), 4);
  return hash(generatedPassword, { algorithm: 2, memoryCost: 19_456, timeCost: 2, parallelism: 1, salt });
}

/** The rows of one team, from every module. */
function generateTeam(options: GenerateOptions, teamIndex: number, passwordHash: string): TableRows {
  const flavour = teamIndex % 2 === 0 ? 'sherbrooke' : 'brussels';
  const rows: TableRows = {};
  const context = {
    faker: fakerFor(options.seed, teamIndex, flavour),
    flavour,
    seed: options.seed,
    tag: seedTag(options.seed),
    teamIndex,
    rows,
    passwordHash,
    add(table: string, ...added: TableRows[string]) {
      let list = rows[table];
      if (!list) {
        list = [];
        rows[table] = list;
      }
      for (const row of added) list.push(row);
    },
  } as const;
  for (const module of modules) module.generate(context);
  return rows;
}

/** The data set in chunks of `teamsPerChunk` teams, so any scale fits in memory while it is written. */
export async function* generateChunks(options: GenerateOptions, teamsPerChunk = 25): AsyncGenerator<TableRows> {
  const passwordHash = await sharedPasswordHash(options.seed);
  for (let start = 0; start < options.scale; start += teamsPerChunk) {
    const chunk: TableRows = {};
    for (let i = start; i < Math.min(options.scale, start + teamsPerChunk); i++) {
      for (const [table, rows] of Object.entries(generateTeam(options, i, passwordHash))) {
        const list = chunk[table] ?? [];
        for (const row of rows) list.push(row);
        chunk[table] = list;
      }
    }
    yield chunk;
  }
}
