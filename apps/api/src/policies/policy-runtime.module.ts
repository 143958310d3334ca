import { Module } from '@nestjs/common';
import { DatabaseModule } from '../database/database.module.js';
import { ActivePolicyService } from './active-policy.service.js';
import { CompiledPolicyCache } from './compiled-policy.cache.js';

// What grading needs of policies (the version in force, compiled), apart from
// the policy editing routes, so grading and policies do not import each other.
@Module({
  imports: [DatabaseModule],
  providers: [ActivePolicyService, CompiledPolicyCache],
  exports: [ActivePolicyService, CompiledPolicyCache],
})
export class PolicyRuntimeModule {}
