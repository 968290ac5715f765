import { DateTime } from 'luxon';

/** The audit viewer's filters as they stand in the URL (dates as yyyy-mm-dd, read in the viewer's zone). */
export interface AuditFilters {
  action: string;
  actor: string;
  from: string;
  to: string;
}

export const NO_AUDIT_FILTERS: AuditFilters = { action: '', actor: '', from: '', to: '' };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DAY = /^\d{4}-\d{2}-\d{2}$/;

export function auditFiltersFrom(params: URLSearchParams): AuditFilters {
  const day = (key: string) => {
    const value = params.get(key) ?? '';
    return DAY.test(value) ? value : '';
  };
  const actor = params.get('actor') ?? '';
  return { action: (params.get('action') ?? '').slice(0, 100), actor: UUID.test(actor) ? actor : '', from: day('from'), to: day('to') };
}

/** The URL search for the filters; empty filters are left out so a plain URL means "everything". */
export function auditSearch(filters: AuditFilters): URLSearchParams {
  const params = new URLSearchParams();
  for (const key of ['action', 'actor', 'from', 'to'] as const) if (filters[key]) params.set(key, filters[key]);
  return params;
}

export interface AuditQuery {
  action?: string;
  actorId?: string;
  from?: string;
  to?: string;
}

/**
 * The API query for the filters. "to" is a whole day here and exclusive at the API, so it becomes
 * the start of the next day; days begin at midnight in the viewer's zone.
 */
export function auditQuery(filters: AuditFilters, zone: string): { query: AuditQuery; problem: string | null } {
  const query: AuditQuery = {};
  if (filters.action) query.action = filters.action;
  if (filters.actor) query.actorId = filters.actor;
  const from = filters.from ? DateTime.fromISO(filters.from, { zone }) : null;
  const to = filters.to ? DateTime.fromISO(filters.to, { zone }).plus({ days: 1 }) : null;
  if (from?.isValid) query.from = from.toUTC().toISO()!;
  if (to?.isValid) query.to = to.toUTC().toISO()!;
  const problem = from?.isValid && to?.isValid && to <= from ? 'The “to” date is before the “from” date. Choose a later “to” date.' : null;
  if (problem) delete query.to;
  return { query, problem };
}

/** Actions recorded on an organisation's chain; prefixes ending in "." match a whole family. */
export const ACTION_FAMILIES = [
  { value: 'member.', label: 'Any change to members' },
  { value: 'site.', label: 'Any change to sites' },
  { value: 'interaction_type.', label: 'Any change to interaction types' },
  { value: 'interaction.', label: 'Any change to interactions' },
  { value: 'organisation.', label: 'Any change to the organisation' },
  { value: 'webhook.', label: 'Any change to webhooks' },
];

export const ACTIONS = [
  'member.added',
  'member.invited',
  'member.role_changed',
  'member.deactivated',
  'member.reactivated',
  'member.unlocked',
  'site.created',
  'site.updated',
  'interaction_type.added',
  'interaction_type.renamed',
  'interaction_type.removed',
  'interaction.created',
  'interaction.updated',
  'interaction.deleted',
  'interaction.restored',
  'interaction.purged',
  'organisation.created',
  'organisation.updated',
  'organisation.security_policy_changed',
  'organisation.suspended',
  'organisation.resumed',
  'organisation.exported',
  'entitlements.changed',
  'webhook.endpoint_created',
  'webhook.endpoint_updated',
  'webhook.endpoint_deleted',
  'webhook.secret_rotated',
  'webhook.endpoint_disabled',
  'webhook.deliveries_replayed',
];

