// Which customers an import created and which it changed, for its audit row.
// An import may hold a million rows; an audit row is read in lists and
// exports, so each list keeps the first MAX_AUDITED_IDS ids (in id order, the
// order rows are written) and says how many more there were. The full effect
// of a large import stays in tier_history and in each customer's version.
export const MAX_AUDITED_IDS = 1000;

export class ImportedIds {
  private readonly created: string[] = [];
  private readonly updated: string[] = [];
  private createdTotal = 0;
  private updatedTotal = 0;

  /** The rows upsertMany wrote for one chunk (unchanged customers are not among them); chunks come in id order. */
  add(written: readonly { id: string; created: boolean }[]): void {
    // RETURNING promises no order: sorted here, so the ids kept are the lowest.
    const sorted = [...written].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    for (const row of sorted) {
      if (row.created) {
        this.createdTotal += 1;
        if (this.created.length < MAX_AUDITED_IDS) this.created.push(row.id);
      } else {
        this.updatedTotal += 1;
        if (this.updated.length < MAX_AUDITED_IDS) this.updated.push(row.id);
      }
    }
  }

  summary(): Record<string, unknown> {
    const omitted: Record<string, number> = {};
    if (this.createdTotal > this.created.length) omitted['created'] = this.createdTotal - this.created.length;
    if (this.updatedTotal > this.updated.length) omitted['updated'] = this.updatedTotal - this.updated.length;
    return {
      createdIds: this.created,
      updatedIds: this.updated,
      ...(Object.keys(omitted).length > 0 ? { idsOmitted: omitted, idsKept: MAX_AUDITED_IDS } : {}),
    };
  }
}
