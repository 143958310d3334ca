import { expect } from 'vitest';
import {
  compilePolicy,
  evaluate,
  trace,
  type CompiledPolicy,
  type Decision,
  type EvaluateOptions,
  type PolicyDocument,
} from '../../src/index.js';

// These specs pin the meaning of the policy language itself, so they ask both
// evaluators and require the same answer from each: a mistake in code they share
// (bands, score rounding) is then caught by the expected value, not by comparison.

export async function decide(policy: CompiledPolicy | PolicyDocument, record: unknown, options: EvaluateOptions = {}): Promise<Decision> {
  const compiled = 'grading' in policy ? compilePolicy(policy) : policy;
  const fast = evaluate(compiled, record, options);
  const oracle = await trace(compiled, record, options);
  if (!fast.ok) throw new Error(`evaluate refused the record: ${JSON.stringify(fast.errors)}`);
  if (!oracle.ok) throw new Error(`trace refused the record: ${JSON.stringify(oracle.errors)}`);
  expect(oracle.decision).toEqual(fast.decision);
  return fast.decision;
}