function sentenceCase(words: string): string {
  const text = words.replace(/[_.]+/g, ' ').replace(/([a-z])([A-Z])/g, '$1 $2').trim().toLowerCase();
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** "member.role_changed" → "Member role changed". */
export function actionLabel(action: string): string {
  const family = ACTION_FAMILIES.find((f) => f.value === action);
  return family ? family.label : sentenceCase(action);
}

const FIELD_LABELS: Record<string, string> = {
  timezone: 'Time zone',
  displayName: 'Display name',
  role: 'Organisation role',
  active: 'Active',
};

const ENUM_WORDS: Record<string, string> = {
  OWNER: 'Owner',
  ADMIN: 'Admin',
  MEMBER: 'Member',
  ADMINISTRATOR: 'Administrator',
  EDITOR: 'Editor',
  VIEWER: 'Viewer',
  ACTIVE: 'Active',
  DEACTIVATED: 'Deactivated',
};

export function valueText(value: unknown): string {
  if (value === null || value === undefined || value === '') return '(none)';
  if (typeof value === 'boolean') return value ? 'Yes' : 'No';
  if (typeof value === 'string') return ENUM_WORDS[value] ?? value;
  if (typeof value === 'number') return String(value);
  return JSON.stringify(value);
}

export interface ChangeRow {
  field: string;
  before: string;
  after: string;
}

/**
 * An entry's changes as rows a person reads: {"site:<id>": {before, after}} becomes
 * "Role at London". Values that are not {before, after} pairs are shown as the new value.
 */
export function changeRows(changes: unknown, siteName: (id: string) => string | undefined): ChangeRow[] {
  if (!changes || typeof changes !== 'object') return [];
  return Object.entries(changes as Record<string, unknown>).map(([key, change]) => {
    const field = key.startsWith('site:')
      ? `Role at ${siteName(key.slice(5)) ?? 'a site no longer listed'}`
      : (FIELD_LABELS[key] ?? sentenceCase(key));
    const pair = change && typeof change === 'object' && ('before' in change || 'after' in change);
    const { before, after } = pair ? (change as { before?: unknown; after?: unknown }) : { before: undefined, after: change };
    return { field, before: valueText(before), after: valueText(after) };
  });
}

export interface TargetLookups {
  site: (id: string) => string | undefined;
  member: (id: string) => string | undefined;
  organisation: string;
}

/** What an entry was about, in words: "Member Ada Lovelace", "Site London", "Interaction type Call". */
export function targetText(
  entry: { entityType?: string; entityId?: string; changes?: unknown },
  lookups: TargetLookups,
): string {
  const type = entry.entityType ?? '';
  const id = entry.entityId ?? '';
  const named = (label: string, name: string | undefined) => (name ? `${label} ${name}` : `${label} (${id || 'unknown'})`);
  switch (type) {
    case 'member':
    case 'user':
      return named('Member', lookups.member(id));
    case 'site':
      return named('Site', lookups.site(id) ?? changedName(entry.changes));
    case 'organisation':
      return `Organisation ${lookups.organisation}`;
    case 'interaction_type':
      return named('Interaction type', changedName(entry.changes));
    case '':
      return '—';
    default:
      return named(sentenceCase(type), undefined);
  }
}

/** The name a change set gives its record (the new name, or the old one when it was removed). */
function changedName(changes: unknown): string | undefined {
  const name = (changes as Record<string, { before?: unknown; after?: unknown }> | undefined)?.name;
  const value = name?.after ?? name?.before;
  return typeof value === 'string' ? value : undefined;
}

export interface Verification {
  valid?: boolean;
  checked?: number;
  firstBroken?: { seq?: number; id?: string; reason?: string } | null;
}

/** The chain check's result as a sentence, with what to do when it failed. */
export function verificationSentence(result: Verification): string {
  const checked = result.checked ?? 0;
  if (result.valid) {
    if (checked === 0) return 'There is nothing to check yet: the audit trail has no entries.';
    const entries = checked === 1 ? '1 entry was' : `${checked.toLocaleString('en-GB')} entries were`;
    return `The audit trail is intact: ${entries} checked and none has been altered or removed.`;
  }
  const broken = result.firstBroken;
  const where = broken?.seq !== undefined ? ` at entry ${broken.seq}` : '';
  const why = broken?.reason ? ` (${broken.reason})` : '';
  return `The audit trail is broken${where}${why}. Entries from there on cannot be trusted. Report this to your Atrium operator at once and keep a copy of the trail.`;
}
