/**
 * Serialized stored decisions by customer id, least recently used out first,
 * bounded by the characters it holds.
 *
 * It is only correct while something tells it about every change: the
 * DecisionChangeListener invalidates on PostgreSQL notifications (any
 * instance's writes) and disables it while it cannot hear them. A read that
 * raced a change must not store what it read: callers take a `ticket()` before
 * reading the database and `store` drops the value when any invalidation
 * happened in between.
 */
export class DecisionCache {
  private readonly entries = new Map<string, string>();
  private size = 0;
  private generation = 0;
  private enabled = false;

  constructor(readonly maxChars: number) {}

  get isEnabled(): boolean {
    return this.enabled;
  }

  get entryCount(): number {
    return this.entries.size;
  }

  get(customerId: string): string | undefined {
    if (!this.enabled) return undefined;
    const body = this.entries.get(customerId);
    if (body !== undefined) {
      // Move to the young end.
      this.entries.delete(customerId);
      this.entries.set(customerId, body);
    }
    return body;
  }

  /** Taken before reading the database; `store` honours it only if nothing changed since. */
  ticket(): number {
    return this.generation;
  }

  store(customerId: string, body: string, ticket: number): void {
    if (!this.enabled || ticket !== this.generation || body.length > this.maxChars) return;
    this.remove(customerId);
    this.entries.set(customerId, body);
    this.size += body.length;
    for (const [oldest, oldBody] of this.entries) {
      if (this.size <= this.maxChars) break;
      this.entries.delete(oldest);
      this.size -= oldBody.length;
    }
  }

  invalidate(customerIds: Iterable<string>): void {
    this.generation += 1;
    for (const customerId of customerIds) this.remove(customerId);
  }

  invalidateAll(): void {
    this.generation += 1;
    this.entries.clear();
    this.size = 0;
  }

  /** Serves from memory from now on (the caller hears every change). */
  enable(): void {
    this.invalidateAll();
    this.enabled = true;
  }

  /** Forgets everything and serves from the database until enabled again. */
  disable(): void {
    this.enabled = false;
    this.invalidateAll();
  }

  private remove(customerId: string): void {
    const body = this.entries.get(customerId);
    if (body === undefined) return;
    this.entries.delete(customerId);
    this.size -= body.length;
  }
}
