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

  it('when a busy entry is past half its TTL, then turns get it at once while one background read refreshes it', async () => {
    let clock = 0;
    const cache = createReadCache<number>({ ttlMs: 3_000, now: () => clock });
    let reads = 0;
    let release: () => void = () => undefined;
    const load = async () => {
      reads += 1;
      if (reads > 1) await new Promise<void>((resolve) => (release = resolve));
      return reads;
    };
    expect(await cache.get('k', load)).toBe(1);
    clock = 1_600;
    // 200 turns at once: none waits for storage, and storage is read once more, not 200 times.
    const values = await Promise.all(Array.from({ length: 200 }, () => cache.get('k', load)));
    expect(values.every((value) => value === 1)).toBe(true);
    expect(reads).toBe(2);
    release();
    await new Promise((resolve) => setTimeout(resolve, 0));
    clock = 3_000;
    // The refreshed value, read from 1,600, is served; the first one would be past its TTL now.
    expect(await cache.get('k', load)).toBe(2);
    expect(reads).toBe(2);
  });

  it('when an edit invalidates while a background refresh runs, then the refresh does not bring the old value back', async () => {
    let clock = 0;
    const cache = createReadCache<string>({ ttlMs: 3_000, now: () => clock });
    let stored = 'old';
    let release: () => void = () => undefined;
    let slow = false;
    const load = async () => {
      const value = stored;
      if (slow) await new Promise<void>((resolve) => (release = resolve));
      return value;
    };
    expect(await cache.get('k', load)).toBe('old');
    clock = 2_000;
    slow = true;
    expect(await cache.get('k', load)).toBe('old'); // starts the refresh, which read 'old'
    stored = 'new';
    cache.invalidate('k');
    slow = false;
    expect(await cache.get('k', load)).toBe('new');
    release();
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(await cache.get('k', load)).toBe('new');
  });

  it('when nobody asked for longer than the TTL, then the next turn waits for a fresh read (never an older value)', async () => {
    let clock = 0;
    const cache = createReadCache<number>({ ttlMs: 3_000, now: () => clock });
    let reads = 0;
    const load = async () => ++reads;
    expect(await cache.get('k', load)).toBe(1);
    clock = 60_000;
    expect(await cache.get('k', load)).toBe(2);
  });
});
