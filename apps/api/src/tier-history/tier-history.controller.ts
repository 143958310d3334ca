import { Controller, Get, Param } from '@nestjs/common';
import { READERS } from '../auth/role.js';
import { Roles } from '../auth/roles.decorator.js';
import { API_V1 } from '../common/api-prefix.js';
import { assertCustomerId } from '../customers/customer-id.js';
import type { TierHistoryDto } from './dto/tier-history.dto.js';
import { TierHistoryService } from './tier-history.service.js';

@Controller(`${API_V1}/customers/:id/tier-history`)
@Roles(...READERS)
export class TierHistoryController {
  constructor(private readonly history: TierHistoryService) {}

  @Get()
  list(@Param('id') id: string): Promise<TierHistoryDto[]> {
    return this.history.forCustomer(assertCustomerId(id));
  }
}
