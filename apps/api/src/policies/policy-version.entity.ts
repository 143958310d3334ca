import type { Finding } from '@tierwise/policy';
import { Column, Entity, PrimaryColumn } from 'typeorm';

export type PolicyVersionStatus = 'draft' | 'published' | 'superseded';

@Entity({ name: 'policy_versions' })
export class PolicyVersionEntity {
  @PrimaryColumn({ name: 'policy_id', type: 'text' })
  policyId!: string;

  @PrimaryColumn({ type: 'integer' })
  version!: number;

  @Column({ type: 'text' })
  status!: PolicyVersionStatus;

  /** The policy document, its `version` equal to this row's version. */
  @Column({ type: 'jsonb' })
  document!: unknown;

  /** policyHash(document); null while a draft may still change. */
  @Column({ type: 'text', nullable: true })
  hash!: string | null;

  @Column({ name: 'lint_findings', type: 'jsonb' })
  lintFindings!: Finding[];

  @Column({ name: 'created_by', type: 'text' })
  createdBy!: string;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'published_at', type: 'timestamptz', nullable: true })
  publishedAt!: Date | null;
}
