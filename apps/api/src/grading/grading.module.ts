import { Module } from '@nestjs/common';
import { DatabaseModule } from '../database/database.module.js';
import { PolicyRuntimeModule } from '../policies/policy-runtime.module.js';
import { GradingService } from './grading.service.js';
import { RegradeRepository } from './regrade.repository.js';
import { RegradeService } from './regrade.service.js';

@Module({
  imports: [DatabaseModule, PolicyRuntimeModule],
  providers: [GradingService, RegradeService, RegradeRepository],
  exports: [GradingService, RegradeService],
})
export class GradingModule {}
