import { Module } from '@nestjs/common';
import { DatabaseModule } from '../database/database.module.js';
import { TierHistoryController, TierHistoryListController } from './tier-history.controller.js';
import { TierHistoryExportService } from './tier-history-export.service.js';
import { TierHistoryService } from './tier-history.service.js';

@Module({
  imports: [DatabaseModule],
  controllers: [TierHistoryController, TierHistoryListController],
  providers: [TierHistoryService, TierHistoryExportService],
})
export class TierHistoryModule {}
