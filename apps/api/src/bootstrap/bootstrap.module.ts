import { Module } from '@nestjs/common';
import { DatabaseModule } from '../database/database.module.js';
import { GradingModule } from '../grading/grading.module.js';
import { PoliciesModule } from '../policies/policies.module.js';
import { BootstrapService } from './bootstrap.service.js';

@Module({ imports: [DatabaseModule, PoliciesModule, GradingModule], providers: [BootstrapService] })
export class BootstrapModule {}
