import { lintPolicy, type Finding } from '@tierwise/policy';
import { useEffect, useState } from 'react';

const LINT_DELAY_MS = 300;

/** lintPolicy on the draft, in the browser, once the user pauses typing. */
export function useDebouncedLint(document: unknown): Finding[] {
  const [findings, setFindings] = useState<Finding[]>(() => lintPolicy(document));
  useEffect(() => {
    const timer = setTimeout(() => setFindings(lintPolicy(document)), LINT_DELAY_MS);
    return () => clearTimeout(timer);
  }, [document]);
  return findings;
}
