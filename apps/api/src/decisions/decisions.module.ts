import { Module } from '@nestjs/common';
import { DatabaseModule } from '../database/database.module.js';
import { PoliciesModule } from '../policies/policies.module.js';
import { DecisionsController } from './decisions.controller.js';
import { DecisionsService } from './decisions.service.js';

@Module({ imports: [DatabaseModule, PoliciesModule], controllers: [DecisionsController], providers: [DecisionsService] })
export class DecisionsModule {}
