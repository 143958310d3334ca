import type { Finding } from './finding.js';

/** Thrown when a policy with lint errors is asked to evaluate: it never does. */
export class PolicyLintError extends Error {
  constructor(readonly findings: readonly Finding[]) {
    const errors = findings.filter((finding) => finding.severity === 'error');
    super(`the policy has ${errors.length} problem(s); first: ${errors[0]?.path || '/'}: ${errors[0]?.message ?? ''}`);
    this.name = 'PolicyLintError';
  }
}
