import type { FactCatalogue } from '../catalogue.js';
import type { TreatmentRule } from '../document.js';
import { warningAt, type Finding } from '../finding.js';
import { lintCondition } from './condition-lint.js';

export function lintTreatments(rules: readonly TreatmentRule[], facts: FactCatalogue): Finding[] {
  const knownTypes = new Set(rules.flatMap((rule) => rule.treatments.map((treatment) => treatment.type)));
  return rules.flatMap((rule, i) => {
    const path = ['treatments', String(i)];
    const findings = lintCondition(rule.conditions, facts, [...path, 'conditions']);
    (rule.suppress ?? []).forEach((type, j) => {
      if (type !== '*' && !knownTypes.has(type)) {
        findings.push(
          warningAt(
            'unknown-treatment-type',
            [...path, 'suppress', String(j)],
            `rule '${rule.id}' suppresses '${type}', which no rule gives; known types: ${[...knownTypes].join(', ')}`,
          ),
        );
      }
    });
    return findings;
  });
}
