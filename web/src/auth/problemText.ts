import { ApiError, describeError, type FieldProblem } from '../api/problems';

/** "840" → "14 minutes": a wait people can read. */
export function formatWait(seconds: number): string {
  if (seconds < 60) return seconds === 1 ? '1 second' : `${seconds} seconds`;
  const minutes = Math.ceil(seconds / 60);
  if (minutes < 60) return minutes === 1 ? '1 minute' : `${minutes} minutes`;
  const hours = Math.ceil(minutes / 60);
  return hours === 1 ? '1 hour' : `${hours} hours`;
}

/** Seconds to wait from a 429's problem (`retryAfterSeconds`), if it says. */
export function retryAfter(error: ApiError): number | undefined {
  const seconds = Number(error.problem.retryAfterSeconds);
  return Number.isFinite(seconds) && seconds > 0 ? Math.ceil(seconds) : undefined;
}

const SUBJECTS: Record<string, string> = {
  newPassword: 'This password',
  currentPassword: 'This',
  password: 'This',
  code: 'This code',
  recoveryCode: 'This recovery code',
  token: 'This link',
  email: 'This email address',
};

/**
 * The server words field errors as predicates ("is too common; choose …"); this makes them a
 * sentence about the field ("This password is too common; choose ….").
 */
export function fieldSentence({ field, message }: FieldProblem): string {
  const text = message.trim();
  const sentence = /^(is|are|must|was|has|should|may)\b/.test(text) ? `${SUBJECTS[field] ?? 'This value'} ${text}` : text.charAt(0).toUpperCase() + text.slice(1);
  return /[.!?]$/.test(sentence) ? sentence : `${sentence}.`;
}

/**
 * Splits a failure into messages for the form's own fields and one general message for the rest
 * (a field the form does not show, or a failure that is not about fields).
 */
export function formProblems<F extends string>(error: unknown, fields: readonly F[]): { fields: Partial<Record<F, string>>; general?: string } {
  if (!(error instanceof ApiError) || error.fieldErrors.length === 0) return { fields: {}, general: describeError(error) };
  const byField: Partial<Record<F, string>> = {};
  const others: string[] = [];
  for (const problem of error.fieldErrors) {
    if ((fields as readonly string[]).includes(problem.field)) byField[problem.field as F] ??= fieldSentence(problem);
    else others.push(fieldSentence(problem));
  }
  return others.length > 0 ? { fields: byField, general: others.join(' ') } : { fields: byField };
}

export type SignInStep = 'password' | 'second-factor';

/** What went wrong while signing in, in words, and whether the user must start again. */
export function signInProblem(error: unknown, step: SignInStep): { message: string; startAgain?: boolean } {
  if (!(error instanceof ApiError)) return { message: describeError(error) };
  if (error.status === 429) {
    const wait = retryAfter(error);
    return {
      message: `Too many sign-in attempts from your network. ${wait ? `Wait ${formatWait(wait)}, then try again.` : 'Wait a few minutes, then try again.'}`,
    };
  }
  if (error.status === 423 || error.code === 'account-locked') {
    return { message: 'This account is locked after too many failed attempts. Wait a while and try again, or reset your password.' };
  }
  if (error.code === 'invalid-mfa-token') {
    return { message: 'This sign-in took too long or was already completed. Enter your email and password again.', startAgain: true };
  }
  if (error.status === 401 && step === 'second-factor') {
    return {
      message:
        'That code is not right or was already used. Enter the next code from your authenticator app, or use one of your recovery codes. ' +
        'Several wrong codes lock the account for a while.',
    };
  }
  if (error.status === 401) {
    // the server answers a locked account exactly like a wrong password, so both are named
    return {
      message:
        'The email or password is not right, or the account is locked for a while after too many failed attempts. ' +
        'Check them and try again, or reset your password.',
    };
  }
  return { message: describeError(error) };
}
