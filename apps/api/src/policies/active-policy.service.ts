import { Injectable } from '@nestjs/common';
import { PolicyLintError, type CompiledPolicy } from '@tierwise/policy';
import { DomainException } from '../common/domain.exception.js';
import { ErrorCode } from '../common/error-code.js';
import { CompiledPolicyCache } from './compiled-policy.cache.js';
import { ACTIVE_POLICY_ID } from './policy-ids.js';
import type { PolicyInForce } from './policy-in-force.js';
import type { PolicyVersionEntity } from './policy-version.entity.js';
import { PolicyVersionRepository } from './policy-version.repository.js';
import { noActivePolicy, policyVersionNotFound } from './policy.exception.js';

@Injectable()
export class ActivePolicyService {
  constructor(
    private readonly versions: PolicyVersionRepository,
    private readonly cache: CompiledPolicyCache,
  ) {}

  /**
   * The version in force of the policy that grades the customers, compiled.
   * Which policy grades and which version is published are read every time
   * (another instance may have switched or published since), a document only once.
   */
  async active(): Promise<PolicyInForce> {
    const ref = await this.versions.findGradingRef();
    if (!ref) throw noActivePolicy((await this.versions.findGradingPolicy())?.id ?? ACTIVE_POLICY_ID);
    const cached = this.cache.get(ref.policyId, ref.version);
    if (cached) return { ...ref, compiled: cached };
    return this.versionOf(ref.policyId, ref.version);
  }

  /** Any stored version of the grading policy, drafts included (what-if evaluation). */
  async version(version: number): Promise<PolicyInForce> {
    return this.versionOf((await this.versions.findGradingPolicy())?.id ?? ACTIVE_POLICY_ID, version);
  }

  /** Any stored version of any policy, compiled (a released one once per process). */
  async versionOf(policyId: string, version: number): Promise<PolicyInForce> {
    const cached = this.cache.get(policyId, version);
    if (cached) return { policyId, version, hash: cached.ref.hash, compiled: cached };
    const row = await this.versions.findVersion(policyId, version);
    if (!row) throw policyVersionNotFound(policyId, version);
    const compiled = compileOrExplain(this.cache, row);
    return { policyId: row.policyId, version: row.version, hash: row.hash, compiled };
  }
}

// Only a draft can fail lint (publication requires a clean lint); say what is wrong with it.
function compileOrExplain(cache: CompiledPolicyCache, row: PolicyVersionEntity): CompiledPolicy {
  try {
    return cache.compile(row.policyId, row.version, row.document, row.hash);
  } catch (error) {
    if (!(error instanceof PolicyLintError)) throw error;
    const errors = error.findings
      .filter((finding) => finding.severity === 'error')
      .map((finding) => ({ path: finding.path, message: finding.message }));
    throw new DomainException(
      ErrorCode.PolicyNotEvaluable,
      `policy '${row.policyId}' v${row.version} has ${errors.length} lint error(s) and cannot evaluate`,
      errors,
    );
  }
}
