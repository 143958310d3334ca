import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { READERS } from '../auth/role.js';
import { Roles } from '../auth/roles.decorator.js';
import { API_V1 } from '../common/api-prefix.js';
import { schemaRef } from '../openapi/schema-ref.js';
import { DashboardService } from './dashboard.service.js';
import type { DashboardTiersDto, ValueMatrixDto } from './dto/dashboard.dto.js';

@ApiTags('dashboard')
@Controller(`${API_V1}/dashboard`)
@Roles(...READERS)
export class DashboardController {
  constructor(private readonly dashboard: DashboardService) {}

  @ApiOperation({
    summary: 'Customers and value per tier: the count pyramid beside the value pyramid',
    description:
      "Per tier of the policy in force (its order; then tiers still held from an earlier policy): customers, their share, the sum of the value fact (named in valueFact: the default policy's account balance) and its share. Shares are of the customers graded into a tier. Exact: read from summary rows that triggers keep, so as fast at 1,000,000 customers as at 10.",
  })
  @ApiOkResponse({ description: 'The tier pyramid', schema: schemaRef('DashboardTiers') })
  @Get('tiers')
  tiers(): Promise<DashboardTiersDto> {
    return this.dashboard.tiers();
  }

  @ApiOperation({
    summary: 'Current value x potential: a density grid and the four quadrants',
    description:
      "Every customer with both facts, binned: value (balance, money) on 1-2-5 edges from 0 to 100,000,000, potential (growth, 0-15 points) one bin per point. counts[p][v] is the number in potential bin p and value bin v. The quadrants split on bin edges so their counts are exact: value at the edge that best halves the customers in the grid (the median, to the nearest edge), potential at the first edge at or above the midpoint of growth's declared range 0-15 (7.5, so growth >= 8 is high). Read from the same trigger-kept summary rows as /dashboard/tiers.",
  })
  @ApiOkResponse({ description: 'The value matrix', schema: schemaRef('ValueMatrix') })
  @Get('value-matrix')
  valueMatrix(): Promise<ValueMatrixDto> {
    return this.dashboard.valueMatrix();
  }
}
