import { PolicyLoadError, loadPolicyDocument } from '@tierwise/policy/node';
import type { Finding } from '@tierwise/policy';
import { CliError } from './errors.js';

/** The policy document at a file or folder, or a CliError saying why it cannot be read. */
export async function readPolicy(location: string): Promise<unknown> {
  try {
    return await loadPolicyDocument(location);
  } catch (error) {
    if (error instanceof PolicyLoadError) throw new CliError(`cannot read policy: ${error.message}`);
    // The loader lets file system errors other than "not found" through (EACCES, EISDIR).
    const code = (error as NodeJS.ErrnoException).code;
    if (typeof code === 'string') throw new CliError(`cannot read policy ${location}: ${(error as Error).message}`);
    throw error;
  }
}

/** One finding a line: `error /grading/scorecard/2/max criterion 'growth' awards ...`. */
export function formatFinding(finding: Finding): string {
  return `${finding.severity} ${finding.path || '/'} ${finding.message}`;
}

export function findingSummary(findings: readonly Finding[]): string {
  const errors = findings.filter((finding) => finding.severity === 'error').length;
  const warnings = findings.length - errors;
  if (findings.length === 0) return 'no problems found';
  return `${count(errors, 'error')}, ${count(warnings, 'warning')}`;
}

function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}
