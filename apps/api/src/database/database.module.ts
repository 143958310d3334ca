import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import type { Logger } from 'pino';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { LOGGER } from '../logging/logger.token.js';
import { DatabaseHealth } from './database-health.js';
import { REPOSITORIES } from './repositories.js';
import { openServingDataSource, servingDataSourceOptions } from './serving-data-source.js';
import { TransactionRunner } from './transaction-runner.js';

// Repositories live beside their feature but are provided here, once (as immich
// does), so features share them without importing each other's modules.
@Module({
  imports: [
    TypeOrmModule.forRootAsync({
      inject: [APP_CONFIG, LOGGER],
      useFactory: (config: AppConfig, logger: Logger) => servingDataSourceOptions(config.database, logger),
      dataSourceFactory: openServingDataSource,
    }),
  ],
  providers: [DatabaseHealth, TransactionRunner, ...REPOSITORIES],
  exports: [DatabaseHealth, TransactionRunner, ...REPOSITORIES],
})
export class DatabaseModule {}
