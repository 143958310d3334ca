import { Module } from '@nestjs/common';
import { DatabaseModule } from '../database/database.module.js';
import { GradingModule } from '../grading/grading.module.js';
import { PoliciesModule } from '../policies/policies.module.js';
import { CustomerDecisionController } from './customer-decision.controller.js';
import { DecisionAsOfService } from './decision-as-of.service.js';
import { DecisionCache } from './decision-cache.js';
import { DecisionChangeListener } from './decision-change-listener.js';
import { DecisionsController } from './decisions.controller.js';
import { DecisionsService } from './decisions.service.js';

// Serialized decisions held in memory: 128 Mi characters, about 130,000 decisions of the seed policy.
const DECISION_CACHE_CHARS = 128 * 1024 * 1024;

@Module({
  imports: [DatabaseModule, PoliciesModule, GradingModule],
  controllers: [DecisionsController, CustomerDecisionController],
  providers: [
    DecisionsService,
    DecisionAsOfService,
    DecisionChangeListener,
    { provide: DecisionCache, useFactory: () => new DecisionCache(DECISION_CACHE_CHARS) },
  ],
})
export class DecisionsModule {}
