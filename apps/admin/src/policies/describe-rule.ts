import type { PolicyDocument } from './policy-types';

// What a traced rule is, for a person: the trace names rules by JSON pointer
// (/grading/tiers/0, /grading/scorecard/2/points/bands/1, /treatments/3).

export type RuleSubject =
  | { kind: 'tier'; tier: string }
  | { kind: 'band'; criterion: string; band: number; points: number | undefined }
  | { kind: 'points-rule'; criterion: string; rule: string; points: number | undefined }
  | { kind: 'treatment'; rule: string }
  | { kind: 'unknown'; path: string };

export function describeRule(path: string, document: Partial<PolicyDocument> | undefined): RuleSubject {
  const segments = path.split('/').slice(1);
  const index = (at: number) => Number(segments[at]);
  if (segments[0] === 'grading' && segments[1] === 'tiers') {
    const tier = document?.grading?.tiers?.[index(2)];
    if (tier) return { kind: 'tier', tier: tier.id };
  }
  if (segments[0] === 'grading' && segments[1] === 'scorecard' && segments[3] === 'points') {
    const criterion = document?.grading?.scorecard?.[index(2)];
    const source = criterion?.points;
    if (criterion && source && segments[4] === 'bands' && 'bands' in source) {
      return { kind: 'band', criterion: criterion.id, band: index(5) + 1, points: source.bands[index(5)]?.points };
    }
    if (criterion && source && segments[4] === 'rules' && 'rules' in source) {
      const rule = source.rules[index(5)];
      if (rule) return { kind: 'points-rule', criterion: criterion.id, rule: rule.id, points: rule.points };
    }
  }
  if (segments[0] === 'treatments') {
    const rule = document?.treatments?.[index(1)];
    if (rule) return { kind: 'treatment', rule: rule.id };
  }
  return { kind: 'unknown', path };
}
