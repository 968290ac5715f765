/**
 * The signed-in session's tokens. The access token lives in memory and localStorage so every
 * tab shares one session; refreshing is serialised across tabs with the Web Locks API, because
 * the server rotates refresh tokens and treats a reused one as theft.
 */
export interface Tokens {
  accessToken: string;
  refreshToken: string;
  /** epoch millis after which the access token should be refreshed before use */
  refreshAfter: number;
}

const KEY = 'atrium.session';
type Listener = (tokens: Tokens | null) => void;
const listeners = new Set<Listener>();

export function readTokens(): Tokens | null {
  try {
    const raw = localStorage.getItem(KEY);
    return raw ? (JSON.parse(raw) as Tokens) : null;
  } catch {
    return null;
  }
}

export function storeTokens(signedIn: { accessToken: string; refreshToken: string; expiresIn: number }): Tokens {
  const tokens: Tokens = {
    accessToken: signedIn.accessToken,
    refreshToken: signedIn.refreshToken,
    // refresh a little before the server would refuse the token
    refreshAfter: Date.now() + Math.max(5, signedIn.expiresIn - 30) * 1000,
  };
  localStorage.setItem(KEY, JSON.stringify(tokens));
  listeners.forEach((listener) => listener(tokens));
  return tokens;
}

export function clearTokens(): void {
  localStorage.removeItem(KEY);
  listeners.forEach((listener) => listener(null));
}

export function onTokensChange(listener: Listener): () => void {
  listeners.add(listener);
  const fromOtherTabs = (event: StorageEvent) => {
    if (event.key === KEY) listener(readTokens());
  };
  window.addEventListener('storage', fromOtherTabs);
  return () => {
    listeners.delete(listener);
    window.removeEventListener('storage', fromOtherTabs);
  };
}

/** Runs work while holding the cross-tab refresh lock (or directly where Web Locks are missing). */
export async function withRefreshLock<T>(work: () => Promise<T>): Promise<T> {
  if (typeof navigator !== 'undefined' && navigator.locks) {
    return navigator.locks.request('atrium.refresh', work);
  }
  return work();
}
