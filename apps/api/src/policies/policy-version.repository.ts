import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Label } from '@tierwise/policy';
import type { DataSource, EntityManager } from 'typeorm';
import { insertRows } from '../database/insert-rows.js';
import { PolicyVersionEntity } from './policy-version.entity.js';
import { PolicyEntity } from './policy.entity.js';

/** Which version is in force, without its (large) document. */
export interface PublishedRef {
  policyId: string;
  version: number;
  hash: string;
}

@Injectable()
export class PolicyVersionRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async findPublishedRef(policyId: string): Promise<PublishedRef | null> {
    const row = await this.dataSource.getRepository(PolicyVersionEntity).findOne({
      select: { policyId: true, version: true, hash: true },
      where: { policyId, status: 'published' },
    });
    return row && row.hash ? { policyId: row.policyId, version: row.version, hash: row.hash } : null;
  }

  findVersion(policyId: string, version: number): Promise<PolicyVersionEntity | null> {
    return this.dataSource.getRepository(PolicyVersionEntity).findOneBy({ policyId, version });
  }

  countPolicies(manager: EntityManager): Promise<number> {
    return manager.getRepository(PolicyEntity).count();
  }

  async insertPolicy(manager: EntityManager, policy: { id: string; name: Label }): Promise<void> {
    await manager.getRepository(PolicyEntity).insert(policy);
  }

  async insertVersion(
    manager: EntityManager,
    version: Omit<PolicyVersionEntity, 'createdAt'>,
  ): Promise<void> {
    await insertRows(manager, PolicyVersionEntity, [version]);
  }
}
