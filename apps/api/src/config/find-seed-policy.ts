import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const SEED_POLICY = join('rules', 'default');

/**
 * The shipped policy, found by walking up from this file, so the same lookup
 * works from src/ under vitest, from dist/ under `npm start`, and from any
 * working directory.
 */
export function findSeedPolicy(from: string = dirname(fileURLToPath(import.meta.url))): string | undefined {
  let directory = resolve(from);
  for (;;) {
    const candidate = join(directory, SEED_POLICY);
    if (existsSync(join(candidate, 'policy.json'))) return candidate;
    const parent = dirname(directory);
    if (parent === directory) return undefined;
    directory = parent;
  }
}
