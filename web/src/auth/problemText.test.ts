import { describe, expect, it } from 'vitest';
import { ApiError } from '../api/problems';
import { fieldSentence, formProblems, formatWait, signInProblem } from './problemText';

const problem = (status: number, code: string, extra: Record<string, unknown> = {}) =>
  new ApiError(status, { type: `https://atrium.dev/problems/${code}`, status, detail: `${code} detail`, ...extra });

describe('signInProblem', () => {
  it('names both a wrong password and a lockout, as the server answers them alike', () => {
    const { message, startAgain } = signInProblem(problem(401, 'bad-credentials'), 'password');
    expect(message).toMatch(/email or password is not right/);
    expect(message).toMatch(/locked/);
    expect(message).toMatch(/reset your password/);
    expect(startAgain).toBeUndefined();
  });

  it('says how long to wait when rate limited', () => {
    expect(signInProblem(problem(429, 'rate-limited', { retryAfterSeconds: 840 }), 'password').message).toBe(
      'Too many sign-in attempts from your network. Wait 14 minutes, then try again.',
    );
    expect(signInProblem(problem(429, 'rate-limited'), 'password').message).toMatch(/Wait a few minutes/);
  });

  it('explains a locked account', () => {
    expect(signInProblem(problem(423, 'locked'), 'password').message).toMatch(/locked after too many failed attempts/);
  });

  it('sends the user back to the password after an expired second-factor step', () => {
    expect(signInProblem(problem(401, 'invalid-mfa-token'), 'second-factor')).toEqual({
      message: 'This sign-in took too long or was already completed. Enter your email and password again.',
      startAgain: true,
    });
  });

  it('asks for the next code after a wrong one', () => {
    expect(signInProblem(problem(401, 'invalid-mfa-code'), 'second-factor').message).toMatch(/not right or was already used/);
  });

  it('passes on what the server says of a suspended organisation', () => {
    expect(signInProblem(problem(403, 'organisation-suspended'), 'password').message).toBe('organisation-suspended detail');
  });

  it('words a network failure', () => {
    expect(signInProblem(new TypeError('Failed to fetch'), 'password').message).toMatch(/could not be reached/);
  });
});

describe('fieldSentence and formProblems', () => {
  it('makes the server predicate a sentence about the field', () => {
    expect(fieldSentence({ field: 'newPassword', message: 'is too common; choose a password that is not on lists of known passwords' })).toBe(
      'This password is too common; choose a password that is not on lists of known passwords.',
    );
    expect(fieldSentence({ field: 'currentPassword', message: 'is not your current password' })).toBe('This is not your current password.');
    expect(fieldSentence({ field: 'other', message: 'Something odd.' })).toBe('Something odd.');
  });

  it('puts errors on the form fields and the rest in a general message', () => {
    const error = new ApiError(400, {
      type: 'https://atrium.dev/problems/validation',
      errors: [
        { field: 'newPassword', message: 'must differ from the current password' },
        { field: 'token', message: 'is invalid, already used or expired; ask for a new password reset email' },
      ],
    });
    expect(formProblems(error, ['newPassword', 'repeat'] as const)).toEqual({
      fields: { newPassword: 'This password must differ from the current password.' },
      general: 'This link is invalid, already used or expired; ask for a new password reset email.',
    });
    expect(formProblems(problem(500, 'internal'), ['newPassword'] as const)).toEqual({ fields: {}, general: 'internal detail' });
  });

  it('formats waits', () => {
    expect(formatWait(1)).toBe('1 second');
    expect(formatWait(45)).toBe('45 seconds');
    expect(formatWait(60)).toBe('1 minute');
    expect(formatWait(61)).toBe('2 minutes');
    expect(formatWait(7200)).toBe('2 hours');
  });
});
