import type { RefusalCounts } from './sign-in-throttle.js';

// Refused sign-ins come from clients nobody has authenticated, so writing a row
// for each would let anyone grow the append-only audit log without limit (it can
// never be trimmed). Repeats are counted in the throttle instead, and a row is
// written for the 1st, 10th, 100th, ... refusal of a name from an address in a
// window, carrying the count: an auditor still sees who was tried, from where, and
// how hard. An address trying many names gets rows for its first
// AUDITED_NAMES_PER_ADDRESS refusals at most, then one at its 100th, 1,000th, ...
// So one address adds a few dozen rows per window, however fast it tries.
export const AUDITED_NAMES_PER_ADDRESS = 20;

export function isAuditedRefusal({ byNameAndAddress, byAddress }: RefusalCounts): boolean {
  return (
    (isPowerOfTen(byNameAndAddress) && byAddress <= AUDITED_NAMES_PER_ADDRESS) ||
    (byAddress > AUDITED_NAMES_PER_ADDRESS && isPowerOfTen(byAddress))
  );
}

function isPowerOfTen(count: number): boolean {
  for (let power = 1; power <= count; power *= 10) if (power === count) return true;
  return false;
}
