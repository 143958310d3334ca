import { describe, expect, it } from 'vitest';
import { ImportedIds, MAX_AUDITED_IDS } from './imported-ids.js';

describe('ImportedIds', () => {
  it('lists created and changed customers apart, in id order', () => {
    const ids = new ImportedIds();
    ids.add([
      { id: 'B', created: false },
      { id: 'A', created: true },
    ]);
    ids.add([{ id: 'C', created: true }]);
    expect(ids.summary()).toEqual({ createdIds: ['A', 'C'], updatedIds: ['B'] });
  });

  it(`keeps the first ${MAX_AUDITED_IDS} of each and says how many more there were`, () => {
    const ids = new ImportedIds();
    const rows = Array.from({ length: MAX_AUDITED_IDS + 5 }, (_, n) => ({ id: `C-${String(n).padStart(5, '0')}`, created: true }));
    ids.add(rows.reverse());
    const summary = ids.summary();
    expect(summary['createdIds']).toHaveLength(MAX_AUDITED_IDS);
    expect((summary['createdIds'] as string[])[0]).toBe('C-00000');
    expect(summary).toMatchObject({ updatedIds: [], idsOmitted: { created: 5 }, idsKept: MAX_AUDITED_IDS });
  });
});
