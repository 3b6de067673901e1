import { describe, expect, it } from 'vitest';
import { DEFAULT_WORKING_HOURS, isWorkingDay, nextWorkingInstant, validateWorkingHours } from '../../bot/src/delivery/domain/working-hours.js';
import { AppError } from '../../bot/src/kernel/domain/errors.js';

const jst = (local: string) => new Date(`${local}+09:00`);
const next = (local: string, hours = DEFAULT_WORKING_HOURS) => nextWorkingInstant(jst(local), hours).toISOString();

describe('working hours for proactive sends (weekdays 08:30–17:15 JST by default)', () => {
  it('when a send starts on Friday at 17:20, then it waits until Monday at 08:30', () => {
    expect(next('2026-12-04T17:20:00')).toBe(jst('2026-12-07T08:30:00').toISOString());
  });

  it('when a send starts inside the hours, then it goes at once; at 17:15 sharp the window has closed', () => {
    expect(next('2026-12-02T10:00:00')).toBe(jst('2026-12-02T10:00:00').toISOString());
    expect(next('2026-12-02T08:30:00')).toBe(jst('2026-12-02T08:30:00').toISOString());
    expect(next('2026-12-02T17:15:00')).toBe(jst('2026-12-03T08:30:00').toISOString());
  });

  it('when a send starts early in the morning of a working day, then it waits until 08:30 that day', () => {
    expect(next('2026-12-02T06:45:00')).toBe(jst('2026-12-02T08:30:00').toISOString());
  });

  it('when the next weekday is a public holiday (勤労感謝の日, Monday 2026-11-23), then the send waits for Tuesday', () => {
    expect(isWorkingDay(jst('2026-11-23T10:00:00'))).toBe(false);
    expect(next('2026-11-20T18:00:00')).toBe(jst('2026-11-24T08:30:00').toISOString());
    expect(next('2026-11-23T12:00:00')).toBe(jst('2026-11-24T08:30:00').toISOString());
  });

  it('when a send starts on the last working day before 年末年始, then it waits through 12/29–1/3 for 1/4', () => {
    expect(isWorkingDay(jst('2026-12-29T10:00:00'))).toBe(false);
    expect(isWorkingDay(jst('2027-01-01T10:00:00'))).toBe(false);
    expect(next('2026-12-28T17:30:00')).toBe(jst('2027-01-04T08:30:00').toISOString());
  });

  it('when the admins set 09:00–18:00, then Friday 17:20 is inside and Monday 08:45 waits until 09:00', () => {
    const hours = validateWorkingHours({ start: '09:00', end: '18:00' });
    expect(next('2026-12-04T17:20:00', hours)).toBe(jst('2026-12-04T17:20:00').toISOString());
    expect(next('2026-12-07T08:45:00', hours)).toBe(jst('2026-12-07T09:00:00').toISOString());
  });

  it('when the admins enter hours that are not HH:MM or a start not before the end, then each is refused with its reason', () => {
    const refusal = (start: string, end: string) => {
      try {
        validateWorkingHours({ start, end });
      } catch (error) {
        return error instanceof AppError ? error.userMessage.ja : String(error);
      }
      return 'accepted';
    };
    expect(refusal('8:30', '17:15')).toContain('HH:MM');
    expect(refusal('08:30', '24:00')).toContain('HH:MM');
    expect(refusal('08:30', 'evening')).toContain('HH:MM');
    expect(refusal('17:15', '08:30')).toBe('開始は終了より前の時刻にしてください。');
    expect(refusal('09:00', '09:00')).toBe('開始は終了より前の時刻にしてください。');
  });
});
