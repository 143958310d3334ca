import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Finding, Label } from '@tierwise/policy';
import type { DataSource, EntityManager } from 'typeorm';
import { insertRows } from '../database/insert-rows.js';
import { PolicyVersionEntity, type PolicyVersionStatus } from './policy-version.entity.js';
import { PolicyEntity } from './policy.entity.js';

/** Which version is in force, without its (large) document. */
export interface PublishedRef {
  policyId: string;
  version: number;
  hash: string;
}

/** A new version row; what the database fills in (dates, revision 1) may be left out. */
export type NewPolicyVersion = Pick<
  PolicyVersionEntity,
  'policyId' | 'version' | 'status' | 'document' | 'hash' | 'lintFindings' | 'createdBy' | 'publishedAt'
> &
  Partial<Pick<PolicyVersionEntity, 'basedOn' | 'baseVersion' | 'note' | 'updatedBy' | 'publishedBy'>>;

/** A policy with what a list shows of its versions. */
export interface PolicyOverview {
  id: string;
  name: Label;
  createdAt: Date;
  grading: boolean;
  gradingSchedule: string;
  published: { version: number; hash: string; publishedAt: Date; publishedBy: string | null } | null;
  latestVersion: number | null;
  drafts: number;
}

export type VersionSortField = 'version' | 'id' | 'createdAt';

export interface VersionListQuery {
  status?: PolicyVersionStatus[];
  /** Only these version numbers (react-admin's getMany). */
  versions?: number[];
  sort: { field: 'version' | 'createdAt'; order: 'ASC' | 'DESC' };
  range: { start: number; end: number };
}

/** Version rows without their documents, for lists. */
export type VersionListRow = Omit<PolicyVersionEntity, 'document'>;

const LIST_COLUMNS: (keyof PolicyVersionEntity)[] = [
  'policyId',
  'version',
  'status',
  'hash',
  'lintFindings',
  'revision',
  'basedOn',
  'baseVersion',
  'note',
  'createdBy',
  'createdAt',
  'updatedBy',
  'updatedAt',
  'publishedBy',
  'publishedAt',
  'supersededAt',
];

