// Deterministic synthetic customers for the seed policy (rules/default). Exported
// so other benchmarks, load tests or demos can grade the same population.

export type Nature = 'government' | 'soe' | 'joint-stock' | 'private';

/** A customer record as an upstream CRM would send it. Optional facts may be absent. */
export interface CustomerRecord {
  customerId: string;
  nature: Nature;
  strength: number;
  growth: number;
  profitContribution: number;
  relationship: number;
  strategicImportance: number;
  balance?: number;
  daysOverdue?: number;
  blacklisted?: boolean;
  upgradePotential?: boolean;
}

/** mulberry32: tiny, fast and good enough to spread test data; the same seed gives the same customers. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const DEFAULT_SEED = 20240601;

/**
 * `count` customers with a spread that exercises every branch of the seed
 * policy: roughly 14% tier A, 29% B, the rest C; about half of the
 * accounts under the 5,000 fee threshold; ~1% blacklisted and ~1.5% more than
 * 180 days overdue; and ~5% of records missing each optional fact, so defaults
 * are exercised too.
 */
export function generateCustomers(count: number, seed = DEFAULT_SEED): CustomerRecord[] {
  const random = seededRandom(seed);
  const customers = new Array<CustomerRecord>(count);
  for (let i = 0; i < count; i++) customers[i] = generateCustomer(i, random);
  return customers;
}

function generateCustomer(index: number, random: () => number): CustomerRecord {
  // One latent "quality" per customer so the criteria correlate, as they do in
  // real books (a strong customer tends to be profitable and well connected).
  // Triangular around 0.56: about 14% A, 29% B, 57% C on the seed scorecard.
  const quality = ((random() + random()) / 2) * 0.85 + 0.14;
  const criterion = (max: number) => {
    const raw = (quality + (random() - 0.5) * 0.5) * max;
    const clamped = Math.min(max, Math.max(0, raw));
    // Analysts mostly enter whole points, sometimes one decimal (12.5).
    return random() < 0.6 ? Math.round(clamped) : Math.round(clamped * 10) / 10;
  };
  const record: CustomerRecord = {
    customerId: `C${String(index + 1).padStart(7, '0')}`,
    nature: pickNature(random()),
    strength: criterion(15),
    growth: criterion(15),
    profitContribution: criterion(15),
    relationship: criterion(20),
    strategicImportance: criterion(20),
  };
  if (random() >= 0.05) record.balance = balance(random);
  if (random() >= 0.05) record.daysOverdue = daysOverdue(random());
  if (random() >= 0.05) record.blacklisted = random() < 0.01;
  if (random() >= 0.05) record.upgradePotential = random() < 0.3;
  return record;
}

function pickNature(r: number): Nature {
  if (r < 0.08) return 'government';
  if (r < 0.25) return 'soe';
  if (r < 0.55) return 'joint-stock';
  return 'private';
}

// Log-normal around a median of ~5,000 (the fee threshold), in cents; some empty accounts.
function balance(random: () => number): number {
  if (random() < 0.05) return 0;
  const normal = Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
  return Math.round(Math.exp(8.5 + 1.5 * normal) * 100) / 100;
}

// Most customers pay on time; a long tail is late, a few beyond the 180-day blacklist line.
function daysOverdue(r: number): number {
  if (r < 0.75) return 0;
  if (r < 0.95) return 1 + Math.floor(((r - 0.75) / 0.2) * 90);
  if (r < 0.985) return 91 + Math.floor(((r - 0.95) / 0.035) * 90);
  return 181 + Math.floor(((r - 0.985) / 0.015) * 540);
}
