import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { StoredTierOverride } from './tier-override.js';

@Entity({ name: 'customers' })
export class CustomerEntity {
  @PrimaryColumn({ type: 'text' })
  id!: string;

  @Column({ type: 'text' })
  name!: string;

  /** The facts as the client sent them; policy defaults are applied at evaluation, not stored. */
  @Column({ type: 'jsonb' })
  facts!: Record<string, unknown>;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;

  /** Incremented on every write; clients send it back in If-Match. */
  @Column({ type: 'integer' })
  version!: number;

  /** E.164, unique when present: how the call centre finds the customer. */
  @Column({ type: 'text', nullable: true })
  phone!: string | null;

  /** A tier set by hand; every grading keeps it until it is cleared. */
  @Column({ name: 'tier_override', type: 'jsonb', nullable: true })
  tierOverride!: StoredTierOverride | null;
}
