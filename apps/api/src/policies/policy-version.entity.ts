import type { Finding } from '@tierwise/policy';
import { Column, Entity, PrimaryColumn } from 'typeorm';

export type PolicyVersionStatus = 'draft' | 'published' | 'superseded' | 'discarded';

@Entity({ name: 'policy_versions' })
export class PolicyVersionEntity {
  @PrimaryColumn({ name: 'policy_id', type: 'text' })
  policyId!: string;

  @PrimaryColumn({ type: 'integer' })
  version!: number;

  @Column({ type: 'text' })
  status!: PolicyVersionStatus;

  /** The policy document, its `id` and `version` equal to this row's. */
  @Column({ type: 'jsonb' })
  document!: unknown;

  /** policyHash(document); null while a draft may still change. */
  @Column({ type: 'text', nullable: true })
  hash!: string | null;

  /** What lint found at the last save (or at publication). */
  @Column({ name: 'lint_findings', type: 'jsonb' })
  lintFindings!: Finding[];

  /** Bumped by every save of a draft; an edit must name the revision it started from. */
  @Column({ type: 'integer' })
  revision!: number;

  /** The version this one copies (a copy or a rollback), if any. */
  @Column({ name: 'based_on', type: 'integer', nullable: true })
  basedOn!: number | null;

  /** The version in force when this draft was started: publishing over another one needs a confirmation. */
  @Column({ name: 'base_version', type: 'integer', nullable: true })
  baseVersion!: number | null;

  @Column({ type: 'text', nullable: true })
  note!: string | null;

  @Column({ name: 'created_by', type: 'text' })
  createdBy!: string;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'updated_by', type: 'text' })
  updatedBy!: string;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;

  @Column({ name: 'published_by', type: 'text', nullable: true })
  publishedBy!: string | null;

  @Column({ name: 'published_at', type: 'timestamptz', nullable: true })
  publishedAt!: Date | null;

  @Column({ name: 'superseded_at', type: 'timestamptz', nullable: true })
  supersededAt!: Date | null;
}
