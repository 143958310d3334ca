import { seededRandom } from './seeded-random.js';

export interface DemoCustomer {
  id: string;
  name: string;
  facts: Record<string, string | number | boolean>;
}

const BRANDS = [
  'Hua',
  'Zhong',
  'Xin',
  'Jin',
  'Tian',
  'Hong',
  'Da',
  'Guo',
  'Ming',
  'Sheng',
  'Heng',
  'Kang',
  'Long',
  'Rui',
  'Tai',
  'Yuan',
  'Fu',
  'Hai',
  'Dong',
  'Bao',
];
const INDUSTRIES = [
  'Logistics',
  'Property',
  'Trading',
  'Construction',
  'Pharma',
  'Electronics',
  'Foods',
  'Textiles',
  'Energy',
  'Software',
  'Machinery',
  'Retail',
  'Capital',
  'Media',
  'Chemicals',
];
const CITIES = ['Hangzhou', 'Suzhou', 'Ningbo', 'Wuxi', 'Hefei', 'Nanjing', 'Xiamen', 'Foshan'];
const BUREAUS = ['Housing', 'Transport', 'Water Resources', 'Education', 'Health', 'Culture'];

export const DEMO_SEED = 20_261_125;

/**
 * A deterministic population for the reference scorecard (rules/default). One
 * hidden "size" drives most facts and is heavily skewed: many small customers,
 * a few large ones (the 80/20 shape of the domain brief), plus a few
 * blacklisted or long overdue. Same count and seed, same customers.
 */
export function demoPopulation(count: number, seed = DEMO_SEED): DemoCustomer[] {
  const random = seededRandom(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const noise = (spread: number) => (random() * 2 - 1) * spread;
  const clamp = (value: number, max: number) => Math.min(max, Math.max(0, Math.round(value)));
  const width = Math.max(4, String(count).length);

  return Array.from({ length: count }, (_, index) => {
    const size = random() ** 2.5;
    const nature = natureFor(size, random());
    const strength = clamp(15 * (0.1 + 0.85 * size) + noise(2), 15);
    const growth = clamp(15 * (0.15 + 0.45 * random() + 0.35 * size) + noise(1.5), 15);
    const profitContribution = clamp(15 * (0.05 + 0.9 * size) + noise(2), 15);
    const relationship = clamp(20 * (0.15 + 0.8 * size) + noise(3), 20);
    const strategicImportance = clamp(20 * (0.1 + 0.85 * size) + noise(3), 20);
    const balance = Math.round(800 * 10 ** (3.2 * size + random()) * 100) / 100;
    const overdueDraw = random();
    const daysOverdue =
      overdueDraw < 0.86
        ? 0
        : overdueDraw < 0.95
          ? 1 + Math.floor(random() * 60)
          : overdueDraw < 0.98
            ? 61 + Math.floor(random() * 120)
            : 181 + Math.floor(random() * 200);
    const blacklisted = random() < 0.015;
    const upgradePotential = growth >= 10 ? random() < 0.7 : random() < 0.08;

    const brand = pick(BRANDS) + pick(BRANDS).toLowerCase();
    const industry = pick(INDUSTRIES);
    const name =
      nature === 'government'
        ? `${pick(CITIES)} Municipal ${pick(BUREAUS)} Bureau`
        : nature === 'soe'
          ? `${brand} ${industry} Group`
          : nature === 'joint-stock'
            ? `${brand} ${industry} Co., Ltd.`
            : `${brand} ${industry} Studio`;

    return {
      id: `C-${String(index + 1).padStart(width, '0')}`,
      name,
      facts: {
        nature,
        strength,
        growth,
        profitContribution,
        relationship,
        strategicImportance,
        balance,
        daysOverdue,
        blacklisted,
        upgradePotential,
      },
    };
  });
}

// Large customers are more often public bodies and state-owned firms.
function natureFor(size: number, draw: number): string {
  const government = 0.02 + 0.1 * size;
  const soe = government + 0.05 + 0.15 * size;
  const jointStock = soe + 0.22 + 0.1 * size;
  return draw < government ? 'government' : draw < soe ? 'soe' : draw < jointStock ? 'joint-stock' : 'private';
}
