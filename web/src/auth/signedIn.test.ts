import { describe, expect, it } from 'vitest';
import { sessionIdOf } from './signedIn';

const encode = (value: object) => btoa(JSON.stringify(value)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');

describe('sessionIdOf', () => {
  it('reads the sid claim of an access token', () => {
    const token = `${encode({ alg: 'RS256' })}.${encode({ sub: 'u', sid: '01a2-session', exp: 1 })}.signature`;
    expect(sessionIdOf(token)).toBe('01a2-session');
  });

  it('answers undefined for anything else', () => {
    expect(sessionIdOf('corrupt')).toBeUndefined();
    expect(sessionIdOf(`x.${encode({ sub: 'u' })}.y`)).toBeUndefined();
    expect(sessionIdOf('x.%%%.y')).toBeUndefined();
  });
});
