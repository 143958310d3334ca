import type { Label } from '@tierwise/policy';
import { Column, Entity, PrimaryColumn } from 'typeorm';

@Entity({ name: 'policies' })
export class PolicyEntity {
  @PrimaryColumn({ type: 'text' })
  id!: string;

  @Column({ type: 'jsonb' })
  name!: Label;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  /** Whether this policy grades the stored customers: exactly one does. */
  @Column({ type: 'boolean' })
  grading!: boolean;

  /** When its scheduled grading runs start: a cron, in UTC. */
  @Column({ name: 'grading_schedule', type: 'text' })
  gradingSchedule!: string;
}
