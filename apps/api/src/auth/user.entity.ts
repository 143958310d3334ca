import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { Role } from './role.js';

/** A console user. The password is kept only as an scrypt hash (password-hasher.ts). */
@Entity({ name: 'users' })
export class UserEntity {
  @PrimaryColumn({ type: 'text' })
  username!: string;

  @Column({ name: 'password_hash', type: 'text' })
  passwordHash!: string;

  @Column({ type: 'text' })
  role!: Role;

  @Column({ type: 'boolean' })
  disabled!: boolean;

  @Column({ name: 'password_changed_at', type: 'timestamptz' })
  passwordChangedAt!: Date;

  /** Moved on by disabling and by a password change: tokens issued under an older epoch are refused (authenticator.ts). */
  @Column({ name: 'session_epoch', type: 'integer' })
  sessionEpoch!: number;

  /** Part of the sign-in throttle's keys: moved on by a password change or an admin's unlock, which lifts every lock. */
  @Column({ name: 'sign_in_generation', type: 'integer' })
  signInGeneration!: number;

  @Column({ name: 'created_by', type: 'text' })
  createdBy!: string;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
