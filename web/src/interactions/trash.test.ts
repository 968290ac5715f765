import { describe, expect, it } from 'vitest';
import { DateTime } from 'luxon';
import { daysLeft, daysLeftText } from './trash';

const now = DateTime.fromISO('2026-11-22T12:00:00Z');

describe('daysLeft', () => {
  it('counts whole days until the 30-day retention ends', () => {
    expect(daysLeft('2026-11-22T11:00:00Z', now)).toBe(29);
    expect(daysLeft('2026-11-22T12:00:00Z', now)).toBe(30);
    expect(daysLeft('2026-10-24T13:00:00Z', now)).toBe(1);
    expect(daysLeft('2026-10-23T13:00:00Z', now)).toBe(0);
  });

  it('never goes below zero and copes with missing dates', () => {
    expect(daysLeft('2026-01-01T00:00:00Z', now)).toBe(0);
    expect(daysLeft(null, now)).toBeNull();
    expect(daysLeft('yesterday', now)).toBeNull();
  });

  it('says it in words', () => {
    expect(daysLeftText(0)).toBe('Less than a day');
    expect(daysLeftText(1)).toBe('1 day');
    expect(daysLeftText(30)).toBe('30 days');
  });
});
