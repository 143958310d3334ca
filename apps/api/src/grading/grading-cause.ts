// Why a customer was (re)graded; the database checks the same list.
export type GradingCause = 'policy-publish' | 'fact-change' | 'manual-override' | 'regrade';
