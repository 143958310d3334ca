import { Injectable } from '@nestjs/common';
import { compilePolicy, type CompiledPolicy } from '@tierwise/policy';

/**
 * Compiled policies by policy id and version. A released version never changes
 * (its hash is pinned), so it is compiled once per process; drafts may still
 * change and are compiled on every use.
 */
@Injectable()
export class CompiledPolicyCache {
  private readonly compiled = new Map<string, CompiledPolicy>();

  get(policyId: string, version: number): CompiledPolicy | undefined {
    return this.compiled.get(key(policyId, version));
  }

  /** Compiles `document`; caches it when `pinnedHash` is given and checks the document still has that hash. */
  compile(policyId: string, version: number, document: unknown, pinnedHash: string | null): CompiledPolicy {
    const cached = this.get(policyId, version);
    if (cached) return cached;
    const policy = compilePolicy(document);
    if (pinnedHash === null) return policy;
    // A stored document that no longer matches its hash has been altered outside the app.
    if (policy.ref.hash !== pinnedHash) {
      throw new Error(`policy ${policyId} v${version} hashes to ${policy.ref.hash}, but ${pinnedHash} was recorded at publication`);
    }
    this.compiled.set(key(policyId, version), policy);
    return policy;
  }
}

function key(policyId: string, version: number): string {
  return `${policyId}@${version}`;
}
