import { Module, type DynamicModule } from '@nestjs/common';
import type { Logger } from 'pino';
import { AuditModule } from './audit/audit.module.js';
import { AuthModule } from './auth/auth.module.js';
import { BootstrapModule } from './bootstrap/bootstrap.module.js';
import type { AppConfig } from './config/app-config.js';
import { ConfigModule } from './config/config.module.js';
import { CustomersModule } from './customers/customers.module.js';
import { DashboardModule } from './dashboard/dashboard.module.js';
import { DatabaseModule } from './database/database.module.js';
import { DecisionsModule } from './decisions/decisions.module.js';
import { GradingRunsModule } from './grading/runs/grading-runs.module.js';
import { GradingWorkModule } from './grading/runs/grading-work.module.js';
import { HealthModule } from './health/health.module.js';
import { JobsModule } from './jobs/jobs.module.js';
import { LoggingModule } from './logging/logging.module.js';
import { PoliciesModule } from './policies/policies.module.js';
import { TierHistoryModule } from './tier-history/tier-history.module.js';

/** Built from an already-validated config, so tests pass theirs without touching process.env. */
@Module({})
export class AppModule {
  static register(config: AppConfig, logger: Logger): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config),
        LoggingModule.forRoot(logger),
        DatabaseModule,
        AuthModule,
        HealthModule,
        CustomersModule,
        DecisionsModule,
        TierHistoryModule,
        PoliciesModule,
        AuditModule,
        DashboardModule,
        JobsModule.forRoot(config),
        GradingRunsModule,
        // Without Redis the api works the jobs itself; with it, `npm run worker` processes do.
        ...(config.redisUrl === undefined ? [GradingWorkModule.forRoot(config)] : []),
        BootstrapModule,
      ],
    };
  }
}
