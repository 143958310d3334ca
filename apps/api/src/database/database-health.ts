import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { MIGRATIONS_TABLE } from './data-source-options.js';

export type DatabaseStatus = { ok: true; pendingMigrations: [] } | { ok: false; reason: string; pendingMigrations: string[] };

const PROBE_TIMEOUT_MS = 2000;

@Injectable()
export class DatabaseHealth {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Whether the database answers and every migration this build ships has run. */
  async check(): Promise<DatabaseStatus> {
    try {
      const rows = await withTimeout(this.dataSource.query<{ name: string }[]>(`SELECT name FROM ${MIGRATIONS_TABLE}`), PROBE_TIMEOUT_MS);
      const applied = new Set(rows.map((row) => row.name));
      const pending = this.dataSource.migrations.map((migration) => migration.name ?? migration.constructor.name);
      const missing = pending.filter((name) => !applied.has(name));
      if (missing.length > 0) return { ok: false, reason: `${missing.length} migration(s) not applied`, pendingMigrations: missing };
      return { ok: true, pendingMigrations: [] };
    } catch (error) {
      return { ok: false, reason: `the database does not answer: ${(error as Error).message}`, pendingMigrations: [] };
    }
  }
}

function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}
