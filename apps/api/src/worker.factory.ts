import { NestFactory } from '@nestjs/core';
import type { INestApplicationContext } from '@nestjs/common';
import type { Logger } from 'pino';
import type { AppConfig } from './config/app-config.js';
import { ConfigError } from './config/config.error.js';
import { NestPinoLogger } from './logging/nest-pino-logger.js';
import { WorkerModule } from './worker.module.js';

/** A worker process's application, started: it takes grading jobs from Bull until closed. */
export async function createWorker(config: AppConfig, logger: Logger): Promise<INestApplicationContext> {
  if (config.redisUrl === undefined) {
    throw new ConfigError([
      "REDIS_URL: a worker takes its jobs from Redis; set it (and DATABASE_URL) to the api's. Without Redis the api grades in its own process and needs no worker",
    ]);
  }
  const worker = await NestFactory.createApplicationContext(WorkerModule.register(config, logger), {
    logger: new NestPinoLogger(logger),
    abortOnError: false,
  });
  await worker.init();
  return worker;
}
