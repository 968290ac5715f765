import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { zoneIds, zoneLabel, zoneMatches } from './timezones';

describe('time zones', () => {
  it('use the current names of renamed zones, add UTC and keep a zone already in use', () => {
    expect(zoneIds(['Europe/London', 'Asia/Calcutta', 'Europe/Kiev'], ['America/Argentina/ComodRivadavia'])).toEqual([
      'America/Argentina/ComodRivadavia',
      'Asia/Kolkata',
      'Europe/Kyiv',
      'Europe/London',
      'UTC',
    ]);
  });

  it('are labelled with their offset at the moment', () => {
    const summer = DateTime.fromISO('2026-07-01T12:00:00Z');
    expect(zoneLabel('Europe/London', summer)).toBe('Europe/London (UTC+01:00)');
    expect(zoneLabel('America/New_York', summer)).toBe('America/New_York (UTC−04:00)');
    expect(zoneLabel('Asia/Kolkata', summer)).toBe('Asia/Kolkata (UTC+05:30)');
  });

  it('are found the way people type them', () => {
    expect(zoneMatches('America/New_York (UTC−04:00)', 'new york')).toBe(true);
    expect(zoneMatches('America/New_York (UTC−04:00)', 'America/New')).toBe(true);
    expect(zoneMatches('Asia/Kolkata (UTC+05:30)', 'KOLK')).toBe(true);
    expect(zoneMatches('Asia/Kolkata (UTC+05:30)', 'london')).toBe(false);
    expect(zoneMatches('Asia/Kolkata (UTC+05:30)', '  ')).toBe(true);
  });
});
