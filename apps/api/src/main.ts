import 'reflect-metadata';
import { createApp } from './app.factory.js';
import { configOrExit } from './config/config-or-exit.js';
import { createLogger } from './logging/create-logger.js';

// The HTTP entry point: `node dist/main.js`. With no environment it serves on
// port 3000 from an embedded PGlite database in ./.data.
async function main(): Promise<void> {
  const config = configOrExit();
  const logger = createLogger(config.logLevel);
  try {
    const app = await createApp(config, logger);
    // SIGTERM/SIGINT close the server (in-flight requests finish) and then the database, then exit 0.
    app.enableShutdownHooks(['SIGTERM', 'SIGINT'], { useProcessExit: true });
    for (const signal of ['SIGTERM', 'SIGINT'] as const) process.once(signal, () => logger.info({ signal }, 'shutting down'));
    await app.listen({ port: config.port, host: config.host });
    logger.info({ host: config.host, port: config.port, database: config.database.kind }, 'tierwise api listening');
  } catch (error) {
    logger.fatal({ err: error }, 'the api could not start');
    process.exitCode = 1;
    // Let pino flush, then leave even if a database handle is still open.
    setTimeout(() => process.exit(1), 100).unref();
  }
}

await main();
