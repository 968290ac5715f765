import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../api/client';
import { ApiError, toApiError } from '../api/problems';
import type { Interaction, InteractionRequest } from './interactionSchema';

/**
 * Query keys shared with the Finder: everything under ['interactions', siteId] is the site's
 * lists (invalidated after a change), types and members are cached once per organisation.
 */
export const interactionKeys = {
  lists: (siteId: string) => ['interactions', siteId] as const,
  trash: (siteId: string) => ['interactions', siteId, 'trash'] as const,
  one: (siteId: string, id: string) => ['interaction', siteId, id] as const,
};

/** An interaction with the ETag that a replacement must send as If-Match. */
export interface Versioned {
  interaction: Interaction;
  etag: string;
}

async function versioned(call: Promise<{ data?: Interaction; error?: unknown; response: Response }>): Promise<Versioned> {
  const { response } = await call;
  const interaction = await unwrap(call);
  return { interaction, etag: response.headers.get('ETag') ?? `"${interaction.version ?? 0}"` };
}

export function fetchInteraction(siteId: string, id: string): Promise<Versioned> {
  return versioned(api.GET('/api/v1/sites/{siteId}/interactions/{id}', { params: { path: { siteId, id } } }));
}

export function useInteraction(siteId: string | undefined, id: string | undefined) {
  return useQuery({
    queryKey: interactionKeys.one(siteId ?? '', id ?? ''),
    queryFn: () => fetchInteraction(siteId!, id!),
    enabled: !!siteId && !!id,
    // the form works on the version it loaded; a newer one arrives only through the conflict dialog
    staleTime: Infinity,
  });
}

export function createInteraction(siteId: string, body: InteractionRequest): Promise<Versioned> {
  return versioned(api.POST('/api/v1/sites/{siteId}/interactions', { params: { path: { siteId } }, body }));
}

export function replaceInteraction(siteId: string, id: string, etag: string, body: InteractionRequest): Promise<Versioned> {
  return versioned(
    api.PUT('/api/v1/sites/{siteId}/interactions/{id}', { params: { path: { siteId, id }, header: { 'If-Match': etag } }, body }),
  );
}

export async function deleteInteraction(siteId: string, id: string, etag?: string): Promise<void> {
  const { response } = await api.DELETE('/api/v1/sites/{siteId}/interactions/{id}', {
    params: { path: { siteId, id }, header: etag ? { 'If-Match': etag } : {} },
  });
  if (!response.ok) throw await toApiError(response);
}

export function restoreInteraction(siteId: string, id: string): Promise<Versioned> {
  return versioned(api.POST('/api/v1/sites/{siteId}/interactions/{id}/restore', { params: { path: { siteId, id } } }));
}

export const isStatus = (error: unknown, status: number) => error instanceof ApiError && error.status === status;
