import { DateTime } from 'luxon';

/** How long the server keeps deleted interactions (atrium.interactions.trash-retention, 30 days by default). */
export const RETENTION_DAYS = 30;

/** Whole days until the purge may remove an interaction deleted at `deletedAt`: 0 on its last day. */
export function daysLeft(deletedAt: string | null | undefined, now: DateTime = DateTime.now(), retentionDays = RETENTION_DAYS): number | null {
  if (!deletedAt) return null;
  const deleted = DateTime.fromISO(deletedAt);
  if (!deleted.isValid) return null;
  const left = deleted.plus({ days: retentionDays }).diff(now, 'days').days;
  return Math.max(0, Math.floor(left));
}

export function daysLeftText(days: number | null): string {
  if (days === null) return 'Unknown';
  if (days === 0) return 'Less than a day';
  return days === 1 ? '1 day' : `${days} days`;
}
