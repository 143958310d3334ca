import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { insertRows } from '../database/insert-rows.js';
import { AuditEventEntity } from './audit-event.entity.js';

export type NewAuditEvent = Omit<AuditEventEntity, 'id' | 'at'>;

/** Audit rows are written in the same transaction as the change they describe. */
@Injectable()
export class AuditRepository {
  async append(manager: EntityManager, event: NewAuditEvent): Promise<void> {
    await insertRows(manager, AuditEventEntity, [event]);
  }
}
