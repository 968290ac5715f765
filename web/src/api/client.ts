import createClient from 'openapi-fetch';
import type { paths } from './schema';
import { ApiError, type Problem, toApiError } from './problems';
import { clearTokens, readTokens, storeTokens, withRefreshLock } from './session';

/** Called when the session cannot be refreshed (revoked, expired refresh token, signed out elsewhere). */
let onSessionEnded: () => void = () => {};
export function whenSessionEnds(handler: () => void): void {
  onSessionEnded = handler;
}

/** Exchanges the refresh token for new tokens once, even when several requests or tabs ask at the same time. */
export async function refreshTokens(stale: string): Promise<string | null> {
  return withRefreshLock(async () => {
    const current = readTokens();
    if (!current) return null;
    // another tab or request already refreshed while we waited for the lock
    if (current.accessToken !== stale && current.refreshAfter > Date.now()) return current.accessToken;
    const response = await fetch('/api/v1/auth/refresh', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ refreshToken: current.refreshToken }),
    });
    if (!response.ok) {
      if (response.status === 401 || response.status === 400) {
        clearTokens();
        onSessionEnded();
      }
      return null;
    }
    return storeTokens(await response.json()).accessToken;
  });
}

/** fetch with the bearer token; refreshes silently when the token is about to expire or was refused. */
export async function authedFetch(input: Request): Promise<Response> {
  const retry = input.clone();
  let tokens = readTokens();
  let token = tokens?.accessToken ?? null;
  if (tokens && tokens.refreshAfter <= Date.now()) token = await refreshTokens(tokens.accessToken);
  const first = await fetch(withToken(input, token));
  if (first.status !== 401 || !token) return first;
  tokens = readTokens();
  const renewed = await refreshTokens(token);
  if (!renewed) return first;
  return fetch(withToken(retry, renewed));
}

function withToken(request: Request, token: string | null): Request {
  if (!token) return request;
  const headers = new Headers(request.headers);
  headers.set('Authorization', `Bearer ${token}`);
  return new Request(request, { headers });
}

export const api = createClient<paths>({ baseUrl: '', fetch: authedFetch });

/**
 * Unwraps an openapi-fetch answer: the data, or an ApiError carrying the server's problem+json.
 * `const me = await unwrap(api.GET('/api/v1/auth/me'))`
 */
export async function unwrap<T>(call: Promise<{ data?: T; error?: unknown; response: Response }>): Promise<T> {
  const { data, error, response } = await call;
  if (!response.ok) {
    if (error && typeof error === 'object') throw new ApiError(response.status, error as Problem);
    throw await toApiError(response);
  }
  return data as T;
}
