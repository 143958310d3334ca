// The decision: a contract. The CLI prints it, the API stores and returns it
// unchanged, the console shows it.

export interface BreakdownLine {
  criterion: string;
  points: number;
  max: number;
  reason: string;
}

export interface PolicyRef {
  id: string;
  version: number | null;
  /** "sha256:" + hex of the policy's canonical JSON (RFC 8785), version number excluded. */
  hash: string;
}

/** A count against the policy's limit: 1 of 2 gradings, 12 of 30 days. */
export interface ProtectionCount {
  count: number;
  of: number;
}

/** On a decision where downgrade protection held the customer above the tier the rules give. */
export interface ProtectionHeld {
  /** The tier the rules give; null when none applies. */
  ruledTier: string | null;
  /** The tier the customer keeps (or falls to, one tier at a time): the decision's tier. */
  keptTier: string | null;
  /** Consecutive gradings below the tier, this one included, of the policy's `gradings`. */
  gradings?: ProtectionCount;
  /** Whole days since the customer first graded below the tier, of the policy's `days`. */
  days?: ProtectionCount;
  /** Whole days in the tier, of the policy's `minimumDaysInTier`. */
  daysInTier?: ProtectionCount;
  /** What held it, as the explanation says: "grace 1 of 2", "one tier at a time". */
  reason: string;
}

export interface Decision {
  customerId: string | null;
  tier: string | null;
  /** Null when the policy has no scorecard. */
  score: number | null;
  breakdown: BreakdownLine[];
  /** Keyed by treatment type; at most one of each. */
  treatments: Record<string, Readonly<Record<string, unknown>>>;
  /** Lines for a call-centre agent. */
  explanation: string[];
  policy: PolicyRef;
  /** Present only when downgrade protection held: the tier is not the one the rules give. */
  protection?: ProtectionHeld;
}
