import { Module } from '@nestjs/common';
import { DatabaseModule } from '../database/database.module.js';
import { TierHistoryController } from './tier-history.controller.js';
import { TierHistoryService } from './tier-history.service.js';

@Module({ imports: [DatabaseModule], controllers: [TierHistoryController], providers: [TierHistoryService] })
export class TierHistoryModule {}
