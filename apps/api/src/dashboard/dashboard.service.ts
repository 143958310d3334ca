import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { DomainException } from '../common/domain.exception.js';
import { ActivePolicyService } from '../policies/active-policy.service.js';
import { readDashboardCells } from './dashboard-cells.js';
import type { DashboardPolicyDto, DashboardTiersDto, ValueMatrixDto } from './dto/dashboard.dto.js';
import { tierPyramid } from './tier-pyramid.js';
import { valueMatrix } from './value-matrix.js';

/** Read-only aggregates for the console's dashboard, from trigger-kept summary cells. */
@Injectable()
export class DashboardService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly policies: ActivePolicyService,
  ) {}

  async tiers(): Promise<DashboardTiersDto> {
    const [cells, inForce] = await Promise.all([readDashboardCells(this.dataSource), this.policyInForce()]);
    return tierPyramid(cells, inForce?.policy ?? null, inForce?.tiers ?? []);
  }

  async valueMatrix(): Promise<ValueMatrixDto> {
    return valueMatrix((await readDashboardCells(this.dataSource)).facts);
  }

  // No policy in force yet (a fresh database before bootstrap): tiers as found, by name.
  private async policyInForce(): Promise<{ policy: DashboardPolicyDto; tiers: string[] } | null> {
    try {
      const active = await this.policies.active();
      return { policy: { id: active.policyId, version: active.version }, tiers: active.compiled.tiers.map(({ tier }) => tier.id) };
    } catch (error) {
      if (error instanceof DomainException) return null;
      throw error;
    }
  }
}
