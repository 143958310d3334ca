import { hasErrors, lintPolicy, policyHash, type Finding, type PolicyDocument } from '@tierwise/policy';
import { loadPolicyDocument } from '@tierwise/policy/node';
import { isPlainObject } from '../common/request-shape.js';

export interface SeedPolicy {
  document: PolicyDocument;
  hash: string;
  /** Warnings only; a seed with lint errors never loads. */
  findings: Finding[];
}

/**
 * Reads the shipped policy as version `version` of `policyId`. A policy that
 * fails lint stops the boot, with every error listed: the server must never
 * grade with rules nobody can trust.
 */
export async function loadSeedPolicy(location: string, policyId: string, version: number): Promise<SeedPolicy> {
  const loaded = await loadPolicyDocument(location);
  if (!isPlainObject(loaded)) throw new Error(`the seed policy at ${location} is not a JSON object`);
  const candidate = { ...loaded, version };
  const findings = lintPolicy(candidate);
  if (hasErrors(findings)) {
    const lines = findings.filter((finding) => finding.severity === 'error').map((finding) => `${finding.path || '/'}: ${finding.message}`);
    throw new Error(`the seed policy at ${location} has lint errors:\n  ${lines.join('\n  ')}`);
  }
  const document = candidate as unknown as PolicyDocument;
  if (document.id !== policyId) {
    throw new Error(`the seed policy at ${location} has id '${document.id}'; the first policy must be '${policyId}'`);
  }
  return { document, hash: policyHash(document), findings };
}
