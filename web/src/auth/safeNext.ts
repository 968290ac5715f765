/**
 * Where to go after signing in: the `next` path the user was sent away from, if it is a path on
 * this site. Anything else (another origin, `//host`, `/\host`, which browsers read as `//host`,
 * control characters, or the sign-in page itself) falls back to "/", which picks a site.
 */
export function safeNext(next: string | null | undefined): string {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.includes('\\')) return '/';
  // control characters could smuggle in a different path once the browser strips them
  if (/[\u0000-\u001f\u007f]/.test(next)) return '/';
  const base = 'https://atrium.invalid';
  let url: URL;
  try {
    url = new URL(next, base);
  } catch {
    return '/';
  }
  if (url.origin !== base) return '/';
  // dot segments can normalise into "//host" (e.g. "/..//host")
  if (url.pathname.startsWith('//')) return '/';
  if (url.pathname === '/sign-in' || url.pathname.startsWith('/sign-in/')) return '/';
  return url.pathname + url.search + url.hash;
}

/** The sign-in page that returns to `path` afterwards ("/" needs no `next`). */
export function signInPathFor(path: string): string {
  return path === '/' ? '/sign-in' : `/sign-in?next=${encodeURIComponent(path)}`;
}
