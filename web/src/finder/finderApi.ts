import { useQuery } from '@tanstack/react-query';
import { api, authedFetch, unwrap } from '../api/client';
import { toApiError } from '../api/problems';
import type { components } from '../api/schema';

export type Interaction = components['schemas']['InteractionResource'];
export type FinderPageResult = components['schemas']['PageResource'];
export type SavedView = components['schemas']['SavedView'];

/**
 * The Finder's question travels as the page's own query string (q=...&type=...&type=...), already
 * in the form the API document describes, so it is passed through as it is.
 */
const asQuery = (params: URLSearchParams) => () => params.toString();

export const finderKeys = {
  page: (siteId: string, params: string) => ['interactions', siteId, 'page', params] as const,
  total: (siteId: string, question: string) => ['interactions', siteId, 'total', question] as const,
  views: (siteId: string) => ['interaction-views', siteId] as const,
};

export function fetchFinderPage(siteId: string, params: URLSearchParams, signal?: AbortSignal): Promise<FinderPageResult> {
  return unwrap(
    api.GET('/api/v1/sites/{siteId}/interactions', {
      params: { path: { siteId }, query: {} },
      querySerializer: asQuery(params),
      signal,
    }),
  );
}

export function useSavedViews(siteId: string | undefined) {
  return useQuery({
    queryKey: finderKeys.views(siteId ?? ''),
    queryFn: () => unwrap(api.GET('/api/v1/sites/{siteId}/interaction-views', { params: { path: { siteId: siteId! } } })),
    enabled: !!siteId,
    staleTime: 60_000,
  });
}

export interface ExportProgress {
  bytes: number;
}

/** Downloads the whole result as CSV (streamed by the server), reporting bytes as they arrive. */
export async function downloadExport(
  siteId: string,
  question: URLSearchParams,
  onProgress: (progress: ExportProgress) => void,
): Promise<Blob> {
  const query = question.toString();
  const response = await authedFetch(
    new Request(`/api/v1/sites/${siteId}/interactions/export${query ? `?${query}` : ''}`, { headers: { Accept: 'text/csv' } }),
  );
  if (!response.ok) throw await toApiError(response);
  if (!response.body) return response.blob();
  const reader = response.body.getReader();
  const chunks: Uint8Array<ArrayBuffer>[] = [];
  let bytes = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value as Uint8Array<ArrayBuffer>);
    bytes += value.byteLength;
    onProgress({ bytes });
  }
  return new Blob(chunks, { type: 'text/csv;charset=utf-8' });
}
