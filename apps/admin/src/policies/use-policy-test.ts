import { useMutation } from '@tanstack/react-query';
import { testVersion } from './policy-api';
import type { PolicyTestInput, PolicyTestResult } from './policy-types';

export type TestOutcome = { version: number; ok: true; result: PolicyTestResult } | { version: number; ok: false; error: unknown };

export interface TestRun {
  /** The version the page shows. */
  subject: TestOutcome;
  /** The same input under the version in force, when the page shows another one. */
  inForce?: TestOutcome;
}

/**
 * Runs the test panel's input against a version and, for comparison, against the version in force:
 * "A under the published version, B under this draft". Each side fails on its own (a draft with new
 * facts may not fit the version in force).
 */
export function usePolicyTest(policyId: string) {
  return useMutation({
    mutationFn: async ({
      version,
      inForce,
      input,
    }: {
      version: number;
      inForce: number | null;
      input: PolicyTestInput;
    }): Promise<TestRun> => {
      const run = (at: number): Promise<TestOutcome> =>
        testVersion(policyId, at, input).then(
          (result): TestOutcome => ({ version: at, ok: true, result }),
          (error: unknown): TestOutcome => ({ version: at, ok: false, error }),
        );
      const compare = inForce !== null && inForce !== version;
      const [subject, inForceOutcome] = await Promise.all([run(version), compare ? run(inForce) : Promise.resolve(undefined)]);
      return inForceOutcome ? { subject, inForce: inForceOutcome } : { subject };
    },
  });
}
