import { pointer } from '../finding.js';

export interface PolicyChange {
  op: 'added' | 'removed' | 'changed' | 'moved';
  /** JSON pointer: into the newer document, or into the older one for a removal. */
  path: string;
  before?: unknown;
  after?: unknown;
}

/**
 * A structural diff of two JSON documents. Lists of objects with ids (criteria,
 * tiers, treatment rules) are matched by id, not by position, so inserting a
 * rule reads as one addition rather than a shift of everything after it; a
 * change of order within them is reported as a move (tier order matters).
 */
export function structuralDiff(before: unknown, after: unknown, path: (string | number)[] = []): PolicyChange[] {
  if (Object.is(before, after)) return [];
  if (isIdList(before) && isIdList(after)) return diffIdLists(before, after, path);
  if (Array.isArray(before) && Array.isArray(after)) {
    if (!before.every(isPlainValue) || !after.every(isPlainValue)) return diffIndexed(before, after, path);
    return JSON.stringify(before) === JSON.stringify(after) ? [] : [{ op: 'changed', path: pointer(...path), before, after }];
  }
  if (isObject(before) && isObject(after)) {
    const changes: PolicyChange[] = [];
    for (const key of Object.keys(before)) {
      if (!Object.hasOwn(after, key)) changes.push({ op: 'removed', path: pointer(...path, key), before: before[key] });
    }
    for (const key of Object.keys(after)) {
      if (!Object.hasOwn(before, key)) changes.push({ op: 'added', path: pointer(...path, key), after: after[key] });
      else changes.push(...structuralDiff(before[key], after[key], [...path, key]));
    }
    return changes;
  }
  return [{ op: 'changed', path: pointer(...path), before, after }];
}

function diffIdLists(before: Identified[], after: Identified[], path: (string | number)[]): PolicyChange[] {
  const changes: PolicyChange[] = [];
  const afterIds = after.map((item) => item.id);
  before.forEach((item, i) => {
    if (!afterIds.includes(item.id)) changes.push({ op: 'removed', path: pointer(...path, i), before: item });
  });
  const common = afterIds.filter((id) => before.some((item) => item.id === id));
  const commonBefore = before.map((item) => item.id).filter((id) => afterIds.includes(id));
  if (common.join('\u0000') !== commonBefore.join('\u0000')) {
    changes.push({ op: 'moved', path: pointer(...path), before: commonBefore, after: common });
  }
  after.forEach((item, i) => {
    const previous = before.find((candidate) => candidate.id === item.id);
    if (!previous) changes.push({ op: 'added', path: pointer(...path, i), after: item });
    else changes.push(...structuralDiff(previous, item, [...path, i]));
  });
  return changes;
}

function diffIndexed(before: unknown[], after: unknown[], path: (string | number)[]): PolicyChange[] {
  const changes: PolicyChange[] = [];
  for (let i = 0; i < Math.max(before.length, after.length); i++) {
    if (i >= after.length) changes.push({ op: 'removed', path: pointer(...path, i), before: before[i] });
    else if (i >= before.length) changes.push({ op: 'added', path: pointer(...path, i), after: after[i] });
    else changes.push(...structuralDiff(before[i], after[i], [...path, i]));
  }
  return changes;
}

interface Identified {
  id: string;
}

function isIdList(value: unknown): value is Identified[] {
  // An empty list counts: matched by id or by position, it gives the same changes.
  return Array.isArray(value) && value.every((item) => isObject(item) && typeof item['id'] === 'string');
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isPlainValue(value: unknown): boolean {
  return value === null || typeof value !== 'object';
}
