import { Module } from '@nestjs/common';
import { DatabaseModule } from '../database/database.module.js';
import { GradingService } from './grading.service.js';

@Module({ imports: [DatabaseModule], providers: [GradingService], exports: [GradingService] })
export class GradingModule {}
