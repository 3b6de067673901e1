import { describe, expect, it } from 'vitest';
import { createReadCache } from '../../bot/src/kernel/storage/read-cache.js';

describe('shared read cache', () => {
  it('when 200 turns ask at once, then storage is read once and all get the value', async () => {
    const cache = createReadCache<string>();
    let reads = 0;
    const load = async () => {
      reads += 1;
      await new Promise((resolve) => setTimeout(resolve, 10));
      return 'catalogue';
    };
    const values = await Promise.all(Array.from({ length: 200 }, () => cache.get('all', load)));
    expect(values.every((value) => value === 'catalogue')).toBe(true);
    expect(reads).toBe(1);
  });

  it('when the TTL passes, then the next turn reads storage again', async () => {
    let clock = 0;
    const cache = createReadCache<number>({ ttlMs: 3_000, now: () => clock });
    let reads = 0;
    const load = async () => ++reads;
    expect(await cache.get('k', load)).toBe(1);
    clock = 2_999;
    expect(await cache.get('k', load)).toBe(1);
    clock = 3_000;
    expect(await cache.get('k', load)).toBe(2);
  });

  it('when an edit invalidates, then the next turn reads the new value at once', async () => {
    const cache = createReadCache<string>();
    let stored = 'old';
    const load = async () => stored;
    expect(await cache.get('k', load)).toBe('old');
    stored = 'new';
    cache.invalidate('k');
    expect(await cache.get('k', load)).toBe('new');
  });

  it('when a read fails, then it is not remembered and the next turn reads again', async () => {
    const cache = createReadCache<string>();
    await expect(cache.get('k', async () => Promise.reject(new Error('storage down')))).rejects.toThrow('storage down');
    expect(await cache.get('k', async () => 'back')).toBe('back');
  });
});
