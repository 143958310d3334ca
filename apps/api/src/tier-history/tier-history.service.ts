import { Injectable } from '@nestjs/common';
import { DomainException } from '../common/domain.exception.js';
import { CustomersRepository } from '../customers/customers.repository.js';
import type { TierHistoryDto } from './dto/tier-history.dto.js';
import type { TierHistoryListQuery } from './tier-history-list-query.js';
import { toTierHistoryDto } from './tier-history.mapper.js';
import { TierHistoryRepository } from './tier-history.repository.js';

@Injectable()
export class TierHistoryService {
  constructor(
    private readonly history: TierHistoryRepository,
    private readonly customers: CustomersRepository,
  ) {}

  /**
   * One customer's history, paged, sorted and filtered like the list of everyone's
   * (a customerId in the filter cannot widen it). An unknown customer is a 404, not an empty history.
   */
  async forCustomer(customerId: string, query: TierHistoryListQuery): Promise<{ items: TierHistoryDto[]; total: number }> {
    const asked = query.filter.customerId;
    const only = asked === undefined || asked.includes(customerId) ? [customerId] : [];
    const page = await this.list({ ...query, filter: { ...query.filter, customerId: only } });
    if (page.total === 0 && !(await this.customers.exists(customerId))) throw DomainException.customerNotFound(customerId);
    return page;
  }

  async list(query: TierHistoryListQuery): Promise<{ items: TierHistoryDto[]; total: number }> {
    const { rows, total } = await this.history.list(query);
    return { items: rows.map(toTierHistoryDto), total };
  }
}
