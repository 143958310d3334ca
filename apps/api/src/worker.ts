import 'reflect-metadata';
import { configOrExit, exitOnConfigError } from './config/config-or-exit.js';
import { createLogger } from './logging/create-logger.js';
import { createWorker } from './worker.factory.js';

// The worker entry point: `node dist/worker.js` (`npm run worker`). Same code and
// environment as the api; it serves no HTTP and works grading jobs from Redis.
async function main(): Promise<void> {
  const config = configOrExit();
  const logger = createLogger(config.logLevel);
  try {
    const worker = await createWorker(config, logger);
    // SIGTERM/SIGINT: the chunk in hand finishes or rolls back; another worker takes the rest.
    worker.enableShutdownHooks(['SIGTERM', 'SIGINT']);
    logger.info({ database: config.database.kind }, 'tierwise worker started');
  } catch (error) {
    // No REDIS_URL is a configuration error too, found when the worker is made.
    exitOnConfigError(error);
    logger.fatal({ err: error }, 'the worker could not start');
    process.exitCode = 1;
    setTimeout(() => process.exit(1), 100).unref();
  }
}

await main();
