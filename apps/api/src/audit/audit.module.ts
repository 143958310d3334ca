import { Module } from '@nestjs/common';
import { DatabaseModule } from '../database/database.module.js';
import { AuditController } from './audit.controller.js';
import { AuditService } from './audit.service.js';

// The audit log's list and CSV export; rows are appended by each feature's own transaction (AuditRepository).
@Module({ imports: [DatabaseModule], controllers: [AuditController], providers: [AuditService] })
export class AuditModule {}
