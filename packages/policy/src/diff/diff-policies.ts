import type { PolicyDocument } from '../document.js';
import { structuralDiff, type PolicyChange } from './structural-diff.js';
import { summarizeChanges } from './summarize-changes.js';

export interface PolicyDiff {
  changes: PolicyChange[];
  summary: string[];
}

/** Compares two versions of a policy; the version number and $schema are not changes. */
export function diffPolicies(before: PolicyDocument, after: PolicyDocument): PolicyDiff {
  const strip = ({ $schema: _schema, version: _version, ...rules }: PolicyDocument) => rules;
  return { changes: structuralDiff(strip(before), strip(after)), summary: summarizeChanges(before, after) };
}

export type { PolicyChange };
