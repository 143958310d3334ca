import { Module } from '@nestjs/common';
import { DatabaseModule } from '../database/database.module.js';
import { PolicyRuntimeModule } from '../policies/policy-runtime.module.js';
import { DashboardController } from './dashboard.controller.js';
import { DashboardService } from './dashboard.service.js';

@Module({ imports: [DatabaseModule, PolicyRuntimeModule], controllers: [DashboardController], providers: [DashboardService] })
export class DashboardModule {}
