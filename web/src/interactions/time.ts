import { DateTime, IANAZone } from 'luxon';

/**
 * Local date-times in a time zone, as the API reads them: `2026-03-14T09:30` means 09:30 on the
 * wall clocks of `timezone`. Around daylight-saving changes such a time may not exist (clocks go
 * forward) or may happen twice (clocks go back); these helpers find out which, so the form can say
 * so before the server does.
 */

/** Which of the two moments an ambiguous local time (clocks going back) means. */
export type Occurrence = 'earlier' | 'later';

export interface LocalParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  /** Fraction of a second as written, up to 9 digits ('' when none). */
  fraction: string;
}

export type Resolution =
  | { kind: 'unreadable' }
  | { kind: 'unknown-zone' }
  | { kind: 'single'; instant: DateTime }
  | { kind: 'ambiguous'; earlier: DateTime; later: DateTime }
  | { kind: 'gap'; gapStart: string; gapEnd: string };

const LOCAL = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?$/;
const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

/** Reads `yyyy-MM-ddTHH:mm[:ss[.fraction]]` (what `<input type="datetime-local">` gives); null when it is not one. */
export function parseLocal(text: string): LocalParts | null {
  const match = LOCAL.exec(text.trim());
  if (!match) return null;
  const number = (index: number) => Number(match[index] ?? 0);
  const [year, month, day, hour, minute, second] = [1, 2, 3, 4, 5, 6].map(number) as [number, number, number, number, number, number];
  const parts = { year, month, day, hour, minute, second, fraction: match[7] ?? '' };
  // Luxon rejects 31 February and 25:00; an ISO date it accepts is a real calendar date
  const check = DateTime.fromObject({ year, month, day, hour, minute, second }, { zone: 'utc' });
  return check.isValid && year >= 1 ? parts : null;
}

export function isValidZone(zone: string): boolean {
  return zone.trim() !== '' && IANAZone.isValidZone(zone.trim()) && !/^(UTC|GMT)?[+-]/i.test(zone.trim());
}

/** The moment(s) a local date-time names in a zone, or why it names none. */
export function resolveLocal(text: string, zone: string): Resolution {
  const parts = parseLocal(text);
  if (!parts) return { kind: 'unreadable' };
  if (!isValidZone(zone)) return { kind: 'unknown-zone' };
  const iana = IANAZone.create(zone.trim());
  // the wall-clock reading as if it were UTC; the real instant is this minus the zone's offset then
  const local = wallMillis(parts);
  // clock changes are far more than a day apart, so the offsets a day either side are the only candidates
  const candidates = new Set([iana.offset(local - DAY), iana.offset(local), iana.offset(local + DAY)]);
  const instants = [...candidates]
    .map((offset) => local - offset * MINUTE)
    .filter((instant) => local - iana.offset(instant) * MINUTE === instant)
    .sort((a, b) => a - b);
  const [first, ...rest] = [...new Set(instants)];
  const at = (instant: number) => DateTime.fromMillis(instant, { zone: iana });
  const last = rest.pop();
  if (first !== undefined && last === undefined) return { kind: 'single', instant: at(first) };
  if (first !== undefined && last !== undefined) return { kind: 'ambiguous', earlier: at(first), later: at(last) };
  // a gap: find the moment the clocks jumped, to say which wall times are missing
  const before = iana.offset(local - DAY);
  const after = iana.offset(local + DAY);
  let low = local - before * MINUTE - DAY;
  let high = local - after * MINUTE + DAY;
  while (high - low > 1) {
    const middle = Math.floor((low + high) / 2);
    if (iana.offset(middle) === before) low = middle;
    else high = middle;
  }
  const wallText = (instant: number, offset: number) => DateTime.fromMillis(instant + offset * MINUTE, { zone: 'utc' }).toFormat('HH:mm');
  return { kind: 'gap', gapStart: wallText(high, before), gapEnd: wallText(high, after) };
}

/** The wall-clock reading in milliseconds as if it were UTC (setUTCFullYear, because Date.UTC reads 0-99 as 1900-1999). */
function wallMillis(parts: LocalParts): number {
  const date = new Date(0);
  date.setUTCFullYear(parts.year, parts.month - 1, parts.day);
  date.setUTCHours(parts.hour, parts.minute, parts.second, Number((parts.fraction + '000').slice(0, 3)));
  return date.getTime();
}

