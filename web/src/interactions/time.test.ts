import { describe, expect, it } from 'vitest';
import { DateTime } from 'luxon';
import { forApi, formatInstantIn, fromApi, isValidZone, offsetLabel, parseLocal, resolveLocal, timeZones, toInstant } from './time';

const utc = (text: string, zone: string, occurrence: 'earlier' | 'later' = 'earlier') =>
  toInstant(text, zone, occurrence)?.toUTC().toISO({ suppressMilliseconds: true }) ?? null;

describe('parseLocal', () => {
  it('reads what datetime-local inputs give, with or without seconds', () => {
    expect(parseLocal('2026-03-14T09:30')).toMatchObject({ year: 2026, month: 3, day: 14, hour: 9, minute: 30, second: 0 });
    expect(parseLocal('2026-03-14T09:30:15.123456')).toMatchObject({ second: 15, fraction: '123456' });
  });

  it('refuses what is not a calendar date-time', () => {
    expect(parseLocal('')).toBeNull();
    expect(parseLocal('14/03/2026 09:30')).toBeNull();
    expect(parseLocal('2026-02-30T09:30')).toBeNull();
    expect(parseLocal('2026-03-14T24:30')).toBeNull();
    expect(parseLocal('2026-03-14')).toBeNull();
  });
});

describe('isValidZone', () => {
  it('accepts IANA zones only', () => {
    expect(isValidZone('Europe/London')).toBe(true);
    expect(isValidZone('Australia/Lord_Howe')).toBe(true);
    expect(isValidZone('Mars/Olympus_Mons')).toBe(false);
    expect(isValidZone('+01:00')).toBe(false);
    expect(isValidZone('GMT+1')).toBe(false);
    expect(isValidZone('')).toBe(false);
  });
});

describe('Europe/London', () => {
  it('converts ordinary winter and summer times', () => {
    expect(utc('2026-01-15T09:30', 'Europe/London')).toBe('2026-01-15T09:30:00Z');
    expect(utc('2026-07-15T09:30', 'Europe/London')).toBe('2026-07-15T08:30:00Z');
  });

  it('finds the spring-forward gap (01:00 becomes 02:00 on 29 March 2026)', () => {
    expect(resolveLocal('2026-03-29T01:30', 'Europe/London')).toEqual({ kind: 'gap', gapStart: '01:00', gapEnd: '02:00' });
    expect(toInstant('2026-03-29T01:30', 'Europe/London')).toBeNull();
    expect(resolveLocal('2026-03-29T00:59', 'Europe/London').kind).toBe('single');
    expect(utc('2026-03-29T02:00', 'Europe/London')).toBe('2026-03-29T01:00:00Z');
  });

  it('finds the fall-back hour that happens twice (25 October 2026) and tells its two moments apart', () => {
    const resolution = resolveLocal('2026-10-25T01:30', 'Europe/London');
    expect(resolution.kind).toBe('ambiguous');
    expect(utc('2026-10-25T01:30', 'Europe/London', 'earlier')).toBe('2026-10-25T00:30:00Z');
    expect(utc('2026-10-25T01:30', 'Europe/London', 'later')).toBe('2026-10-25T01:30:00Z');
    expect(resolveLocal('2026-10-25T02:00', 'Europe/London').kind).toBe('single');
  });
});

describe('America/New_York', () => {
  it('finds the gap (02:00 becomes 03:00 on 8 March 2026)', () => {
    expect(resolveLocal('2026-03-08T02:30', 'America/New_York')).toEqual({ kind: 'gap', gapStart: '02:00', gapEnd: '03:00' });
    expect(utc('2026-03-08T03:00', 'America/New_York')).toBe('2026-03-08T07:00:00Z');
  });

  it('tells the two 01:30s of 1 November 2026 apart', () => {
    expect(utc('2026-11-01T01:30', 'America/New_York', 'earlier')).toBe('2026-11-01T05:30:00Z');
    expect(utc('2026-11-01T01:30', 'America/New_York', 'later')).toBe('2026-11-01T06:30:00Z');
  });
});

describe('Asia/Kolkata', () => {
  it('has no daylight saving: every time names exactly one moment, at +05:30', () => {
    for (const text of ['2026-03-29T01:30', '2026-10-25T01:30', '2026-03-08T02:30', '2026-11-01T01:30']) {
      expect(resolveLocal(text, 'Asia/Kolkata').kind).toBe('single');
    }
    expect(utc('2026-03-29T01:30', 'Asia/Kolkata')).toBe('2026-03-28T20:00:00Z');
  });
});

