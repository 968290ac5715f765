import { useMemo } from 'react';
import { useQuery } from '@tanstack/react-query';
import { api, authedFetch, unwrap } from '../api/client';
import { toApiError } from '../api/problems';
import type { components } from '../api/schema';
import { canInOrganisation, type OrganisationView, type Overview } from '../auth/me';

export type Interaction = components['schemas']['InteractionResource'];
export type FinderPageResult = components['schemas']['PageResource'];
export type SavedView = components['schemas']['SavedView'];

/**
 * The API document describes the Finder's query as one object (Spring binds it by field name),
 * so the parameters are written out here as the server reads them: q=...&type=...&type=...
 */
const asQuery = (params: URLSearchParams) => () => params.toString();

export const finderKeys = {
  page: (siteId: string, params: string) => ['interactions', siteId, 'page', params] as const,
  total: (siteId: string, question: string) => ['interactions', siteId, 'total', question] as const,
  views: (siteId: string) => ['interaction-views', siteId] as const,
  types: (organisationId: string) => ['interaction-types', organisationId] as const,
  members: (organisationId: string) => ['members', organisationId, 'directory'] as const,
};

export function fetchFinderPage(siteId: string, params: URLSearchParams, signal?: AbortSignal): Promise<FinderPageResult> {
  return unwrap(
    api.GET('/api/v1/sites/{siteId}/interactions', {
      params: { path: { siteId }, query: { parameters: {} } },
      querySerializer: asQuery(params),
      signal,
    }),
  );
}

/** The organisation's interaction types (names as the organisation spells them). */
export function useInteractionTypes(organisationId: string | undefined) {
  return useQuery({
    queryKey: finderKeys.types(organisationId ?? ''),
    queryFn: () =>
      unwrap(api.GET('/api/v1/organisations/{organisationId}/interaction-types', { params: { path: { organisationId: organisationId! } } })),
    enabled: !!organisationId,
    staleTime: 5 * 60_000,
    select: (types) => types.map((t) => t.name ?? '').filter(Boolean),
  });
}

export function useSavedViews(siteId: string | undefined) {
  return useQuery({
    queryKey: finderKeys.views(siteId ?? ''),
    queryFn: () => unwrap(api.GET('/api/v1/sites/{siteId}/interaction-views', { params: { path: { siteId: siteId! } } })),
    enabled: !!siteId,
    staleTime: 60_000,
  });
}

export interface Person {
  id: string;
  name: string;
}

/**
 * People the signed-in user can name: themselves, and the organisation's members when they may
 * read the member list (organisation owners and admins). Others' ids stay unnamed: the API
 * does not tell site staff who their colleagues are.
 */
export function usePeople(me: Overview | undefined, organisation: OrganisationView | undefined) {
  const organisationId = organisation?.id ?? '';
  const mayRead = canInOrganisation(organisation, 'MEMBER_READ');
  const members = useQuery({
    queryKey: finderKeys.members(organisationId),
    queryFn: () =>
      unwrap(
        api.GET('/api/v1/organisations/{organisationId}/members', {
          params: { path: { organisationId }, query: { size: 200, sort: 'name' } },
        }),
      ),
    enabled: mayRead && !!organisationId,
    staleTime: 5 * 60_000,
  });
  const myId = me?.user?.id;
  const myName = me?.user?.displayName;
  return useMemo(() => {
    const people: Person[] = [];
    if (myId) people.push({ id: myId, name: `Me (${myName ?? 'you'})` });
    for (const member of members.data?.items ?? []) {
      if (member.userId && member.userId !== myId) people.push({ id: member.userId, name: member.displayName || member.email || 'Unnamed member' });
    }
    const names = new Map(people.map((p) => [p.id, p.id === myId ? 'You' : p.name]));
    const nameOf = (id: string | undefined) => (id ? (names.get(id) ?? 'Another member') : '');
    return { people, nameOf };
  }, [members.data, myId, myName]);
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
