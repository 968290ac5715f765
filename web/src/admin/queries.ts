import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../api/client';
import type { components } from '../api/schema';
import { DIRECTORY_SIZE, organisationKeys } from '../organisation/directory';
import { memberQuery, siteQuery, type MemberFilters, type SiteFilters } from './listState';

export type Site = components['schemas']['Site'];
export type Member = components['schemas']['MemberView'];
export type AddedMember = components['schemas']['AddedMember'];
export type { InteractionType } from '../organisation/directory';
export { useInteractionTypes, useMemberDirectory } from '../organisation/directory';
export type AuditEntry = components['schemas']['Entry'];

/** Query keys under one prefix per organisation and list, so a change refreshes every view of it. */
export const keys = {
  sites: (organisationId: string) => ['admin', organisationId, 'sites'] as const,
  members: organisationKeys.members,
  types: organisationKeys.types,
  audit: (organisationId: string) => ['admin', organisationId, 'audit'] as const,
};

/** The most the API lists at once; enough for the site and actor pickers of any real organisation. */
const ALL = DIRECTORY_SIZE;

export function useSitesPage(organisationId: string, filters: SiteFilters) {
  const query = siteQuery(filters);
  return useQuery({
    queryKey: [...keys.sites(organisationId), 'page', query],
    queryFn: () => unwrap(api.GET('/api/v1/organisations/{organisationId}/sites', { params: { path: { organisationId }, query } })),
    placeholderData: keepPreviousData,
  });
}

/** Every site of the organisation, active or not, by name (for site roles and names in the audit log). */
export function useAllSites(organisationId: string) {
  return useQuery({
    queryKey: [...keys.sites(organisationId), 'all'],
    queryFn: async () =>
      (
        await unwrap(
          api.GET('/api/v1/organisations/{organisationId}/sites', { params: { path: { organisationId }, query: { size: ALL, sort: 'name' } } }),
        )
      ).items ?? [],
  });
}

export function useMembersPage(organisationId: string, filters: MemberFilters) {
  const query = memberQuery(filters);
  return useQuery({
    queryKey: [...keys.members(organisationId), 'page', query],
    queryFn: () => unwrap(api.GET('/api/v1/organisations/{organisationId}/members', { params: { path: { organisationId }, query } })),
    placeholderData: keepPreviousData,
  });
}

