import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import type { Decision } from '@tierwise/policy';
import type { Logger } from 'pino';
import type { EntityManager } from 'typeorm';
import { AuditRepository } from '../audit/audit.repository.js';
import { SYSTEM_ACTOR } from '../common/actor.js';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { CustomersRepository } from '../customers/customers.repository.js';
import { TransactionRunner } from '../database/transaction-runner.js';
import { GradingService } from '../grading/grading.service.js';
import { LOGGER } from '../logging/logger.token.js';
import { CompiledPolicyCache } from '../policies/compiled-policy.cache.js';
import { ACTIVE_POLICY_ID } from '../policies/policy-ids.js';
import type { PolicyInForce } from '../policies/policy-in-force.js';
import { PolicyVersionRepository } from '../policies/policy-version.repository.js';
import { demoPopulation } from './demo-population.js';
import { gradePopulation } from './grade-population.js';
import { loadSeedPolicy } from './seed-policy.js';

// Any fixed key: it only has to be the same for every instance of this app.
const BOOTSTRAP_LOCK = 7_357_001;

/**
 * First start on an empty database: publishes the shipped policy as version 1
 * of `default` and grades a demo population with it, all in one transaction.
 * Later starts find a policy and do nothing.
 */
@Injectable()
export class BootstrapService implements OnModuleInit {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(LOGGER) private readonly logger: Logger,
    private readonly transactions: TransactionRunner,
    private readonly policies: PolicyVersionRepository,
    private readonly compiledPolicies: CompiledPolicyCache,
    private readonly customers: CustomersRepository,
    private readonly grading: GradingService,
    private readonly audit: AuditRepository,
  ) {}

  // At module init, before any application-bootstrap hook: those (the grading sweep registering the
  // grading policy's schedule, the decision listener) then find the first start's policy there.
  async onModuleInit(): Promise<void> {
    const started = Date.now();
    const outcome = await this.transactions.run(async (manager) => {
      // Two instances starting on one empty database: one seeds, the other waits, then finds it done.
      await manager.query('SELECT pg_advisory_xact_lock($1)', [BOOTSTRAP_LOCK]);
      if ((await this.policies.countPolicies(manager)) > 0) return undefined;
      const policy = await this.publishSeedPolicy(manager);
      const tiers = await this.seedDemoCustomers(manager, policy);
      return { policy, tiers };
    });
    if (outcome) {
      this.logger.info(
        {
          policy: `${outcome.policy.policyId}@${outcome.policy.version}`,
          hash: outcome.policy.hash,
          tiers: outcome.tiers,
          ms: Date.now() - started,
        },
        'first start: published the seed policy and graded the demo population',
      );
    }
  }

  private async publishSeedPolicy(manager: EntityManager): Promise<PolicyInForce> {
    const version = 1;
    const seed = await loadSeedPolicy(this.config.seedPolicyPath, ACTIVE_POLICY_ID, version);
    await this.policies.insertPolicy(manager, { id: ACTIVE_POLICY_ID, name: seed.document.name, grading: true });
    await this.policies.insertVersion(manager, {
      policyId: ACTIVE_POLICY_ID,
      version,
      status: 'published',
      document: seed.document,
      hash: seed.hash,
      lintFindings: seed.findings,
      createdBy: SYSTEM_ACTOR,
      publishedAt: new Date(),
    });
    await this.audit.append(manager, {
      actor: SYSTEM_ACTOR,
      action: 'policy.publish',
      target: `policy:${ACTIVE_POLICY_ID}@${version}`,
      summary: { hash: seed.hash, source: this.config.seedPolicyPath, warnings: seed.findings.length },
      requestId: null,
    });
    const compiled = this.compiledPolicies.compile(ACTIVE_POLICY_ID, version, seed.document, seed.hash);
    return { policyId: ACTIVE_POLICY_ID, version, hash: seed.hash, compiled };
  }

  /** Returns how many demo customers landed in each tier. */
  private async seedDemoCustomers(manager: EntityManager, policy: PolicyInForce): Promise<Record<string, number>> {
    if (this.config.demoCustomers === 0) return {};
    const customers = demoPopulation(this.config.demoCustomers);
    const graded = gradePopulation(policy, customers);
    if (!graded.ok) {
      // A custom seed policy with other facts: serve it, just without demo data.
      this.logger.warn({ customerId: graded.customerId, errors: graded.errors }, 'demo customers do not fit the seed policy; none created');
      return {};
    }
    await this.customers.insertMany(manager, customers);
    await this.grading.recordFirst(
      manager,
      customers.map((customer, index) => ({
        customerId: customer.id,
        facts: customer.facts,
        decision: graded.decisions[index]!,
        ...(graded.populationFacts[index] ? { populationFacts: graded.populationFacts[index] } : {}),
        policy,
        cause: 'policy-publish' as const,
        actor: SYSTEM_ACTOR,
      })),
    );
    const tiers = countTiers(graded.decisions);
    await this.audit.append(manager, {
      actor: SYSTEM_ACTOR,
      action: 'customers.seed-demo',
      target: `policy:${policy.policyId}@${policy.version}`,
      summary: { customers: customers.length, tiers },
      requestId: null,
    });
    return tiers;
  }
}

function countTiers(decisions: readonly Decision[]): Record<string, number> {
  const tiers: Record<string, number> = {};
  for (const decision of decisions) {
    const tier = decision.tier ?? 'none';
    tiers[tier] = (tiers[tier] ?? 0) + 1;
  }
  return tiers;
}
