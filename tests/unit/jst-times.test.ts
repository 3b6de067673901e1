import { describe, expect, it } from 'vitest';
import { formatJstDateTime } from '../../bot/src/kernel/domain/jst.js';

describe('session times as staff read them', () => {
  it('when the same session time is shown again and again, in Japanese and in English, then each reader gets their own language every time', () => {
    // 05:00 UTC is 14:00 JST on Wednesday 2 December 2026.
    const startsAt = '2026-12-02T05:00:00.000Z';
    for (let shown = 0; shown < 3; shown++) {
      expect(formatJstDateTime(startsAt, 'ja')).toBe('2026年12月2日（水） 14:00');
      expect(formatJstDateTime(startsAt, 'en')).toBe('Wed, 2 Dec 2026, 14:00');
    }
    // Late in the UTC day is the next day in Japan.
    expect(formatJstDateTime('2026-12-02T16:30:00.000Z', 'ja')).toBe('2026年12月3日（木） 01:30');
  });
});