@Injectable()
export class PolicyVersionRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async findPublishedRef(policyId: string, manager: EntityManager = this.dataSource.manager): Promise<PublishedRef | null> {
    const row = await manager.getRepository(PolicyVersionEntity).findOne({
      select: { policyId: true, version: true, hash: true },
      where: { policyId, status: 'published' },
    });
    return row && row.hash ? { policyId: row.policyId, version: row.version, hash: row.hash } : null;
  }

  /** The version in force of the policy that grades the customers, if one is published. */
  async findGradingRef(manager: EntityManager = this.dataSource.manager): Promise<PublishedRef | null> {
    const rows = await manager.query<PublishedRef[]>(
      `SELECT v.policy_id AS "policyId", v.version, v.hash FROM policies p
         JOIN policy_versions v ON v.policy_id = p.id AND v.status = 'published'
        WHERE p.grading`,
    );
    return rows[0] ?? null;
  }

  /** The policy that grades the customers (one always does once the first policy exists). */
  async findGradingPolicy(manager: EntityManager = this.dataSource.manager): Promise<PolicyEntity | null> {
    return manager.getRepository(PolicyEntity).findOneBy({ grading: true });
  }

  /**
   * `policyId`'s version in force and whether the policy still grades, locked until the transaction
   * ends: the version FOR SHARE (a publication superseding it waits), the policy FOR KEY SHARE (a
   * switch of the grading policy, which locks both policies FOR UPDATE first, waits too).
   */
  async lockGradingRef(manager: EntityManager, policyId: string): Promise<{ version: number; grading: boolean } | null> {
    const rows = await manager.query<{ version: number; grading: boolean }[]>(
      `SELECT v.version, p.grading FROM policy_versions v JOIN policies p ON p.id = v.policy_id
        WHERE v.policy_id = $1 AND v.status = 'published' FOR SHARE OF v FOR KEY SHARE OF p`,
      [policyId],
    );
    return rows[0] ?? null;
  }

  /** Makes `policyId` the grading policy; call with both policies locked. */
  async switchGrading(manager: EntityManager, policyId: string): Promise<void> {
    await manager.query(`UPDATE policies SET grading = false WHERE grading AND id <> $1`, [policyId]);
    await manager.query(`UPDATE policies SET grading = true WHERE id = $1`, [policyId]);
  }

  async setGradingSchedule(manager: EntityManager, policyId: string, cron: string): Promise<void> {
    await manager.query(`UPDATE policies SET grading_schedule = $2 WHERE id = $1`, [policyId, cron]);
  }

  /**
   * The version in force, share-locked until the transaction ends: a
   * publication (which must supersede it) waits for this transaction, or this
   * waits for the publication and then finds no row (the version was superseded).
   */
  async lockPublishedRef(manager: EntityManager, policyId: string): Promise<{ version: number } | null> {
    const rows = await manager.query<{ version: number }[]>(
      `SELECT version FROM policy_versions WHERE policy_id = $1 AND status = 'published' FOR SHARE`,
      [policyId],
    );
    return rows[0] ?? null;
  }

  /** The version in force, whole (who published it and when, for conflict messages). */
  findPublished(manager: EntityManager, policyId: string): Promise<PolicyVersionEntity | null> {
    return manager.getRepository(PolicyVersionEntity).findOneBy({ policyId, status: 'published' });
  }

  findVersion(policyId: string, version: number, manager: EntityManager = this.dataSource.manager): Promise<PolicyVersionEntity | null> {
    return manager.getRepository(PolicyVersionEntity).findOneBy({ policyId, version });
  }

  /** The version row, locked until the transaction ends. */
  lockVersion(manager: EntityManager, policyId: string, version: number): Promise<PolicyVersionEntity | null> {
    return manager.getRepository(PolicyVersionEntity).findOne({ where: { policyId, version }, lock: { mode: 'pessimistic_write' } });
  }

  countPolicies(manager: EntityManager): Promise<number> {
    return manager.getRepository(PolicyEntity).count();
  }

  async insertPolicy(manager: EntityManager, policy: { id: string; name: Label; grading?: boolean }): Promise<void> {
    await manager.getRepository(PolicyEntity).insert(policy);
  }

  findPolicy(policyId: string): Promise<PolicyEntity | null> {
    return this.dataSource.getRepository(PolicyEntity).findOneBy({ id: policyId });
  }

  /**
   * Locks the policy until the transaction ends. Every change to a policy's set
   * of versions (a new draft, a publication, a rollback) takes this lock first,
   * so version numbers are handed out once and publications happen one at a time.
   */
  lockPolicy(manager: EntityManager, policyId: string): Promise<PolicyEntity | null> {
    return manager.getRepository(PolicyEntity).findOne({ where: { id: policyId }, lock: { mode: 'pessimistic_write' } });
  }

  /** The number the next version gets; call with the policy locked. */
  async nextVersion(manager: EntityManager, policyId: string): Promise<number> {
    const [row] = await manager.query<{ next: number }[]>(
      'SELECT coalesce(max(version), 0)::int + 1 AS next FROM policy_versions WHERE policy_id = $1',
      [policyId],
    );
    return row!.next;
  }

  async insertVersion(manager: EntityManager, version: NewPolicyVersion): Promise<void> {
    const released = version.status !== 'draft';
    await insertRows(manager, PolicyVersionEntity, [
      {
        ...version,
        updatedBy: version.updatedBy ?? version.createdBy,
        publishedBy: version.publishedBy ?? (released ? version.createdBy : null),
      },
    ]);
  }

  async listPolicies(): Promise<PolicyOverview[]> {
    const rows = await this.dataSource.query<
      {
        id: string;
        name: Label;
        created_at: Date;
        grading: boolean;
        grading_schedule: string;
        version: number | null;
        hash: string | null;
        published_at: Date | null;
        published_by: string | null;
        latest: number | null;
        drafts: number;
      }[]
    >(
      `SELECT p.id, p.name, p.created_at, p.grading, p.grading_schedule, v.version, v.hash, v.published_at, v.published_by,
              (SELECT max(version) FROM policy_versions a WHERE a.policy_id = p.id) AS latest,
              (SELECT count(*)::int FROM policy_versions d WHERE d.policy_id = p.id AND d.status = 'draft') AS drafts
         FROM policies p LEFT JOIN policy_versions v ON v.policy_id = p.id AND v.status = 'published'
        ORDER BY p.id`,
    );
    return rows.map((row) => ({
      id: row.id,
      name: row.name,
      createdAt: row.created_at,
      grading: row.grading,
      gradingSchedule: row.grading_schedule,
      published:
        row.version !== null && row.hash !== null && row.published_at !== null
          ? { version: row.version, hash: row.hash, publishedAt: row.published_at, publishedBy: row.published_by }
          : null,
      latestVersion: row.latest,
      drafts: row.drafts,
    }));
  }

  async listVersions(policyId: string, query: VersionListQuery): Promise<{ rows: VersionListRow[]; total: number }> {
    const builder = this.dataSource
      .getRepository(PolicyVersionEntity)
      .createQueryBuilder('v')
      .select(LIST_COLUMNS.map((column) => `v.${column}`))
      .where('v.policyId = :policyId', { policyId });
    if (query.status) builder.andWhere('v.status IN (:...status)', { status: query.status });
    if (query.versions) builder.andWhere('v.version IN (:...versions)', { versions: query.versions });
    const [rows, total] = await builder
      .orderBy(`v.${query.sort.field}`, query.sort.order)
      .addOrderBy('v.version', query.sort.order)
      .offset(query.range.start)
      .limit(query.range.end - query.range.start + 1)
      .getManyAndCount();
    return { rows, total };
  }

  /** Saves a draft's new document if it is still a draft at `expectedRevision`; false otherwise (nothing written). */
  async updateDraft(
    manager: EntityManager,
    change: {
      policyId: string;
      version: number;
      expectedRevision: number;
      document: unknown;
      lintFindings: readonly Finding[];
      note: string | null | undefined;
      updatedBy: string;
    },
  ): Promise<boolean> {
    const rows = await manager.query<unknown[]>(
      `UPDATE policy_versions
          SET document = $4::jsonb, lint_findings = $5::jsonb, note = CASE WHEN $6::boolean THEN $7 ELSE note END,
              revision = revision + 1, updated_by = $8, updated_at = now()
        WHERE policy_id = $1 AND version = $2 AND status = 'draft' AND revision = $3
        RETURNING version`,
      [
        change.policyId,
        change.version,
        change.expectedRevision,
        JSON.stringify(change.document),
        JSON.stringify(change.lintFindings),
        change.note !== undefined,
        change.note ?? null,
        change.updatedBy,
      ],
    );
    return returnedRows(rows).length === 1;
  }

  /** A draft is set aside for good: kept, frozen, its number never reused. False if it is no longer that draft revision. */
  async discardDraft(
    manager: EntityManager,
    change: { policyId: string; version: number; expectedRevision: number; updatedBy: string },
  ): Promise<boolean> {
    const rows = await manager.query<unknown[]>(
      `UPDATE policy_versions SET status = 'discarded', revision = revision + 1, updated_by = $4, updated_at = now()
        WHERE policy_id = $1 AND version = $2 AND status = 'draft' AND revision = $3
        RETURNING version`,
      [change.policyId, change.version, change.expectedRevision, change.updatedBy],
    );
    return returnedRows(rows).length === 1;
  }

  /** The version in force stops being so. */
  async supersede(manager: EntityManager, policyId: string, version: number): Promise<boolean> {
    const rows = await manager.query<unknown[]>(
      `UPDATE policy_versions SET status = 'superseded', superseded_at = now()
        WHERE policy_id = $1 AND version = $2 AND status = 'published' RETURNING version`,
      [policyId, version],
    );
    return returnedRows(rows).length === 1;
  }

  /**
   * A draft becomes the version in force, pinned by its hash. Conditional on it
   * still being a draft; the partial unique index policy_versions_one_published
   * refuses a second published version whatever happens above this line.
   */
  async markPublished(
    manager: EntityManager,
    publication: { policyId: string; version: number; hash: string; lintFindings: readonly Finding[]; publishedBy: string },
  ): Promise<boolean> {
    const rows = await manager.query<unknown[]>(
      `UPDATE policy_versions
          SET status = 'published', hash = $3, lint_findings = $4::jsonb, published_by = $5, published_at = now()
        WHERE policy_id = $1 AND version = $2 AND status = 'draft'
        RETURNING version`,
      [publication.policyId, publication.version, publication.hash, JSON.stringify(publication.lintFindings), publication.publishedBy],
    );
    return returnedRows(rows).length === 1;
  }
}

// node-postgres reports UPDATE ... RETURNING through TypeORM as [rows, count]; PGlite as rows.
function returnedRows(result: unknown[]): unknown[] {
  return result.length === 2 && Array.isArray(result[0]) && typeof result[1] === 'number' ? result[0] : result;
}
