import { useUrlState, type UrlStateUpdate } from '../url/useUrlState';
import { type FinderState, parseFinderState, serialiseFinderState } from './finderState';

export type FinderUpdate = UrlStateUpdate<FinderState>;

/** The Finder's state, read from and written to the URL (see useUrlState). */
export function useFinderState(): [FinderState, FinderUpdate] {
  return useUrlState(parseFinderState, serialiseFinderState);
}
