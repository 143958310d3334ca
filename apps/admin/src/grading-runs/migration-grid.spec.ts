import { describe, expect, it } from 'vitest';
import { buildMigrationGrid, tierMoves } from './migration-grid';
import { orderTiers } from './tier-order';

// 10 customers: A kept 3 and lost 2 to B; B kept 2, gained 1 from C; 1 never graded became C; C kept 1.
const MIGRATION = {
  A: { A: 3, B: 2 },
  B: { B: 2 },
  C: { B: 1, C: 1 },
  none: { C: 1 },
};

describe('the migration grid', () => {
  it('is square over every tier seen as a source or a destination, rows before and columns after, "none" last', () => {
    const grid = buildMigrationGrid(MIGRATION, ['A', 'B', 'C']);
    expect(grid.tiers).toEqual(['A', 'B', 'C', 'none']);
    expect(grid.cells).toEqual([
      [3, 2, 0, 0],
      [0, 2, 0, 0],
      [0, 1, 1, 0],
      [0, 0, 1, 0],
    ]);
  });

  it('totals each row (customers per tier before) and each column (after), and the whole', () => {
    const grid = buildMigrationGrid(MIGRATION, ['A', 'B', 'C']);
    expect(grid.rowTotals).toEqual([5, 2, 2, 1]);
    expect(grid.columnTotals).toEqual([3, 5, 2, 0]);
    expect(grid.total).toBe(10);
  });

  it('adds a tier only seen as a destination as a row of zeros, so the diagonal stays the unchanged customers', () => {
    const grid = buildMigrationGrid({ B: { A: 4 } }, ['A', 'B']);
    expect(grid.tiers).toEqual(['A', 'B']);
    expect(grid.cells).toEqual([
      [0, 0],
      [4, 0],
    ]);
  });

  it('is empty before any customer was graded', () => {
    expect(buildMigrationGrid({})).toEqual({ tiers: [], cells: [], rowTotals: [], columnTotals: [], total: 0 });
  });
});

describe('the tier moves', () => {
  it('lists only the customers off the diagonal, largest first, ties in reading order', () => {
    expect(tierMoves(MIGRATION, ['A', 'B', 'C'])).toEqual([
      { from: 'A', to: 'B', count: 2 },
      { from: 'C', to: 'B', count: 1 },
      { from: 'none', to: 'C', count: 1 },
    ]);
  });

  it('is empty when nobody changed tier', () => {
    expect(tierMoves({ A: { A: 5 }, B: { B: 1 } })).toEqual([]);
  });
});

describe('the order of tiers', () => {
  it("follows the policy's order, then any other tier alphabetically, then no tier", () => {
    expect(orderTiers(['none', 'Z', 'C', 'A', 'B', 'D'], ['C', 'B', 'A'])).toEqual(['C', 'B', 'A', 'D', 'Z', 'none']);
  });

  it('is alphabetical without a policy, each tier once', () => {
    expect(orderTiers(['B', 'none', 'A', 'B'])).toEqual(['A', 'B', 'none']);
  });
});
