import { Module } from '@nestjs/common';
import { DatabaseModule } from '../database/database.module.js';
import { GradingModule } from '../grading/grading.module.js';
import { PolicyRuntimeModule } from '../policies/policy-runtime.module.js';
import { TierOverrideService } from './tier-override.service.js';

// Setting and clearing tiers by hand, apart from the customer routes: the routes use it, and so does
// ExpireOverridesJob, which every process that works jobs registers (grading-runs.module.ts) without
// importing the customers feature (whose policies module imports grading runs).
@Module({
  imports: [DatabaseModule, PolicyRuntimeModule, GradingModule],
  providers: [TierOverrideService],
  exports: [TierOverrideService],
})
export class TierOverridesModule {}
