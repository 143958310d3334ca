import 'reflect-metadata';
import { ConfigError } from './config/config.error.js';
import { loadConfig } from './config/load-config.js';
import { createLogger } from './logging/create-logger.js';
import { createWorker } from './worker.factory.js';

// The worker entry point: `node dist/worker.js` (`npm run worker`). Same code and
// environment as the api; it serves no HTTP and works grading jobs from Redis.
async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig(process.env);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    process.stderr.write(`${error.message}\n`);
    process.exit(78); // EX_CONFIG
  }
  const logger = createLogger(config.logLevel);
  try {
    const worker = await createWorker(config, logger);
    // SIGTERM/SIGINT: the chunk in hand finishes or rolls back; another worker takes the rest.
    worker.enableShutdownHooks(['SIGTERM', 'SIGINT']);
    logger.info({ database: config.database.kind }, 'tierwise worker started');
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(78);
    }
    logger.fatal({ err: error }, 'the worker could not start');
    process.exitCode = 1;
    setTimeout(() => process.exit(1), 100).unref();
  }
}

await main();
