import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';

export type UrlStateUpdate<T> = (next: T | ((current: T) => T), options?: { replace?: boolean }) => void;

/**
 * A screen's state kept in the URL's search, so a view can be bookmarked, shared and survives a
 * reload. Each change is a history entry (back and forward move between views) unless it asks to
 * replace the current one.
 *
 * A change builds on the address as it stands, not on the state this render was given: the router
 * renders a new address as a transition, which a quick second change can overtake (pick a member,
 * then type a date at once), and building on the render's state would then undo the first change.
 * Navigating writes the address before it returns, so the address is always the newest state.
 * `parse` and `serialise` must be stable (module functions).
 */
export function useUrlState<T>(parse: (search: URLSearchParams) => T, serialise: (state: T) => URLSearchParams): [T, UrlStateUpdate<T>] {
  const [params, setParams] = useSearchParams();
  const search = params.toString();
  const state = useMemo(() => parse(new URLSearchParams(search)), [parse, search]);
  const update = useCallback<UrlStateUpdate<T>>(
    (next, options) => {
      const current = parse(new URLSearchParams(window.location.search));
      const value = typeof next === 'function' ? (next as (current: T) => T)(current) : next;
      const serialised = serialise(value);
      if (serialised.toString() === serialise(current).toString()) return;
      setParams(serialised, { replace: options?.replace, preventScrollReset: true });
    },
    [parse, serialise, setParams],
  );
  return [state, update];
}
