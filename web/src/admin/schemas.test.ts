import { describe, expect, it } from 'vitest';
import { newMemberSchema, siteRoleChoices, siteRolesForApi, siteSchema, typeNameSchema } from './schemas';

/** The first message for each field, as the form shows it. */
const messages = (result: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) =>
  Object.fromEntries((result.error?.issues ?? []).reverse().map((issue) => [issue.path.join('.'), issue.message]));

describe('the site form', () => {
  it('accepts a named site in an IANA zone, trimming the name', () => {
    const result = siteSchema.safeParse({ name: '  Harbour  ', description: '', timezone: 'Asia/Kolkata' });
    expect(result.success).toBe(true);
    expect(result.data?.name).toBe('Harbour');
  });

  it('asks for a name, one line, and a zone from the list, as the server does', () => {
    expect(messages(siteSchema.safeParse({ name: ' ', description: '', timezone: '' }))).toEqual({
      name: 'Enter the site’s name.',
      timezone: 'Choose the time zone the site works in.',
    });
    expect(messages(siteSchema.safeParse({ name: 'Two\nlines', description: '', timezone: 'GMT+1' }))).toEqual({
      name: 'Keep the name on one line.',
      timezone: 'Choose a time zone from the list.',
    });
    expect(messages(siteSchema.safeParse({ name: 'x'.repeat(201), description: 'y'.repeat(2001), timezone: 'UTC' }))).toEqual({
      name: 'Use at most 200 characters.',
      description: 'Use at most 2,000 characters.',
    });
  });
});

describe('the new member form', () => {
  const valid = { email: 'ada@example.com', displayName: 'Ada', role: 'MEMBER', onboarding: 'INVITATION', sites: { s1: 'EDITOR' } };

  it('accepts a member with site roles', () => {
    expect(newMemberSchema.safeParse(valid).success).toBe(true);
    expect(newMemberSchema.safeParse({ ...valid, displayName: '' }).success).toBe(true);
  });

  it('wants an email the server would take (something@something.tld)', () => {
    expect(messages(newMemberSchema.safeParse({ ...valid, email: 'ada@localhost' }))).toEqual({ email: 'Enter an email address such as name@example.com.' });
    expect(messages(newMemberSchema.safeParse({ ...valid, email: '' }))).toEqual({ email: 'Enter the person’s email address.' });
  });

  it('refuses unknown roles and a name on two lines', () => {
    expect(Object.keys(messages(newMemberSchema.safeParse({ ...valid, role: 'KING', sites: { s1: 'BOSS' }, displayName: 'a\tb' }))).sort()).toEqual([
      'displayName',
      'role',
      'sites.s1',
    ]);
  });
});

describe('interaction type names', () => {
  const schema = typeNameSchema(['Meeting', 'Call']);

  it('are unique whatever the case, as the server compares them', () => {
    expect(messages(schema.safeParse({ name: ' meeting ' }))).toEqual({ name: 'This organisation already has an interaction type with this name.' });
    expect(schema.safeParse({ name: ' Workshop ' }).data).toEqual({ name: 'Workshop' });
  });

  it('are 1 to 50 characters on one line', () => {
    expect(messages(schema.safeParse({ name: '   ' }))).toEqual({ name: 'Enter a name.' });
    expect(messages(schema.safeParse({ name: 'x'.repeat(51) }))).toEqual({ name: 'Use at most 50 characters.' });
    expect(schema.safeParse({ name: '😀'.repeat(50) }).success).toBe(true);
    expect(messages(schema.safeParse({ name: 'a\tb' }))).toEqual({ name: 'Keep the name on one line, without tabs.' });
  });
});

describe('site roles', () => {
  it('start as None at every site except where the member holds a role', () => {
    expect(siteRoleChoices(['a', 'b', 'c'], [{ siteId: 'b', role: 'VIEWER' }])).toEqual({ a: 'NONE', b: 'VIEWER', c: 'NONE' });
  });

  it('leave out sites with no role when sent to the API', () => {
    expect(siteRolesForApi({ a: 'NONE', b: 'EDITOR', c: 'ADMINISTRATOR' })).toEqual({ b: 'EDITOR', c: 'ADMINISTRATOR' });
  });
});
