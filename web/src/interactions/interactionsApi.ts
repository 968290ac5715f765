import { useCallback } from 'react';
import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../api/client';
import { ApiError, toApiError } from '../api/problems';
import { canInOrganisation, type OrganisationView, type Overview } from '../auth/me';
import type { Interaction, InteractionRequest } from './interactionSchema';

/**
 * Query keys shared with the Finder: everything under ['interactions', siteId] is the site's
 * lists (invalidated after a change), types and members are cached once per organisation.
 */
export const interactionKeys = {
  lists: (siteId: string) => ['interactions', siteId] as const,
  trash: (siteId: string) => ['interactions', siteId, 'trash'] as const,
  one: (siteId: string, id: string) => ['interaction', siteId, id] as const,
  types: (organisationId: string) => ['interaction-types', organisationId] as const,
  members: (organisationId: string) => ['members', organisationId, 'directory'] as const,
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

/** The organisation's interaction type names, as the organisation spells them. */
export function useTypeNames(organisationId: string | undefined) {
  return useQuery({
    queryKey: interactionKeys.types(organisationId ?? ''),
    queryFn: () =>
      unwrap(api.GET('/api/v1/organisations/{organisationId}/interaction-types', { params: { path: { organisationId: organisationId! } } })),
    enabled: !!organisationId,
    staleTime: 5 * 60_000,
    select: (types) => types.map((type) => type.name ?? '').filter(Boolean),
  });
}

/**
 * Names for user ids: "You", a member's name when the user may read the member list
 * (organisation owners and admins), otherwise "another member": the API does not tell site staff
 * who their colleagues are.
 */
export function usePeopleNames(me: Overview | undefined, organisation: OrganisationView | undefined) {
  const organisationId = organisation?.id ?? '';
  const members = useQuery({
    queryKey: interactionKeys.members(organisationId),
    queryFn: () =>
      unwrap(
        api.GET('/api/v1/organisations/{organisationId}/members', {
          params: { path: { organisationId }, query: { size: 200, sort: 'name' } },
        }),
      ),
    enabled: !!organisationId && canInOrganisation(organisation, 'MEMBER_READ'),
    staleTime: 5 * 60_000,
  });
  const myId = me?.user?.id;
  const items = members.data?.items;
  return useCallback(
    (id: string | null | undefined): string => {
      if (!id) return 'someone';
      if (id === myId) return 'you';
      const member = items?.find((candidate) => candidate.userId === id);
      return member?.displayName || member?.email || 'another member';
    },
    [items, myId],
  );
}

export const isStatus = (error: unknown, status: number) => error instanceof ApiError && error.status === status;
