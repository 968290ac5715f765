import { describe, expect, it } from 'vitest';
import { actionLabel, auditFiltersFrom, auditQuery, auditSearch, changeRows, targetText, verificationSentence } from './audit';

const ACTOR = '01a20211-e871-7dd8-8ee3-96d41077cab1';
const SITE = '01a20211-e78b-7716-b42c-eeab57e233a8';

describe('audit filters in the URL', () => {
  it('are read back as they were written, and nonsense is dropped', () => {
    const filters = { action: 'member.added', actor: ACTOR, from: '2026-03-01', to: '2026-03-31' };
    expect(auditFiltersFrom(auditSearch(filters))).toEqual(filters);
    expect(auditSearch({ action: '', actor: '', from: '', to: '' }).toString()).toBe('');
    expect(auditFiltersFrom(new URLSearchParams('actor=someone&from=yesterday&to=2026-3-1'))).toEqual({ action: '', actor: '', from: '', to: '' });
  });
});

describe('the audit query', () => {
  it('starts "from" at midnight in the viewer’s zone and ends after the whole "to" day', () => {
    const { query, problem } = auditQuery({ action: 'member.', actor: ACTOR, from: '2026-07-01', to: '2026-07-01' }, 'Europe/London');
    expect(problem).toBeNull();
    expect(query).toEqual({ action: 'member.', actorId: ACTOR, from: '2026-06-30T23:00:00.000Z', to: '2026-07-01T23:00:00.000Z' });
  });

  it('counts a day across a clock change as the day it is', () => {
    // the clocks go back on 25 October 2026 in London: that day lasts 25 hours
    const { query } = auditQuery({ action: '', actor: '', from: '2026-10-25', to: '2026-10-25' }, 'Europe/London');
    expect(query).toEqual({ from: '2026-10-24T23:00:00.000Z', to: '2026-10-26T00:00:00.000Z' });
  });

  it('explains a "to" before "from" and leaves it out', () => {
    const { query, problem } = auditQuery({ action: '', actor: '', from: '2026-07-02', to: '2026-07-01' }, 'UTC');
    expect(problem).toMatch(/before the “from” date/);
    expect(query).toEqual({ from: '2026-07-02T00:00:00.000Z' });
  });
});

describe('audit entries in words', () => {
  it('name the action', () => {
    expect(actionLabel('member.role_changed')).toBe('Member role changed');
    expect(actionLabel('interaction_type.renamed')).toBe('Interaction type renamed');
    expect(actionLabel('site.')).toBe('Any change to sites');
  });

  it('list changed fields with their values before and after', () => {
    const rows = changeRows(
      {
        [`site:${SITE}`]: { before: null, after: 'EDITOR' },
        'site:01a20211-0000-7000-8000-000000000000': { before: 'VIEWER', after: null },
        timezone: { before: 'Europe/London', after: 'Asia/Tokyo' },
        active: { before: true, after: false },
        displayName: 'Ada',
      },
      (id) => (id === SITE ? 'London' : undefined),
    );
    expect(rows).toEqual([
      { field: 'Role at London', before: '(none)', after: 'Editor' },
      { field: 'Role at a site no longer listed', before: 'Viewer', after: '(none)' },
      { field: 'Time zone', before: 'Europe/London', after: 'Asia/Tokyo' },
      { field: 'Active', before: 'Yes', after: 'No' },
      { field: 'Display name', before: '(none)', after: 'Ada' },
    ]);
    expect(changeRows(null, () => undefined)).toEqual([]);
  });

  it('say what the entry was about', () => {
    const lookups = { member: (id: string) => (id === ACTOR ? 'Arjun Admin' : undefined), site: () => 'London', organisation: 'Demo' };
    expect(targetText({ entityType: 'member', entityId: ACTOR }, lookups)).toBe('Member Arjun Admin');
    expect(targetText({ entityType: 'member', entityId: 'gone' }, lookups)).toBe('Member (gone)');
    expect(targetText({ entityType: 'site', entityId: SITE }, lookups)).toBe('Site London');
    expect(targetText({ entityType: 'organisation', entityId: 'x' }, lookups)).toBe('Organisation Demo');
    expect(targetText({ entityType: 'interaction_type', entityId: 't', changes: { name: { before: 'Call', after: null } } }, lookups)).toBe(
      'Interaction type Call',
    );
    expect(targetText({ entityType: 'webhook_endpoint', entityId: 'w1' }, lookups)).toBe('Webhook endpoint (w1)');
  });
});

describe('the chain check in words', () => {
  it('says the trail is intact, how much was checked, or where it breaks and what to do', () => {
    expect(verificationSentence({ valid: true, checked: 1234 })).toBe(
      'The audit trail is intact: 1,234 entries were checked and none has been altered or removed.',
    );
    expect(verificationSentence({ valid: true, checked: 1 })).toMatch(/^The audit trail is intact: 1 entry was checked/);
    expect(verificationSentence({ valid: true, checked: 0 })).toMatch(/no entries/);
    const broken = verificationSentence({ valid: false, checked: 8, firstBroken: { seq: 8, reason: 'hash does not match its content' } });
    expect(broken).toMatch(/^The audit trail is broken at entry 8 \(hash does not match its content\)\./);
    expect(broken).toMatch(/Report this/);
  });
});
