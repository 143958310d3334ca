import type {
  Condition,
  Criterion,
  DowngradeProtection,
  FactCondition,
  PolicyDocument,
  Tier,
  TopLevelCondition,
  TreatmentRule,
} from '../document.js';

/**
 * What changed between two versions of a policy, in lines a business user
 * reads: "tier A threshold 75 -> 80", "new treatment rule 'fee for dormant
 * accounts'". The structural diff carries the detail; this carries the meaning.
 */
export function summarizeChanges(before: PolicyDocument, after: PolicyDocument): string[] {
  const lines: string[] = [];
  if (before.name.en !== after.name.en) lines.push(`policy renamed '${before.name.en}' -> '${after.name.en}'`);
  lines.push(...factChanges(before, after));
  lines.push(...keyedChanges(before.population ?? {}, after.population ?? {}, 'population fact'));
  lines.push(...criterionChanges(before.grading.scorecard ?? [], after.grading.scorecard ?? []));
  lines.push(...tierChanges(before.grading.tiers, after.grading.tiers));
  lines.push(...protectionChanges(before.grading.downgradeProtection, after.grading.downgradeProtection));
  lines.push(...treatmentChanges(before.treatments ?? [], after.treatments ?? []));
  return lines;
}

function factChanges(before: PolicyDocument, after: PolicyDocument): string[] {
  const lines: string[] = [];
  for (const [name, fact] of Object.entries(after.facts)) {
    // Own keys only: a new fact named 'constructor' must not find Object's constructor.
    const old = Object.hasOwn(before.facts, name) ? before.facts[name] : undefined;
    if (!old) {
      lines.push(`new fact '${name}' (${fact.label.en}, ${fact.type}${fact.required ? ', required' : ''})`);
      continue;
    }
    for (const key of ['type', 'min', 'max', 'default', 'required'] as const) {
      if (old[key] !== fact[key]) lines.push(`fact '${name}' ${key} ${show(old[key])} -> ${show(fact[key])}`);
    }
    const added = (fact.enum ?? []).filter((value) => !old.enum?.includes(value));
    const removed = (old.enum ?? []).filter((value) => !fact.enum?.includes(value));
    if (added.length > 0) lines.push(`fact '${name}' now allows ${added.join(', ')}`);
    if (removed.length > 0) lines.push(`fact '${name}' no longer allows ${removed.join(', ')}`);
  }
  for (const name of Object.keys(before.facts)) if (!Object.hasOwn(after.facts, name)) lines.push(`fact '${name}' removed`);
  return lines;
}

function keyedChanges(before: Record<string, unknown>, after: Record<string, unknown>, noun: string): string[] {
  const lines: string[] = [];
  for (const name of Object.keys(after)) {
    if (!Object.hasOwn(before, name)) lines.push(`new ${noun} '${name}'`);
    else if (JSON.stringify(before[name]) !== JSON.stringify(after[name])) lines.push(`${noun} '${name}' changed`);
  }
  for (const name of Object.keys(before)) if (!Object.hasOwn(after, name)) lines.push(`${noun} '${name}' removed`);
  return lines;
}

function criterionChanges(before: readonly Criterion[], after: readonly Criterion[]): string[] {
  return matchById(before, after, {
    added: (criterion) => [`new criterion '${criterion.label.en}' (up to ${criterion.max} points)`],
    removed: (criterion) => [`criterion '${criterion.label.en}' removed`],
    changed: (old, criterion) => {
      const name = `criterion '${criterion.id}'`;
      const lines = old.max !== criterion.max ? [`${name} maximum ${old.max} -> ${criterion.max}`] : [];
      if (JSON.stringify(old.points) === JSON.stringify(criterion.points)) return lines;
      const valuePoints = (c: Criterion) =>
        'bands' in c.points
          ? c.points.bands.flatMap((band) => ('values' in band ? band.values.map((v) => [String(v), band.points] as const) : []))
          : [];
      const oldPoints = new Map(valuePoints(old));
      const changedValues = valuePoints(criterion).filter(([value, points]) => oldPoints.has(value) && oldPoints.get(value) !== points);
      if (changedValues.length > 0 && oldPoints.size === valuePoints(criterion).length) {
        return lines.concat(changedValues.map(([value, points]) => `${name}: ${value} ${oldPoints.get(value)} -> ${points} points`));
      }
      return lines.concat(`${name}: how points are awarded changed`);
    },
  });
}

function tierChanges(before: readonly Tier[], after: readonly Tier[]): string[] {
  const lines = matchById(before, after, {
    added: (tier) => [`new tier ${tier.id} (${tier.label.en})`],
    removed: (tier) => [`tier ${tier.id} (${tier.label.en}) removed`],
    changed: (old, tier) => {
      const lines = old.label.en !== tier.label.en ? [`tier ${tier.id} renamed '${old.label.en}' -> '${tier.label.en}'`] : [];
      const threshold = (t: Tier) => singleScoreThreshold(t.conditions);
      const [from, to] = [threshold(old), threshold(tier)];
      if (from && to && from.operator === to.operator) {
        return from.value === to.value ? lines : lines.concat(`tier ${tier.id} threshold ${show(from.value)} -> ${show(to.value)}`);
      }
      return lines.concat(conditionChanges(`tier ${tier.id}`, old.conditions, tier.conditions));
    },
  });
  const order = (tiers: readonly Tier[], ids: Set<string>) => tiers.map((t) => t.id).filter((id) => ids.has(id));
  const common = new Set(after.map((t) => t.id).filter((id) => before.some((t) => t.id === id)));
  if (order(before, common).join() !== order(after, common).join()) {
    lines.push(`tier order ${before.map((t) => t.id).join(', ')} -> ${after.map((t) => t.id).join(', ')}`);
  }
  return lines;
}

