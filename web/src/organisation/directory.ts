import { useMemo } from 'react';
import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../api/client';
import type { components } from '../api/schema';
import { canInOrganisation, type OrganisationView, type Overview } from '../auth/me';

export type InteractionType = components['schemas']['InteractionType'];

/**
 * One cache per organisation for what every screen names things by: its interaction types and
 * its member directory. Administration invalidates these prefixes after a change, so the Finder
 * and the form see a renamed type or a new member at once.
 */
export const organisationKeys = {
  types: (organisationId: string) => ['organisation', organisationId, 'interaction-types'] as const,
  members: (organisationId: string) => ['organisation', organisationId, 'members'] as const,
};

/** The most the API lists at once; enough for the pickers of any real organisation. */
export const DIRECTORY_SIZE = 200;

export function useInteractionTypes(organisationId: string | undefined) {
  return useQuery({
    queryKey: organisationKeys.types(organisationId ?? ''),
    queryFn: () =>
      unwrap(api.GET('/api/v1/organisations/{organisationId}/interaction-types', { params: { path: { organisationId: organisationId! } } })),
    enabled: !!organisationId,
    staleTime: 5 * 60_000,
  });
}

/** The organisation's interaction type names, as the organisation spells them. */
export function useInteractionTypeNames(organisationId: string | undefined) {
  const types = useInteractionTypes(organisationId);
  const names = useMemo(() => (types.data ?? []).map((type) => type.name ?? '').filter(Boolean), [types.data]);
  return { ...types, data: types.data ? names : undefined };
}

/** The organisation's members by name (the first {@link DIRECTORY_SIZE}). */
export function useMemberDirectory(organisationId: string | undefined, enabled = true) {
  return useQuery({
    queryKey: [...organisationKeys.members(organisationId ?? ''), 'directory'],
    queryFn: async () =>
      (
        await unwrap(
          api.GET('/api/v1/organisations/{organisationId}/members', {
            params: { path: { organisationId: organisationId! }, query: { size: DIRECTORY_SIZE, sort: 'name' } },
          }),
        )
      ).items ?? [],
    enabled: enabled && !!organisationId,
    staleTime: 5 * 60_000,
  });
}

export interface Person {
  id: string;
  name: string;
}

/**
 * People the signed-in user can name: themselves, and the organisation's members when they may
 * read the member list (organisation owners and admins). Others stay "another member": the API
 * does not tell site staff who their colleagues are. `nameOf` is for table cells ("You"),
 * `mentionOf` for the middle of a sentence ("by you").
 */
export function usePeople(me: Overview | undefined, organisation: OrganisationView | undefined) {
  const members = useMemberDirectory(organisation?.id, canInOrganisation(organisation, 'MEMBER_READ'));
  const myId = me?.user?.id;
  const myName = me?.user?.displayName;
  return useMemo(() => {
    const people: Person[] = [];
    if (myId) people.push({ id: myId, name: `Me (${myName ?? 'you'})` });
    for (const member of members.data ?? []) {
      if (member.userId && member.userId !== myId) people.push({ id: member.userId, name: member.displayName || member.email || 'Unnamed member' });
    }
    const names = new Map(people.map((p) => [p.id, p.name]));
    const nameOf = (id: string | null | undefined) => (!id ? '' : id === myId ? 'You' : (names.get(id) ?? 'Another member'));
    const mentionOf = (id: string | null | undefined) =>
      !id ? 'someone' : id === myId ? 'you' : (names.get(id) ?? 'another member');
    return { people, nameOf, mentionOf };
  }, [members.data, myId, myName]);
}
