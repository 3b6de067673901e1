import { describe, expect, it } from 'vitest';
import { setBounded } from '../../bot/src/kernel/domain/bounded-map.js';

describe('what an instance keeps per key stays bounded', () => {
  it('when more keys come than the limit, then the oldest go first; a key set again pushes nothing out', () => {
    const kept = new Map<string, number>();
    for (const [index, key] of ['a', 'b', 'c'].entries()) setBounded(kept, key, index, 3);
    setBounded(kept, 'b', 10, 3);
    expect([...kept]).toEqual([['a', 0], ['b', 10], ['c', 2]]);
    setBounded(kept, 'd', 3, 3);
    setBounded(kept, 'e', 4, 3);
    expect([...kept]).toEqual([['c', 2], ['d', 3], ['e', 4]]);
  });
});
