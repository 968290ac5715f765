import { describe, expect, it } from 'vitest';
import { safeNext, signInPathFor } from './safeNext';

describe('safeNext', () => {
  it('follows a path on this site, with its query and fragment', () => {
    expect(safeNext('/profile')).toBe('/profile');
    expect(safeNext('/sites/1/interactions?q=tea&sort=date#top')).toBe('/sites/1/interactions?q=tea&sort=date#top');
  });

  it('goes home without a next', () => {
    expect(safeNext(null)).toBe('/');
    expect(safeNext(undefined)).toBe('/');
    expect(safeNext('')).toBe('/');
  });

  it('never leaves the site', () => {
    for (const next of [
      'https://evil.example/profile',
      '//evil.example/profile',
      '/\\evil.example',
      '\\\\evil.example',
      'javascript:alert(1)',
      '/\t/evil.example',
      '/\n/evil.example',
      'profile',
    ]) {
      expect(safeNext(next), next).toBe('/');
    }
  });

  it('does not return to the sign-in page itself', () => {
    expect(safeNext('/sign-in')).toBe('/');
    expect(safeNext('/sign-in?next=%2Fprofile')).toBe('/');
    expect(safeNext('/sign-in-help')).toBe('/sign-in-help');
  });

  it('normalises dot segments without escaping the origin', () => {
    expect(safeNext('/a/../profile')).toBe('/profile');
    expect(safeNext('/..//evil.example')).toBe('/');
  });
});

describe('signInPathFor', () => {
  it('remembers the page in next, and nothing for home', () => {
    expect(signInPathFor('/')).toBe('/sign-in');
    expect(signInPathFor('/sites/1/interactions?q=a b')).toBe('/sign-in?next=%2Fsites%2F1%2Finteractions%3Fq%3Da%20b');
  });

  it('round-trips through safeNext', () => {
    const path = '/sites/1/interactions?q=tea&type=call';
    const next = new URL(signInPathFor(path), 'https://atrium.invalid').searchParams.get('next');
    expect(safeNext(next)).toBe(path);
  });
});
