import { Module } from '@nestjs/common';

// Filled in by the audit work: the audit log's list and CSV export.
@Module({})
export class AuditModule {}
