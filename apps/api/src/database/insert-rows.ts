import type { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';
import { chunks } from './chunks.js';

/**
 * Plain INSERTs of whole rows, chunked. TypeORM's QueryDeepPartialEntity cannot
 * follow `unknown` inside jsonb columns (facts, decisions), so the one type
 * assertion for that lives here rather than at every call.
 */
export async function insertRows<T extends ObjectLiteral>(
  manager: EntityManager,
  entity: EntityTarget<T>,
  rows: readonly Partial<T>[],
): Promise<void> {
  for (const chunk of chunks(rows)) {
    if (chunk.length > 0) await manager.getRepository(entity).insert(chunk);
  }
}
