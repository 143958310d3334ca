import { recordCatalogue, withScore, withTier } from '../catalogue.js';
import type { PolicyDocument } from '../document.js';
import type { Finding } from '../finding.js';
import { checkSchema } from '../schema.js';
import { scoreRange } from '../score-range.js';
import { lintDowngradeProtection } from './downgrade-protection-lint.js';
import { lintDuplicateIds } from './duplicate-id-lint.js';
import { lintFactCatalogue } from './fact-catalogue-lint.js';
import { lintScorecard } from './scorecard-lint.js';
import { lintTiers } from './tier-lint.js';
import { lintTreatments } from './treatment-lint.js';

/**
 * Every problem in a policy document: first its shape (JSON Schema), then, when
 * the shape is right, its meaning. Errors block evaluation; warnings do not.
 */
export function lintPolicy(input: unknown): Finding[] {
  const schemaFindings = checkSchema(input);
  if (schemaFindings.length > 0) return schemaFindings;
  const document = input as PolicyDocument;
  const facts = recordCatalogue(document);
  const scorecard = document.grading.scorecard;
  const range = scorecard ? scoreRange(scorecard, facts) : undefined;
  const tierFacts =
    range && scorecard
      ? withScore(
          facts,
          range,
          scorecard.map((criterion) => criterion.id),
        )
      : facts;
  const treatmentFacts = withTier(
    tierFacts,
    document.grading.tiers.map((tier) => tier.id),
  );
  return [
    ...lintDuplicateIds(document),
    ...lintFactCatalogue(document, facts),
    ...(scorecard ? lintScorecard(scorecard, facts) : []),
    ...lintTiers(document.grading.tiers, tierFacts, range),
    ...(document.grading.downgradeProtection ? lintDowngradeProtection(document.grading.downgradeProtection, document.grading.tiers) : []),
    ...lintTreatments(document.treatments ?? [], treatmentFacts),
  ];
}
