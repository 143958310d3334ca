import { fileURLToPath } from 'node:url';
import { compilePolicy, type CompiledPolicy } from '../../src/index.js';
import { loadPolicyDocument } from '../../src/node/index.js';

const RULES = fileURLToPath(new URL('../../../../rules/', import.meta.url));

export const SHIPPED_POLICIES = ['default', 'examples/abc-pareto', 'examples/value-matrix', 'examples/downgrade-protection'] as const;

export async function shippedPolicy(name: (typeof SHIPPED_POLICIES)[number]): Promise<CompiledPolicy> {
  return compilePolicy(await loadPolicyDocument(RULES + name));
}

export function rulesPath(name: string): string {
  return RULES + name;
}
