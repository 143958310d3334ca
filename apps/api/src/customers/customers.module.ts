import { Module } from '@nestjs/common';
import { DatabaseModule } from '../database/database.module.js';
import { GradingModule } from '../grading/grading.module.js';
import { PoliciesModule } from '../policies/policies.module.js';
import { CustomersController } from './customers.controller.js';
import { CustomersService } from './customers.service.js';

@Module({
  imports: [DatabaseModule, PoliciesModule, GradingModule],
  controllers: [CustomersController],
  providers: [CustomersService],
})
export class CustomersModule {}
