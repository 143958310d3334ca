import type { ConditionTrace, RuleTrace } from './policy-types';

// The api traces each rule as a flat list of fact conditions, each located by its JSON pointer
// (`/grading/tiers/0/conditions/all/1/any/0`). The test panel shows them nested again, the way
// the rule is written: all / any / not groups with their conditions inside.

export type GroupOperator = 'all' | 'any' | 'not';

export interface TraceGroup {
  kind: 'group';
  operator: GroupOperator;
  path: string;
  /** Derived from the children: null where json-rules-engine left a child unevaluated. */
  result: boolean | null;
  children: TraceNode[];
}

export interface TraceCondition {
  kind: 'condition';
  condition: ConditionTrace;
}

export type TraceNode = TraceGroup | TraceCondition;

/** The rule's top-level group (all, any or not); null for a rule with no fact condition at all. */
export function traceTree(rule: RuleTrace): TraceGroup | null {
  const base = `${rule.path}/conditions`;
  const groups = new Map<string, TraceGroup>();
  let root: TraceGroup | null = null;

  const groupAt = (parent: TraceGroup | null, path: string, operator: GroupOperator): TraceGroup => {
    const existing = groups.get(path);
    if (existing) return existing;
    const group: TraceGroup = { kind: 'group', operator, path, result: null, children: [] };
    groups.set(path, group);
    if (parent) parent.children.push(group);
    else root ??= group;
    return group;
  };

  for (const condition of rule.conditions) {
    if (!condition.path.startsWith(base)) continue;
    const segments = condition.path.slice(base.length).split('/').filter(Boolean);
    let path = base;
    let group: TraceGroup | null = null;
    for (let i = 0; i < segments.length;) {
      const operator = segments[i];
      if (operator === 'all' || operator === 'any') {
        group = groupAt(group, `${path}/${operator}`, operator);
        path = `${path}/${operator}/${segments[i + 1] ?? ''}`;
        i += 2;
      } else if (operator === 'not') {
        group = groupAt(group, `${path}/not`, 'not');
        path = `${path}/not`;
        i += 1;
      } else {
        break; // a segment this language does not write: keep the condition where it is
      }
    }
    (group ?? groupAt(null, `${base}/all`, 'all')).children.push({ kind: 'condition', condition });
  }
  if (root) settle(root);
  return root;
}

function resultOf(node: TraceNode): boolean | null {
  return node.kind === 'condition' ? node.condition.result : node.result;
}

function settle(group: TraceGroup): void {
  for (const child of group.children) if (child.kind === 'group') settle(child);
  const results = group.children.map(resultOf);
  if (group.operator === 'not') {
    const inner = results[0];
    group.result = inner === null || inner === undefined ? null : !inner;
  } else if (group.operator === 'all') {
    group.result = results.includes(false) ? false : results.every((result) => result === true) ? true : null;
  } else {
    group.result = results.includes(true) ? true : results.every((result) => result === false) ? false : null;
  }
}
