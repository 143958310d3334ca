import { describe, expect, it } from 'vitest';
import { ExpiringCache } from './expiring-cache.js';

describe('ExpiringCache', () => {
  function setup(ttl = 100, max = 10) {
    let now = 0;
    const cache = new ExpiringCache<string, number>(ttl, max, () => now);
    let loads = 0;
    const load = (value: number) => () => {
      loads += 1;
      return Promise.resolve(value);
    };
    return { cache, load, loads: () => loads, advance: (ms: number) => (now += ms) };
  }

  it('loads once within the lifetime and again after it', async () => {
    const { cache, load, loads, advance } = setup();
    expect(await cache.get('k', load(1))).toBe(1);
    advance(99);
    expect(await cache.get('k', load(2))).toBe(1);
    advance(1);
    expect(await cache.get('k', load(3))).toBe(3);
    expect(loads()).toBe(2);
  });

  it('shares one load between concurrent misses', async () => {
    const { cache, load, loads } = setup();
    const values = await Promise.all([cache.get('k', load(1)), cache.get('k', load(2)), cache.get('k', load(3))]);
    expect(values).toEqual([1, 1, 1]);
    expect(loads()).toBe(1);
  });

  it('forgets a key on delete, so the next get loads afresh', async () => {
    const { cache, load } = setup();
    await cache.get('k', load(1));
    cache.delete('k');
    expect(await cache.get('k', load(2))).toBe(2);
  });

  it('does not keep a failed load', async () => {
    const { cache, load } = setup();
    await expect(cache.get('k', () => Promise.reject(new Error('database down')))).rejects.toThrow('database down');
    expect(await cache.get('k', load(5))).toBe(5);
  });

  it('holds at most maxEntries, dropping the oldest', async () => {
    const { cache, load, loads } = setup(1_000, 2);
    await cache.get('a', load(1));
    await cache.get('b', load(2));
    await cache.get('c', load(3));
    expect(cache.size).toBe(2);
    expect(await cache.get('b', load(20))).toBe(2);
    expect(await cache.get('a', load(10))).toBe(10);
    expect(loads()).toBe(4);
  });
});
