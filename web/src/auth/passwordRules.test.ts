import { describe, expect, it } from 'vitest';
import { changePasswordSchema, emailSchema, resetPasswordSchema, signInSchema, totpCodeRule } from './passwordRules';

function errors(result: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) {
  return Object.fromEntries((result.error?.issues ?? []).map((issue) => [issue.path.join('.'), issue.message]));
}

describe('changePasswordSchema', () => {
  const valid = { currentPassword: 'old temporary one', newPassword: 'a long pass phrase', repeat: 'a long pass phrase' };

  it('accepts 12 to 128 characters that differ from the current password', () => {
    expect(changePasswordSchema.safeParse(valid).success).toBe(true);
    const longest = 'x'.repeat(128);
    expect(changePasswordSchema.safeParse({ ...valid, newPassword: longest, repeat: longest }).success).toBe(true);
  });

  it('refuses fewer than 12 and more than 128 characters', () => {
    expect(errors(changePasswordSchema.safeParse({ ...valid, newPassword: 'elevenchars', repeat: 'elevenchars' })).newPassword).toMatch(/at least 12 characters \(this has 11\)/);
    const tooLong = 'x'.repeat(129);
    expect(errors(changePasswordSchema.safeParse({ ...valid, newPassword: tooLong, repeat: tooLong })).newPassword).toMatch(/at most 128/);
  });

  it('counts characters as the server does (code points, not UTF-16 units)', () => {
    const emoji = '🔑'.repeat(12); // 24 UTF-16 units, 12 characters
    expect(changePasswordSchema.safeParse({ ...valid, newPassword: emoji, repeat: emoji }).success).toBe(true);
    const eleven = '🔑'.repeat(11);
    expect(changePasswordSchema.safeParse({ ...valid, newPassword: eleven, repeat: eleven }).success).toBe(false);
  });

  it('refuses the current password as the new one', () => {
    const same = { currentPassword: valid.newPassword, newPassword: valid.newPassword, repeat: valid.newPassword };
    expect(errors(changePasswordSchema.safeParse(same)).newPassword).toBe('Choose a password different from your current one.');
  });

  it('asks for the current password and a matching repeat', () => {
    const result = errors(changePasswordSchema.safeParse({ currentPassword: '', newPassword: valid.newPassword, repeat: 'something else' }));
    expect(result.currentPassword).toBe('Enter your current password.');
    expect(result.repeat).toMatch(/differ/);
  });
});

describe('resetPasswordSchema', () => {
  it('checks length and the repeat', () => {
    expect(resetPasswordSchema.safeParse({ newPassword: 'a long pass phrase', repeat: 'a long pass phrase' }).success).toBe(true);
    const result = errors(resetPasswordSchema.safeParse({ newPassword: 'short', repeat: 'shorter' }));
    expect(result.newPassword).toMatch(/at least 12/);
    expect(result.repeat).toMatch(/differ/);
    expect(errors(resetPasswordSchema.safeParse({ newPassword: '', repeat: '' })).newPassword).toBe('Choose a new password.');
  });
});

describe('signInSchema and emailSchema', () => {
  it('needs an email address and a password', () => {
    expect(signInSchema.safeParse({ email: ' someone@example.com ', password: 'x' }).data?.email).toBe('someone@example.com');
    const result = errors(signInSchema.safeParse({ email: '', password: '' }));
    expect(result.email).toBe('Enter your email address.');
    expect(result.password).toBe('Enter your password.');
    expect(errors(emailSchema.safeParse({ email: 'not an email' })).email).toMatch(/such as name@example.com/);
  });
});

describe('totpCodeRule', () => {
  it('takes six digits, ignoring spaces', () => {
    expect(totpCodeRule.parse('123 456')).toBe('123456');
    expect(totpCodeRule.safeParse('12345').success).toBe(false);
    expect(totpCodeRule.safeParse('12345a').success).toBe(false);
  });
});