function protectionChanges(before: DowngradeProtection | undefined, after: DowngradeProtection | undefined): string[] {
  if (!before && !after) return [];
  if (!before) return [`downgrade protection added: ${describeProtection(after!)}`];
  if (!after) return ['downgrade protection removed: customers fall as soon as the rules give a lower tier'];
  return (['gradings', 'days', 'minimumDaysInTier', 'ranking'] as const).flatMap((key) =>
    JSON.stringify(before[key]) === JSON.stringify(after[key])
      ? []
      : [`downgrade protection ${key} ${show(before[key])} -> ${show(after[key])}`],
  );
}

function describeProtection({ gradings, days, minimumDaysInTier, ranking }: DowngradeProtection): string {
  const limits = [gradings !== undefined && `${gradings} gradings`, days !== undefined && `${days} days`].filter(Boolean).join(' or ');
  const minimum = minimumDaysInTier ? `, after at least ${minimumDaysInTier} days in it` : '';
  const ranked = ranking ? `; tiers rank ${ranking.join(', ')}` : '';
  return `a customer falls one tier after ${limits} below its tier${minimum}${ranked}`;
}

function treatmentChanges(before: readonly TreatmentRule[], after: readonly TreatmentRule[]): string[] {
  return matchById(before, after, {
    added: (rule) => [`new treatment rule '${rule.label.en}'`],
    removed: (rule) => [`treatment rule '${rule.label.en}' removed`],
    changed: (old, rule) => {
      const name = `treatment rule '${rule.label.en}'`;
      const lines: string[] = [];
      if (old.priority !== rule.priority) lines.push(`${name} priority ${old.priority} -> ${rule.priority}`);
      for (const treatment of rule.treatments) {
        const previous = old.treatments.find((t) => t.type === treatment.type);
        if (!previous) {
          lines.push(`${name} now gives ${treatment.type}`);
          continue;
        }
        for (const key of new Set([...Object.keys(previous.params), ...Object.keys(treatment.params)])) {
          const [a, b] = [previous.params[key], treatment.params[key]];
          if (JSON.stringify(a) !== JSON.stringify(b)) lines.push(`${name}: ${treatment.type} ${key} ${show(a)} -> ${show(b)}`);
        }
      }
      for (const treatment of old.treatments) {
        if (!rule.treatments.some((t) => t.type === treatment.type)) lines.push(`${name} no longer gives ${treatment.type}`);
      }
      if (JSON.stringify(old.suppress ?? []) !== JSON.stringify(rule.suppress ?? [])) {
        lines.push(
          `${name} suppresses ${(rule.suppress ?? []).join(', ') || 'nothing'} (was ${(old.suppress ?? []).join(', ') || 'nothing'})`,
        );
      }
      if (old.explanation !== rule.explanation) lines.push(`${name}: agent explanation now "${rule.explanation}"`);
      return lines.concat(conditionChanges(name, old.conditions, rule.conditions));
    },
  });
}

/** Same shape, other values: "balance < 5000 -> 10000"; anything else: "conditions changed". */
function conditionChanges(subject: string, before: TopLevelCondition | undefined, after: TopLevelCondition | undefined): string[] {
  // The shape is everything but the values: groups, facts, operators and paths, in order.
  const shapeOf = (condition: TopLevelCondition | undefined) =>
    JSON.stringify(condition, (key, value: unknown) => (key === 'value' ? undefined : value));
  if (shapeOf(before) !== shapeOf(after)) return [`${subject}: conditions changed`];
  const now = leaves(after);
  return leaves(before).flatMap((leaf, i) => {
    const next = now[i]!;
    if (JSON.stringify(leaf.value) === JSON.stringify(next.value)) return [];
    return [`${subject}: ${leaf.fact} ${leaf.operator} ${show(leaf.value)} -> ${show(next.value)}`];
  });
}

function leaves(condition: Condition | undefined): FactCondition[] {
  if (!condition) return [];
  if ('all' in condition) return condition.all.flatMap(leaves);
  if ('any' in condition) return condition.any.flatMap(leaves);
  if ('not' in condition) return leaves(condition.not);
  return [condition];
}

function singleScoreThreshold(condition: TopLevelCondition | undefined): FactCondition | undefined {
  const all = leaves(condition);
  return all.length === 1 && all[0]!.fact === 'score' && typeof all[0]!.value === 'number' ? all[0] : undefined;
}

function matchById<T extends { id: string }>(
  before: readonly T[],
  after: readonly T[],
  describe: { added(item: T): string[]; removed(item: T): string[]; changed(old: T, item: T): string[] },
): string[] {
  const lines: string[] = [];
  for (const item of after) {
    const old = before.find((candidate) => candidate.id === item.id);
    lines.push(...(old ? describe.changed(old, item) : describe.added(item)));
  }
  for (const old of before) if (!after.some((item) => item.id === old.id)) lines.push(...describe.removed(old));
  return lines;
}

function show(value: unknown): string {
  if (value === undefined) return 'none';
  if (Array.isArray(value)) return value.join(', ');
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value) ?? 'none';
}
