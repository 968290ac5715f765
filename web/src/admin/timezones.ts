import { DateTime, IANAZone } from 'luxon';

/**
 * Browsers list some zones under their old ICU names (Chromium lists Asia/Calcutta, not
 * Asia/Kolkata); people look for the current names, and the server accepts both.
 */
const RENAMED: Record<string, string> = {
  'Asia/Calcutta': 'Asia/Kolkata',
  'Asia/Katmandu': 'Asia/Kathmandu',
  'Asia/Rangoon': 'Asia/Yangon',
  'Asia/Saigon': 'Asia/Ho_Chi_Minh',
  'Atlantic/Faeroe': 'Atlantic/Faroe',
  'America/Godthab': 'America/Nuuk',
  'Europe/Kiev': 'Europe/Kyiv',
  'Pacific/Enderbury': 'Pacific/Kanton',
};

export interface ZoneOption {
  value: string;
  label: string;
}

/** IANA zones the browser knows, under their current names, plus UTC and any zone already in use. */
export function zoneIds(supported: readonly string[], extra: readonly (string | undefined)[] = []): string[] {
  const ids = new Set<string>(supported.map((id) => RENAMED[id] ?? id));
  ids.add('UTC');
  for (const id of extra) if (id) ids.add(id);
  return [...ids].sort((a, b) => a.localeCompare(b));
}

/** "America/New_York (UTC−05:00)": the offset now, so people can tell similar places apart. */
export function zoneLabel(id: string, at: DateTime = DateTime.now()): string {
  if (!IANAZone.isValidZone(id)) return id;
  const offset = at.setZone(id).toFormat('ZZ').replace('-', '−');
  return `${id} (UTC${offset})`;
}

export function zoneOptions(extra: readonly (string | undefined)[] = [], at: DateTime = DateTime.now()): ZoneOption[] {
  return zoneIds(Intl.supportedValuesOf('timeZone'), extra).map((id) => ({ value: id, label: zoneLabel(id, at) }));
}

/** Search that ignores case and treats "_" and "/" as spaces, so "new york" finds America/New_York. */
export function zoneMatches(label: string, search: string): boolean {
  const normal = (text: string) => text.toLowerCase().replace(/[_/]/g, ' ').replace(/\s+/g, ' ').trim();
  const needle = normal(search);
  return needle === '' || normal(label).includes(needle);
}

export function isZone(id: string): boolean {
  return IANAZone.isValidZone(id);
}
