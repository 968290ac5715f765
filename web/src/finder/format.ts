import { DateTime } from 'luxon';

const DATE_TIME: Intl.DateTimeFormatOptions = {
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
  timeZoneName: 'short',
};

// one formatter per zone: building Intl formatters (or Luxon dates) per cell is what makes long tables slow
const formatters = new Map<string, Intl.DateTimeFormat | null>();

function formatterFor(zone: string, locale: string | undefined): Intl.DateTimeFormat | null {
  const key = `${locale ?? ''}|${zone}`;
  let formatter = formatters.get(key);
  if (formatter === undefined) {
    try {
      formatter = new Intl.DateTimeFormat(locale, { ...DATE_TIME, timeZone: zone });
    } catch {
      formatter = null; // not a zone this browser knows
    }
    formatters.set(key, formatter);
  }
  return formatter;
}

/**
 * A moment as local time in the zone it belongs to, with that zone's abbreviation or offset
 * ("25 Oct 2026, 01:30 BST"). `value` is the API's local time with offset (or an instant); when
 * the zone is missing or unknown, the offset the API sent is used.
 */
export function formatMoment(value: string | undefined, zone: string | undefined, locale?: string): string {
  if (!value) return '';
  const instant = Date.parse(value);
  const formatter = zone && !Number.isNaN(instant) ? formatterFor(zone, locale) : null;
  if (formatter) return formatter.format(instant);
  const parsed = DateTime.fromISO(value, { setZone: true });
  return parsed.isValid ? parsed.toLocaleString(DATE_TIME, locale ? { locale } : {}) : value;
}

/** A day (yyyy-MM-dd) for chips: "1 Mar 2026". */
export function formatDay(day: string): string {
  const parsed = DateTime.fromISO(day);
  return parsed.isValid ? parsed.toLocaleString({ day: 'numeric', month: 'short', year: 'numeric' }) : day;
}

/** interactions-london-2026-05-01.csv: the site and the day of the export in the site's zone. */
export function exportFileName(siteName: string, now: DateTime): string {
  const slug =
    siteName
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 60) || 'site';
  return `interactions-${slug}-${now.toISODate()}.csv`;
}

/** Records in an RFC 4180 file after its header row (line breaks inside quotes do not count). */
export function countCsvRecords(csv: string): number {
  let records = 0;
  let quoted = false;
  let content = false;
  for (let i = 0; i < csv.length; i++) {
    const c = csv[i];
    if (c === '"') quoted = !quoted;
    if (!quoted && c === '\n') {
      if (content) records++;
      content = false;
    } else if (c !== '\r') {
      content = true;
    }
  }
  if (content) records++;
  return Math.max(0, records - 1);
}
