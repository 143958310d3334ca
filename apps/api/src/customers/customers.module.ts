import { Module } from '@nestjs/common';
import { DatabaseModule } from '../database/database.module.js';
import { GradingModule } from '../grading/grading.module.js';
import { PoliciesModule } from '../policies/policies.module.js';
import { CustomersController } from './customers.controller.js';
import { CustomersExportService } from './customers-export.service.js';
import { CustomersExportRepository } from './customers-export.repository.js';
import { CustomersService } from './customers.service.js';
import { CustomersImportController } from './import/customers-import.controller.js';
import { CustomersImportService } from './import/customers-import.service.js';
import { ImportGradingWriter } from './import/import-grading.writer.js';
import { TierOverrideController } from './tier-override.controller.js';
import { TierOverridesModule } from './tier-overrides.module.js';

@Module({
  imports: [DatabaseModule, PoliciesModule, GradingModule, TierOverridesModule],
  // The import controller first: its POST import must not be read as a customer id.
  controllers: [CustomersImportController, CustomersController, TierOverrideController],
  // The export's reads are the customers feature's alone, so its repository is provided here.
  providers: [CustomersService, CustomersExportService, CustomersExportRepository, CustomersImportService, ImportGradingWriter],
})
export class CustomersModule {}
