import { describe, expect, it } from 'vitest';
import { DateTime } from 'luxon';
import { countCsvRecords, exportFileName, formatMoment } from './format';

describe('formatMoment', () => {
  it('shows the local time in the interaction’s zone with its abbreviation', () => {
    expect(formatMoment('2026-10-25T01:30:00+01:00', 'Europe/London', 'en-GB')).toBe('25 Oct 2026, 01:30 BST');
    // the same wall time an hour later is after the clocks went back
    expect(formatMoment('2026-10-25T01:30:00Z', 'Europe/London', 'en-GB')).toBe('25 Oct 2026, 01:30 GMT');
  });

  it('shows an offset for zones without an abbreviation in the locale', () => {
    expect(formatMoment('2026-03-01T09:00:00+05:30', 'Asia/Kolkata', 'en-GB')).toBe('1 Mar 2026, 09:00 GMT+5:30');
  });

  it('reads an instant in the given zone', () => {
    expect(formatMoment('2026-07-01T12:00:00Z', 'America/New_York', 'en-GB')).toBe('1 Jul 2026, 08:00 GMT-4');
  });

  it('falls back to the sent offset when the zone is unknown, and shows nothing for nothing', () => {
    expect(formatMoment('2026-03-01T09:00:00+05:30', 'Mars/Olympus', 'en-GB')).toBe('1 Mar 2026, 09:00 UTC+5:30');
    expect(formatMoment(undefined, 'Europe/London')).toBe('');
    expect(formatMoment('2026-03-01T09:00:00+05:30', undefined, 'en-GB')).toBe('1 Mar 2026, 09:00 UTC+5:30');
  });

  it('reads the API’s microsecond precision', () => {
    expect(formatMoment('2026-03-01T09:00:00.123456Z', 'Europe/London', 'en-GB')).toBe('1 Mar 2026, 09:00 GMT');
  });
});

describe('exportFileName', () => {
  it('names the site and the day', () => {
    const day = DateTime.fromISO('2026-05-01T10:00:00', { zone: 'Europe/London' });
    expect(exportFileName('London', day)).toBe('interactions-london-2026-05-01.csv');
    expect(exportFileName('São Paulo / Centro', day)).toBe('interactions-sao-paulo-centro-2026-05-01.csv');
    expect(exportFileName('***', day)).toBe('interactions-site-2026-05-01.csv');
  });
});

describe('countCsvRecords', () => {
  it('counts rows after the header, with quoted line breaks inside one row', () => {
    expect(countCsvRecords('id,title\r\n1,a\r\n2,"two\r\nlines"\r\n')).toBe(2);
    expect(countCsvRecords('id,title\r\n3,"say ""hi"""')).toBe(1);
    expect(countCsvRecords('id,title\r\n')).toBe(0);
    expect(countCsvRecords('')).toBe(0);
  });
});
