import type { ProtectionHeld } from '@tierwise/policy';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { GradingCause } from '../grading/grading-cause.js';
import type { GradingInputs } from '../grading/grading-inputs.js';

/** One change of a customer's tier. Append-only: the database rejects UPDATE, DELETE and TRUNCATE. */
@Entity({ name: 'tier_history' })
export class TierHistoryEntity {
  // bigserial: pg returns int8 as a string, PGlite as a number; mappers normalise.
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id!: string | number;

  @Column({ name: 'customer_id', type: 'text' })
  customerId!: string;

  @Column({ name: 'previous_tier', type: 'text', nullable: true })
  previousTier!: string | null;

  @Column({ name: 'new_tier', type: 'text', nullable: true })
  newTier!: string | null;

  @Column({ type: 'double precision', nullable: true })
  score!: number | null;

  @Column({ name: 'policy_id', type: 'text' })
  policyId!: string;

  @Column({ name: 'policy_version', type: 'integer' })
  policyVersion!: number;

  @Column({ name: 'policy_hash', type: 'text' })
  policyHash!: string;

  /** The facts the grading saw, so "why was this customer B on that date" can be replayed. */
  @Column({ type: 'jsonb' })
  facts!: Record<string, unknown>;

  @Column({ type: 'text' })
  cause!: GradingCause;

  @Column({ type: 'text' })
  actor!: string;

  @Column({ type: 'timestamptz' })
  at!: Date;

  /** What the evaluation was given besides the facts and the version, to replay it; null on rows written before they were kept. */
  @Column({ type: 'jsonb', nullable: true })
  inputs!: GradingInputs | null;

  /** The decision's protection, when downgrade protection held. */
  @Column({ type: 'jsonb', nullable: true })
  protection!: ProtectionHeld | null;
}
