import { describe, expect, it } from 'vitest';
import { utcDay } from './utc-day';

describe('utcDay', () => {
  it('keys the day in UTC and counts the seconds to the next 00:00 UTC', () => {
    expect(utcDay(Date.parse('2026-11-30T23:59:59.001Z'))).toEqual({
      date: '2026-11-30',
      resetAt: Date.parse('2026-12-01T00:00:00Z'),
      secondsToReset: 1,
    });
    expect(utcDay(Date.parse('2026-12-01T00:00:00Z'))).toEqual({
      date: '2026-12-01',
      resetAt: Date.parse('2026-12-02T00:00:00Z'),
      secondsToReset: 86_400,
    });
    // Local time does not move the day: 00:30 on 1 December in Paris is still 30 November in UTC.
    expect(utcDay(Date.parse('2026-12-01T00:30:00+01:00')).date).toBe('2026-11-30');
  });
});
