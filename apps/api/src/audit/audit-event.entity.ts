import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** Who did what to which thing. Append-only: the database rejects UPDATE, DELETE and TRUNCATE. */
@Entity({ name: 'audit_events' })
export class AuditEventEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id!: string | number;

  @Column({ type: 'text' })
  actor!: string;

  /** e.g. customer.create, policy.publish */
  @Column({ type: 'text' })
  action!: string;

  /** e.g. customer:C-0001, policy:default@2 */
  @Column({ type: 'text' })
  target!: string;

  @Column({ type: 'jsonb' })
  summary!: Record<string, unknown>;

  @Column({ name: 'request_id', type: 'text', nullable: true })
  requestId!: string | null;

  @Column({ type: 'timestamptz' })
  at!: Date;
}
