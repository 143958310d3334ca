// @tierwise/policy: the policy language. Pure TypeScript, no server, no database.

export type * from './document.js';
export { OPERATORS, SCORE_FACT, TIER_FACT } from './document.js';
export type { Decision, BreakdownLine, PolicyRef, ProtectionHeld, ProtectionCount } from './decision.js';
export type { Finding, FindingCode } from './finding.js';
export { hasErrors } from './finding.js';
export { lintPolicy } from './lint/lint-policy.js';
export { checkSchema, policySchema } from './schema.js';
export { compilePolicy } from './compile/compile-policy.js';
export type { CompiledPolicy } from './compile/compiled-policy.js';
export { PolicyLintError } from './policy-error.js';
export { evaluate, type Evaluation, type EvaluateOptions } from './evaluate.js';
export type { TierOverride } from './tier-override.js';
export type { Standing } from './downgrade-protection.js';
export { trace, type Traced, type RuleTrace, type ConditionTrace } from './trace.js';
export { Population, PopulationCollector } from './population.js';
export { validateRecord, type RecordError, type RecordCheck, type NormalizedFacts } from './validation/validate-record.js';
export { policyHash } from './hash.js';
export type { FactCatalogue, CatalogueFact } from './catalogue.js';
export { diffPolicies, type PolicyDiff, type PolicyChange } from './diff/diff-policies.js';
export { coerceCell, type CellValue } from './records/coerce-cell.js';