/** The instant a local date-time names, choosing between the two when it is ambiguous; null when it names none. */
export function toInstant(text: string, zone: string, occurrence: Occurrence = 'earlier'): DateTime | null {
  const resolution = resolveLocal(text, zone);
  if (resolution.kind === 'single') return resolution.instant;
  if (resolution.kind === 'ambiguous') return occurrence === 'later' ? resolution.later : resolution.earlier;
  return null;
}

/**
 * What the API should receive for a local date-time: the text as typed, plus the zone's offset
 * when the time happens twice, so the server stores the moment the user chose (without an
 * offset it takes the earlier one).
 */
export function forApi(text: string, zone: string, occurrence: Occurrence): string {
  const trimmed = text.trim();
  const resolution = resolveLocal(trimmed, zone);
  if (resolution.kind !== 'ambiguous') return trimmed;
  const chosen = occurrence === 'later' ? resolution.later : resolution.earlier;
  const withSeconds = /T\d\d:\d\d$/.test(trimmed) ? `${trimmed}:00` : trimmed;
  return `${withSeconds}${chosen.toFormat('ZZ')}`;
}

/**
 * Splits the API's `2026-10-25T01:30:00+01:00` into what the form shows (`2026-10-25T01:30`, exact
 * to the microsecond when the value has them) and which occurrence the offset picks.
 */
export function fromApi(value: string | null | undefined, zone: string): { local: string; occurrence: Occurrence } {
  if (!value) return { local: '', occurrence: 'earlier' };
  const local = value.replace(/(Z|[+-]\d\d:\d\d(:\d\d)?)$/i, '').replace(/^(.*T\d\d:\d\d):00$/, '$1');
  const resolution = resolveLocal(local, zone);
  if (resolution.kind !== 'ambiguous') return { local, occurrence: 'earlier' };
  const offset = DateTime.fromISO(value, { setZone: true }).offset;
  return { local, occurrence: offset === resolution.later.offset && offset !== resolution.earlier.offset ? 'later' : 'earlier' };
}

/** `UTC+05:30` for a zone at a moment (now by default). */
export function offsetLabel(zone: string, at: DateTime = DateTime.now()): string {
  if (!isValidZone(zone)) return '';
  const offset = at.setZone(zone.trim()).toFormat('ZZ');
  return `UTC${offset}`;
}

/** `Sat 14 Mar 2026, 09:30 (UTC+00:00)`: a moment as people read it, with the offset that makes it unambiguous. */
export function formatWithOffset(instant: DateTime, locale = 'en-GB'): string {
  return `${instant.setLocale(locale).toFormat('ccc d LLL yyyy, HH:mm')} (UTC${instant.toFormat('ZZ')})`;
}

/** An API date-time (any offset) shown in a zone, with its offset; '' when absent or unreadable. */
export function formatInstantIn(value: string | null | undefined, zone: string, locale = 'en-GB'): string {
  if (!value) return '';
  const instant = DateTime.fromISO(value, { setZone: true });
  if (!instant.isValid) return '';
  return formatWithOffset(isValidZone(zone) ? instant.setZone(zone.trim()) : instant, locale);
}

/**
 * Zones that CLDR (and so Intl.supportedValuesOf) still lists under an old name, with the name
 * IANA uses today: people search for Kolkata and Kyiv, and the sites store the current names.
 */
const RENAMED: Record<string, string> = {
  'Asia/Calcutta': 'Asia/Kolkata',
  'Asia/Katmandu': 'Asia/Kathmandu',
  'Asia/Rangoon': 'Asia/Yangon',
  'Asia/Saigon': 'Asia/Ho_Chi_Minh',
  'Europe/Kiev': 'Europe/Kyiv',
  'America/Godthab': 'America/Nuuk',
  'Atlantic/Faeroe': 'Atlantic/Faroe',
  'Pacific/Enderbury': 'Pacific/Kanton',
  'Pacific/Ponape': 'Pacific/Pohnpei',
  'Pacific/Truk': 'Pacific/Chuuk',
};

/**
 * The IANA zones this browser knows, under their current names, plus any the caller must offer
 * (the site's zone, the value being edited, even when it is an old alias).
 */
export function timeZones(include: Array<string | null | undefined> = []): string[] {
  let known: string[] = [];
  try {
    known = Intl.supportedValuesOf('timeZone');
  } catch {
    known = [];
  }
  const current = known.map((zone) => {
    const renamed = RENAMED[zone];
    return renamed && isValidZone(renamed) ? renamed : zone;
  });
  const zones = new Set([...current, ...include.filter((zone): zone is string => !!zone && isValidZone(zone))]);
  return [...zones].sort((a, b) => a.localeCompare(b));
}
