import { useCallback, useMemo, useRef } from 'react';
import { useSearchParams } from 'react-router';
import { type FinderState, parseFinderState, serialiseFinderState } from './finderState';

export type FinderUpdate = (next: FinderState | ((current: FinderState) => FinderState), options?: { replace?: boolean }) => void;

/**
 * The Finder's state, read from and written to the URL. Each change is a history entry (so back
 * and forward move between views) unless it asks to replace the current one.
 */
export function useFinderState(): [FinderState, FinderUpdate] {
  const [params, setParams] = useSearchParams();
  const search = params.toString();
  const state = useMemo(() => parseFinderState(search), [search]);
  // updates from debounced input must build on the newest state, not the one they were created with
  const latest = useRef(state);
  latest.current = state;
  const update = useCallback<FinderUpdate>(
    (next, options) => {
      const value = typeof next === 'function' ? next(latest.current) : next;
      const serialised = serialiseFinderState(value);
      if (serialised.toString() === serialiseFinderState(latest.current).toString()) return;
      latest.current = value;
      setParams(serialised, { replace: options?.replace, preventScrollReset: true });
    },
    [setParams],
  );
  return [state, update];
}
