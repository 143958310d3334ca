import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { insertRows } from '../database/insert-rows.js';
import { TierHistoryEntity } from './tier-history.entity.js';

export type NewTierHistory = Omit<TierHistoryEntity, 'id' | 'at'>;

/** Appends and reads; there is deliberately no update or delete (the database forbids them too). */
@Injectable()
export class TierHistoryRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async append(manager: EntityManager, entries: readonly NewTierHistory[]): Promise<void> {
    await insertRows(manager, TierHistoryEntity, entries);
  }

  /** Newest first. */
  listForCustomer(customerId: string): Promise<TierHistoryEntity[]> {
    return this.dataSource.getRepository(TierHistoryEntity).find({
      where: { customerId },
      order: { at: 'DESC', id: 'DESC' },
    });
  }
}
