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
}
