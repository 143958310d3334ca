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
}