describe('Australia/Lord_Howe (clocks move by 30 minutes)', () => {
  it('finds the half-hour gap when clocks go from 02:00 to 02:30 (4 October 2026)', () => {
    expect(resolveLocal('2026-10-04T02:15', 'Australia/Lord_Howe')).toEqual({ kind: 'gap', gapStart: '02:00', gapEnd: '02:30' });
    expect(utc('2026-10-04T02:30', 'Australia/Lord_Howe')).toBe('2026-10-03T15:30:00Z');
  });

  it('finds the half hour that happens twice when clocks go from 02:00 back to 01:30 (5 April 2026)', () => {
    expect(resolveLocal('2026-04-05T01:45', 'Australia/Lord_Howe').kind).toBe('ambiguous');
    expect(utc('2026-04-05T01:45', 'Australia/Lord_Howe', 'earlier')).toBe('2026-04-04T14:45:00Z');
    expect(utc('2026-04-05T01:45', 'Australia/Lord_Howe', 'later')).toBe('2026-04-04T15:15:00Z');
    expect(resolveLocal('2026-04-05T01:15', 'Australia/Lord_Howe').kind).toBe('single');
  });
});

describe('talking to the API', () => {
  it('sends the offset only when the time happens twice', () => {
    expect(forApi('2026-07-15T09:30', 'Europe/London', 'earlier')).toBe('2026-07-15T09:30');
    expect(forApi('2026-10-25T01:30', 'Europe/London', 'earlier')).toBe('2026-10-25T01:30:00+01:00');
    expect(forApi('2026-10-25T01:30', 'Europe/London', 'later')).toBe('2026-10-25T01:30:00+00:00');
    expect(forApi('2026-04-05T01:45', 'Australia/Lord_Howe', 'later')).toBe('2026-04-05T01:45:00+10:30');
  });

  it('reads back what the API answers, keeping which of two moments it was', () => {
    expect(fromApi('2026-07-15T09:30:00+01:00', 'Europe/London')).toEqual({ local: '2026-07-15T09:30', occurrence: 'earlier' });
    expect(fromApi('2026-10-25T01:30:00+01:00', 'Europe/London')).toEqual({ local: '2026-10-25T01:30', occurrence: 'earlier' });
    expect(fromApi('2026-10-25T01:30:00Z', 'Europe/London')).toEqual({ local: '2026-10-25T01:30', occurrence: 'later' });
    expect(fromApi('2026-11-01T01:30:00-05:00', 'America/New_York')).toEqual({ local: '2026-11-01T01:30', occurrence: 'later' });
    expect(fromApi('2026-03-14T09:30:15.123456+05:30', 'Asia/Kolkata').local).toBe('2026-03-14T09:30:15.123456');
    expect(fromApi(null, 'Europe/London')).toEqual({ local: '', occurrence: 'earlier' });
  });

  it('round-trips: what came back, sent again, names the same moment', () => {
    for (const [value, zone] of [
      ['2026-10-25T01:30:00Z', 'Europe/London'],
      ['2026-11-01T01:30:00-04:00', 'America/New_York'],
      ['2026-04-05T01:45:00+10:30', 'Australia/Lord_Howe'],
      ['2026-04-05T01:45:00+11:00', 'Australia/Lord_Howe'],
    ] as const) {
      const { local, occurrence } = fromApi(value, zone);
      const sent = forApi(local, zone, occurrence);
      expect(DateTime.fromISO(sent, { setZone: true }).toMillis(), value).toBe(DateTime.fromISO(value).toMillis());
    }
  });
});

describe('showing times', () => {
  it('labels offsets, including half-hour ones', () => {
    const summer = DateTime.fromISO('2026-07-01T12:00:00Z');
    expect(offsetLabel('Europe/London', summer)).toBe('UTC+01:00');
    expect(offsetLabel('Asia/Kolkata', summer)).toBe('UTC+05:30');
    expect(offsetLabel('Australia/Lord_Howe', summer)).toBe('UTC+10:30');
  });

  it('formats a moment in a zone with its offset', () => {
    expect(formatInstantIn('2026-10-25T01:30:00Z', 'Europe/London')).toBe('Sun 25 Oct 2026, 01:30 (UTC+00:00)');
    expect(formatInstantIn('2026-10-25T00:30:00Z', 'Europe/London')).toBe('Sun 25 Oct 2026, 01:30 (UTC+01:00)');
    expect(formatInstantIn(undefined, 'Europe/London')).toBe('');
  });

  it('lists IANA zones under their current names, with any extra ones the site uses', () => {
    const zones = timeZones(['Europe/Kiev', 'not a zone']);
    expect(zones).toContain('Europe/London');
    expect(zones).toContain('Australia/Lord_Howe');
    // browsers list Asia/Calcutta; people and the demo sites use Asia/Kolkata
    expect(zones).toContain('Asia/Kolkata');
    expect(zones).not.toContain('Asia/Calcutta');
    expect(zones).toContain('Europe/Kyiv');
    expect(zones).toContain('Europe/Kiev');
    expect(zones).not.toContain('not a zone');
    expect(new Set(zones).size).toBe(zones.length);
  });
});
