import { api } from '../api/client';
import type { components } from '../api/schema';
import { readTokens, storeTokens } from '../api/session';

type SignedIn = components['schemas']['SignedIn'];

/**
 * For the calls made before there is a session (sign-in, password reset): plain fetch, so a stale
 * token left in storage is neither sent nor refreshed on the server's 401 for a wrong password.
 */
export const withoutSession = { fetch: (request: Request) => fetch(request) };

/** The session id (`sid` claim) of an access token, without verifying it (the server does that). */
export function sessionIdOf(accessToken: string): string | undefined {
  try {
    const payload = accessToken.split('.')[1] ?? '';
    const json = atob(payload.replace(/-/g, '+').replace(/_/g, '/'));
    const sid = (JSON.parse(json) as { sid?: unknown }).sid;
    return typeof sid === 'string' ? sid : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Keeps the tokens the server answered. When they belong to a new session (someone signed in over
 * an old one), the old session is ended on the server: its tokens are gone from this browser, so
 * nobody could end it later.
 */
export function keepSession(signedIn: SignedIn): void {
  if (!signedIn.accessToken || !signedIn.refreshToken || !signedIn.expiresIn) {
    throw new Error('The sign-in answer lacked its tokens.');
  }
  const previous = readTokens();
  storeTokens({ accessToken: signedIn.accessToken, refreshToken: signedIn.refreshToken, expiresIn: signedIn.expiresIn });
  const previousSession = previous && sessionIdOf(previous.accessToken);
  if (previous && previousSession && previousSession !== sessionIdOf(signedIn.accessToken)) {
    void api
      .POST('/api/v1/auth/logout', { headers: { Authorization: `Bearer ${previous.accessToken}` }, ...withoutSession })
      .catch(() => undefined);
  }
}
