import type { Decision, Standing } from '@tierwise/policy';
import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { GradingCause } from '../grading/grading-cause.js';

/** A customer's current decision, stored whole so reading it never evaluates rules. */
@Entity({ name: 'tier_assignments' })
export class TierAssignmentEntity {
  @PrimaryColumn({ name: 'customer_id', type: 'text' })
  customerId!: string;

  // json, not jsonb: the text keeps the decision's key order (see migration 1796100000000).
  @Column({ type: 'json' })
  decision!: Decision;

  @Column({ type: 'text', nullable: true })
  tier!: string | null;

  @Column({ type: 'double precision', nullable: true })
  score!: number | null;

  @Column({ name: 'policy_id', type: 'text' })
  policyId!: string;

  @Column({ name: 'policy_version', type: 'integer' })
  policyVersion!: number;

  @Column({ name: 'policy_hash', type: 'text' })
  policyHash!: string;

  @Column({ type: 'text' })
  cause!: GradingCause;

  @Column({ name: 'graded_at', type: 'timestamptz' })
  gradedAt!: Date;

  /** Where the customer stands after this grading (downgrade protection reads it at the next); null before migration 1797400000000. */
  @Column({ type: 'jsonb', nullable: true })
  standing!: Standing | null;
}
