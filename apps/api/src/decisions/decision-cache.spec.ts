import { describe, expect, it } from 'vitest';
import { DecisionCache } from './decision-cache.js';

function enabledCache(maxChars = 1_000): DecisionCache {
  const cache = new DecisionCache(maxChars);
  cache.enable();
  return cache;
}

describe('DecisionCache', () => {
  it('serves what was stored', () => {
    const cache = enabledCache();
    cache.store('C-1', '{"tier":"A"}', cache.ticket());
    expect(cache.get('C-1')).toBe('{"tier":"A"}');
    expect(cache.get('C-2')).toBeUndefined();
  });

  it('holds nothing while disabled, and forgets everything when disabled', () => {
    const cache = new DecisionCache(1_000);
    cache.store('C-1', '{}', cache.ticket());
    expect(cache.get('C-1')).toBeUndefined();
    cache.enable();
    cache.store('C-1', '{}', cache.ticket());
    cache.disable();
    cache.enable();
    expect(cache.get('C-1')).toBeUndefined();
  });

  it('drops a read that raced an invalidation of any customer', () => {
    const cache = enabledCache();
    const ticket = cache.ticket();
    cache.invalidate(['C-9']);
    cache.store('C-1', '{"tier":"old"}', ticket);
    expect(cache.get('C-1')).toBeUndefined();
    const afterFlush = cache.ticket();
    cache.invalidateAll();
    cache.store('C-1', '{"tier":"old"}', afterFlush);
    expect(cache.get('C-1')).toBeUndefined();
  });

  it('evicts only the customers named', () => {
    const cache = enabledCache();
    cache.store('C-1', '1', cache.ticket());
    cache.store('C-2', '2', cache.ticket());
    cache.invalidate(['C-1']);
    expect(cache.get('C-1')).toBeUndefined();
    expect(cache.get('C-2')).toBe('2');
  });

  it('stays within its size, evicting the least recently used first', () => {
    const cache = enabledCache(30);
    cache.store('C-1', 'a'.repeat(10), cache.ticket());
    cache.store('C-2', 'b'.repeat(10), cache.ticket());
    cache.store('C-3', 'c'.repeat(10), cache.ticket());
    expect(cache.get('C-1')).toBeDefined(); // now the most recently used
    cache.store('C-4', 'd'.repeat(10), cache.ticket());
    expect(cache.get('C-2')).toBeUndefined();
    expect(cache.get('C-1')).toBeDefined();
    expect(cache.get('C-4')).toBeDefined();
    expect(cache.entryCount).toBe(3);
    cache.store('C-1', 'e'.repeat(25), cache.ticket()); // replacing counts the new size only
    expect(cache.get('C-1')).toBe('e'.repeat(25));
    expect(cache.entryCount).toBe(1);
    cache.store('C-5', 'f'.repeat(31), cache.ticket()); // larger than the whole cache
    expect(cache.get('C-5')).toBeUndefined();
  });
});
