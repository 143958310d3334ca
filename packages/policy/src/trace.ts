import { Engine, type RuleProperties, type RuleResult } from 'json-rules-engine';
import { assembleDecision, recordScore } from './assemble-decision.js';
import { bandCondition } from './compile/band-condition.js';
import type { CompiledPolicy } from './compile/compiled-policy.js';
import type { Scope } from './compile/scope.js';
import type { BreakdownLine, Decision } from './decision.js';
import { TIER_FACT, type TopLevelCondition } from './document.js';
import { pointer } from './finding.js';
import { factReason, NO_RULE_REASON, ruleReason } from './points-reason.js';
import { decidedTier, decideTier, nextStanding, readGradingTime, type Standing } from './downgrade-protection.js';
import { gradingErrors, type EvaluateOptions } from './evaluate.js';
import { applyOverride } from './tier-override.js';
import { prepareScope } from './prepare-scope.js';
import type { RecordError } from './validation/validate-record.js';

/** One fact condition as json-rules-engine evaluated it. */
export interface ConditionTrace {
  /** JSON pointer of the condition in the policy document. */
  path: string;
  fact: string;
  operator: string;
  value: unknown;
  factValue: unknown;
  /** null when json-rules-engine did not need to evaluate it (short-circuit). */
  result: boolean | null;
}

export interface RuleTrace {
  stage: 'scorecard' | 'tier' | 'treatment';
  path: string;
  result: boolean;
  conditions: ConditionTrace[];
}

export type Traced =
  | { ok: true; decision: Decision; trace: RuleTrace[]; standing?: Standing }
  | { ok: false; customerId: string | null; errors: RecordError[] };

interface Stage {
  name: RuleTrace['stage'];
  rules: { path: string[]; conditions: TopLevelCondition }[];
}

/**
 * The detailed path: the same decision as `evaluate`, computed by
 * json-rules-engine itself, with every condition's fact value and outcome. It is
 * the oracle the compiled evaluator is tested against and what a policy
 * editor's "test" shows. A fresh Engine per stage and call: json-rules-engine
 * keeps run state on the Engine, so engines are never shared between runs.
 */
export async function trace(policy: CompiledPolicy, record: unknown, options: EvaluateOptions = {}): Promise<Traced> {
  const prepared = prepareScope(policy, record, options);
  if (!prepared.ok) return prepared;
  const { scope, customerId } = prepared;
  const check = options.tierOverride ? applyOverride(policy, options.tierOverride) : undefined;
  const time = readGradingTime(policy, options);
  if ((check && !check.ok) || !time.ok) return { ok: false, customerId, errors: gradingErrors(check, time) };
  const override = check?.applied;
  const document = policy.document;
  const traces: RuleTrace[] = [];

  let breakdown: BreakdownLine[] | null = null;
  const scorecard = document.grading.scorecard;
  if (scorecard) {
    const passed = await runStage(scorecardStage(policy), scope, traces);
    breakdown = scorecard.map((criterion, i) => {
      const at = (j: number) => passed.has(pointer('grading', 'scorecard', i, 'points', criterionItems(criterion.points), j));
      const source = criterion.points;
      let points: number;
      let reason: string;
      if ('rules' in source) {
        const rule = source.rules.find((_, j) => at(j));
        points = rule?.points ?? source.otherwise ?? 0;
        reason = rule ? ruleReason(rule) : NO_RULE_REASON;
      } else {
        points = 'bands' in source ? (source.bands.find((_, j) => at(j))?.points ?? 0) : (scope[source.fact] as number);
        reason = factReason(source.fact, scope[source.fact]);
      }
      return { criterion: criterion.id, points, max: criterion.max, reason };
    });
    recordScore(scope, breakdown);
  }

  const tiers = document.grading.tiers;
  const tierStage: Stage = {
    name: 'tier',
    rules: tiers.map((tier, i) => ({ path: ['grading', 'tiers', String(i)], conditions: tier.conditions ?? { all: [] } })),
  };
  const tiersPassed = await runStage(tierStage, scope, traces);
  const ruled = tiers.find((_, i) => tiersPassed.has(pointer('grading', 'tiers', i)));
  const outcome = decideTier(policy, ruled, override, time.time);
  scope[TIER_FACT] = decidedTier(outcome)?.id ?? null;

  const treatmentRules = document.treatments ?? [];
  const treatmentStage: Stage = {
    name: 'treatment',
    rules: treatmentRules.map((rule, i) => ({ path: ['treatments', String(i)], conditions: rule.conditions })),
  };
  const treatmentsPassed = await runStage(treatmentStage, scope, traces);
  const fired = policy.treatmentRules
    .map(({ rule }) => rule)
    .filter((rule) => treatmentsPassed.has(pointer('treatments', treatmentRules.indexOf(rule))));

  const decision = assembleDecision(policy, customerId, scope, breakdown, outcome, fired);
  const standing = nextStanding(policy, time.time, outcome);
  return standing ? { ok: true, decision, trace: traces, standing } : { ok: true, decision, trace: traces };
}

function criterionItems(source: object): string {
  return 'rules' in source ? 'rules' : 'bands';
}

function scorecardStage(policy: CompiledPolicy): Stage {
  const rules: Stage['rules'] = [];
  (policy.document.grading.scorecard ?? []).forEach((criterion, i) => {
    const source = criterion.points;
    const base = ['grading', 'scorecard', String(i), 'points'];
    if ('rules' in source) {
      source.rules.forEach((rule, j) => rules.push({ path: [...base, 'rules', String(j)], conditions: rule.conditions }));
    } else if ('bands' in source) {
      source.bands.forEach((band, j) => rules.push({ path: [...base, 'bands', String(j)], conditions: bandCondition(source.fact, band) }));
    }
  });
  return { name: 'scorecard', rules };
}

/** Runs one stage's rules on a fresh Engine; answers the paths of the rules that passed. */
async function runStage(stage: Stage, scope: Scope, traces: RuleTrace[]): Promise<Set<string>> {
  if (stage.rules.length === 0) return new Set();
  const engine = new Engine(
    stage.rules.map((rule): RuleProperties => ({
      name: pointer(...rule.path),
      conditions: rule.conditions,
      event: { type: 'matched' },
    })),
    { allowUndefinedFacts: true },
  );
  const { results, failureResults } = await engine.run({ ...scope });
  const passed = new Set<string>();
  const stageTraces = [...results, ...failureResults].map((result): RuleTrace => {
    if (result.result) passed.add(result.name);
    return { stage: stage.name, path: result.name, result: Boolean(result.result), conditions: conditionTraces(result, result.name) };
  });
  traces.push(...stageTraces.sort((a, b) => a.path.localeCompare(b.path, 'en', { numeric: true })));
  return passed;
}

function conditionTraces(result: RuleResult, rulePath: string): ConditionTrace[] {
  const traces: ConditionTrace[] = [];
  const visit = (node: Record<string, unknown>, path: string) => {
    for (const key of ['all', 'any'] as const) {
      const children = node[key];
      if (Array.isArray(children)) children.forEach((child, i) => visit(child as Record<string, unknown>, `${path}/${key}/${i}`));
    }
    if (node['not']) visit(node['not'] as Record<string, unknown>, `${path}/not`);
    if (typeof node['fact'] === 'string') {
      traces.push({
        path,
        fact: node['fact'],
        operator: String(node['operator']),
        value: node['valueResult'] ?? node['value'],
        factValue: node['factResult'],
        result: typeof node['result'] === 'boolean' ? node['result'] : null,
      });
    }
  };
  visit(result.conditions as unknown as Record<string, unknown>, `${rulePath}/conditions`);
  return traces;
}
