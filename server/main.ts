import { buildApp } from './app.ts';
import { ensureFirstAdmin, firstAdminNotice, openConfiguredDatabase } from './bootstrap.ts';
import { ConfigError, loadConfig } from './config.ts';
import { alignCountingZone, countingZoneNotice } from './ops/counting-zone.ts';

/** Starts Relais: reads the settings, opens and migrates the database, listens. */
async function main(): Promise<void> {
  const config = loadConfig();
  const database = await openConfiguredDatabase(config).catch((error: Error) => {
    const where = config.database.kind === 'postgres' ? 'DATABASE_URL' : `RELAIS_DATA_DIR (${config.database.dataDir})`;
    throw new ConfigError(`Cannot open the database from ${where}: ${error.message}`);
  });
  await database.migrate();
  const zoneNotice = countingZoneNotice(await alignCountingZone(database, config.timeZone));
  if (zoneNotice) console.log(zoneNotice);
  const firstAdmin = await ensureFirstAdmin(database, config);
  const app = await buildApp({ config, database });

  const shutdown = async (signal: string) => {
    app.log.info(`${signal}: closing`);
    await app.close();
    await database.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));

  await app.listen({ port: config.port, host: config.host });
  const url = `http://localhost:${config.port}`;
  const engine =
    database.kind === 'pglite'
      ? `embedded PGlite in ${config.database.kind === 'pglite' ? config.database.dataDir : ''}`
      : 'PostgreSQL';
  console.log(`Relais is running on ${url} (database: ${engine})`);
  if (firstAdmin) console.log(firstAdminNotice(firstAdmin, url));
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) console.error(`Relais cannot start: ${error.message}`);
  else if ((error as NodeJS.ErrnoException)?.code === 'EADDRINUSE') {
    console.error(`Relais cannot start: port ${(error as { port?: number }).port ?? ''} is already in use (set PORT).`);
  } else console.error('Relais cannot start:', error);
  process.exit(1);
});
