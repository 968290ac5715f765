import { z } from 'zod';

/** The server's rules (identity/Passwords): 12 to 128 characters, no composition rules. */
export const PASSWORD_MIN = 12;
export const PASSWORD_MAX = 128;

/** Length as the server counts it: code points, so an emoji is one character. */
export function passwordLength(password: string): number {
  return [...password].length;
}

export const newPasswordRule = z.string().superRefine((password, context) => {
  const length = passwordLength(password);
  if (length === 0) context.addIssue({ code: 'custom', message: 'Choose a new password.' });
  else if (length < PASSWORD_MIN)
    context.addIssue({ code: 'custom', message: `Use at least ${PASSWORD_MIN} characters (this has ${length}). A few words make a good password.` });
  else if (length > PASSWORD_MAX)
    context.addIssue({ code: 'custom', message: `Use at most ${PASSWORD_MAX} characters (this has ${length}).` });
});

const REPEAT_DIFFERS = 'The two new passwords differ. Type the same password in both fields.';

export const changePasswordSchema = z
  .object({
    currentPassword: z.string().min(1, 'Enter your current password.'),
    newPassword: newPasswordRule,
    repeat: z.string(),
  })
  .superRefine((values, context) => {
    if (values.newPassword && values.newPassword === values.currentPassword)
      context.addIssue({ code: 'custom', path: ['newPassword'], message: 'Choose a password different from your current one.' });
    if (values.repeat !== values.newPassword) context.addIssue({ code: 'custom', path: ['repeat'], message: REPEAT_DIFFERS });
  });
export type ChangePasswordValues = z.infer<typeof changePasswordSchema>;

export const resetPasswordSchema = z
  .object({ newPassword: newPasswordRule, repeat: z.string() })
  .superRefine((values, context) => {
    if (values.repeat !== values.newPassword) context.addIssue({ code: 'custom', path: ['repeat'], message: REPEAT_DIFFERS });
  });
export type ResetPasswordValues = z.infer<typeof resetPasswordSchema>;

export const signInSchema = z.object({
  email: z.string().trim().min(1, 'Enter your email address.').pipe(z.email('Enter an email address such as name@example.com.')),
  password: z.string().min(1, 'Enter your password.'),
});
export type SignInValues = z.infer<typeof signInSchema>;

/** A TOTP code: 6 digits; spaces (as apps show "123 456") are ignored. */
export const totpCodeRule = z
  .string()
  .transform((code) => code.replace(/\s+/g, ''))
  .pipe(z.string().regex(/^\d{6}$/, 'Enter the 6 digits your authenticator app shows.'));

export const recoveryCodeRule = z.string().trim().min(1, 'Enter one of your recovery codes.');

export const emailSchema = z.object({
  email: z.string().trim().min(1, 'Enter your email address.').pipe(z.email('Enter an email address such as name@example.com.')),
});
