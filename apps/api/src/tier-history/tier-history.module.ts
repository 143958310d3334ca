import { Module } from '@nestjs/common';
import { DatabaseModule } from '../database/database.module.js';
import { PolicyRuntimeModule } from '../policies/policy-runtime.module.js';
import { TierHistoryController, TierHistoryListController } from './tier-history.controller.js';
import { TierHistoryExportService } from './tier-history-export.service.js';
import { TierHistoryReplayController } from './tier-history-replay.controller.js';
import { TierHistoryReplayService } from './tier-history-replay.service.js';
import { TierHistoryService } from './tier-history.service.js';

@Module({
  imports: [DatabaseModule, PolicyRuntimeModule],
  controllers: [TierHistoryController, TierHistoryListController, TierHistoryReplayController],
  providers: [TierHistoryService, TierHistoryExportService, TierHistoryReplayService],
})
export class TierHistoryModule {}
