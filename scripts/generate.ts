import { parseArgs } from 'node:util';
import { ConfigError, loadConfig } from '../server/config.ts';
import { openDatabase } from '../server/db/client.ts';
import { generatedPassword } from './generate/accounts.ts';
import { writeToDatabase, writeToFile } from './generate/write.ts';

const usage = 'Usage: npm run generate -- --scale N [--seed S] [--out file.json.gz]';
const help = `${usage}

Fills a database with realistic synthetic data, identical for the same seed:
N teams (half Sherbrooke-like, half Brussels-like), each with 2–4 neighbourhoods, 5–15 accounts
of mixed roles (an admin every ten teams) and their audit trail.

  --scale N    number of teams (1 to 1,000,000)
  --seed S     any text (default "relais")
  --out FILE   write a Relais backup file instead (load it with: npm run relais -- restore FILE);
               without it, rows go into the configured database (RELAIS_DATA_DIR or DATABASE_URL)

Every generated account signs in with the password "${generatedPassword}".`;

function fail(message: string): never {
  console.error(`Error / Erreur: ${message}`);
  process.exit(1);
}

async function main() {
  let values: { scale?: string; seed?: string; out?: string; help?: boolean };
  try {
    ({ values } = parseArgs({
      args: process.argv.slice(2),
      options: {
        scale: { type: 'string' },
        seed: { type: 'string' },
        out: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
    }));
  } catch (error) {
    fail(`${(error as Error).message.split('.')[0]} (${usage})`);
  }
  if (values.help) {
    console.log(help);
    return;
  }
  if (values.scale === undefined) fail(`--scale is required (${usage})`);
  const scale = Number(values.scale);
  if (!Number.isInteger(scale) || scale < 1 || scale > 1_000_000) {
    fail(`--scale must be a whole number from 1 to 1000000 (got "${values.scale}")`);
  }
  const options = { scale, seed: values.seed ?? 'relais' };
  const started = Date.now();
  const progress = ({ teams, rows }: { teams: number; rows: number }) =>
    console.log(`  ${teams}/${scale} teams, ${rows} rows (${((Date.now() - started) / 1000).toFixed(1)} s)`);

  if (values.out) {
    const done = await writeToFile(values.out, options, progress);
    console.log(
      `Wrote / Écrit ${values.out}: ${done.rows} rows. Load it with: npm run relais -- restore ${values.out}`,
    );
    return;
  }
  const config = loadConfig();
  const database = await openDatabase(config.database).catch((error: Error) => {
    throw new ConfigError(`Cannot open the database: ${error.message}`);
  });
  try {
    const done = await writeToDatabase(database, options, progress);
    console.log(
      `Generated / Généré: ${done.teams} teams, ${done.rows} rows. Password of every account: ${generatedPassword}`,
    );
  } finally {
    await database.close();
  }
}

main().catch((error: Error) => fail(error.message));
