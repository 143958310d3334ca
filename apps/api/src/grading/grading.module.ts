import { Module } from '@nestjs/common';
import { DatabaseModule } from '../database/database.module.js';
import { PolicyRuntimeModule } from '../policies/policy-runtime.module.js';
import { DecisionLogRepository } from './decision-log.repository.js';
import { GradingService } from './grading.service.js';
import { RegradeRepository } from './regrade.repository.js';

@Module({
  imports: [DatabaseModule, PolicyRuntimeModule],
  providers: [GradingService, RegradeRepository, DecisionLogRepository],
  exports: [GradingService, RegradeRepository, DecisionLogRepository],
})
export class GradingModule {}
