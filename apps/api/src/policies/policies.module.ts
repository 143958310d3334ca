import { Module } from '@nestjs/common';
import { DatabaseModule } from '../database/database.module.js';
import { ActivePolicyService } from './active-policy.service.js';
import { CompiledPolicyCache } from './compiled-policy.cache.js';

@Module({
  imports: [DatabaseModule],
  providers: [ActivePolicyService, CompiledPolicyCache],
  exports: [ActivePolicyService, CompiledPolicyCache],
})
export class PoliciesModule {}
