import { Module } from '@nestjs/common';
import { DatabaseModule } from '../database/database.module.js';
import { GradingModule } from '../grading/grading.module.js';
import { PinnedTiersCheck } from '../grading/pinned-tiers.check.js';
import { GradingRunsModule } from '../grading/runs/grading-runs.module.js';
import { PoliciesController } from './policies.controller.js';
import { PolicyGradingService } from './policy-grading.service.js';
import { PolicyPublicationService } from './policy-publication.service.js';
import { PolicyRuntimeModule } from './policy-runtime.module.js';
import { PolicyVersionsService } from './policy-versions.service.js';

// Re-exports the runtime (ActivePolicyService, CompiledPolicyCache) for customers, decisions and bootstrap.
@Module({
  imports: [DatabaseModule, PolicyRuntimeModule, GradingModule, GradingRunsModule],
  controllers: [PoliciesController],
  providers: [PolicyVersionsService, PolicyPublicationService, PolicyGradingService, PinnedTiersCheck],
  exports: [PolicyRuntimeModule],
})
export class PoliciesModule {}
