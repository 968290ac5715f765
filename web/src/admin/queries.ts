import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../api/client';
import type { components } from '../api/schema';
import { memberQuery, siteQuery, type MemberFilters, type SiteFilters } from './listState';

export type Site = components['schemas']['Site'];
export type Member = components['schemas']['MemberView'];
export type AddedMember = components['schemas']['AddedMember'];
export type InteractionType = components['schemas']['InteractionType'];
export type AuditEntry = components['schemas']['Entry'];

/** Query keys under one prefix per organisation and list, so a change refreshes every view of it. */
export const keys = {
  sites: (organisationId: string) => ['admin', organisationId, 'sites'] as const,
  members: (organisationId: string) => ['admin', organisationId, 'members'] as const,
  types: (organisationId: string) => ['admin', organisationId, 'interaction-types'] as const,
  audit: (organisationId: string) => ['admin', organisationId, 'audit'] as const,
};

/** The most the API lists at once; enough for the site and actor pickers of any real organisation. */
const ALL = 200;

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

/** Members by name, for the audit log's actor filter and names. */
export function useMemberDirectory(organisationId: string, enabled = true) {
  return useQuery({
    queryKey: [...keys.members(organisationId), 'directory'],
    queryFn: async () =>
      (
        await unwrap(
          api.GET('/api/v1/organisations/{organisationId}/members', { params: { path: { organisationId }, query: { size: ALL, sort: 'name' } } }),
        )
      ).items ?? [],
    enabled,
  });
}

export function useInteractionTypes(organisationId: string) {
  return useQuery({
    queryKey: keys.types(organisationId),
    queryFn: () => unwrap(api.GET('/api/v1/organisations/{organisationId}/interaction-types', { params: { path: { organisationId } } })),
  });
}
