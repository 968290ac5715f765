import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../api/client';
import type { components } from '../api/schema';

export type Overview = components['schemas']['Overview'];
export type OrganisationView = components['schemas']['OrganisationView'];
export type SiteView = components['schemas']['SiteView'];
export type Permission = NonNullable<SiteView['permissions']>[number];

export const meQueryKey = ['me'] as const;

/** The signed-in user with their organisations, sites and permissions (GET /auth/me). */
export function useMe() {
  return useQuery({
    queryKey: meQueryKey,
    queryFn: () => unwrap(api.GET('/api/v1/auth/me')),
    staleTime: 60_000,
  });
}

export interface SiteChoice {
  organisation: OrganisationView;
  site: SiteView;
}

/** Every active site the user can open, with its organisation. */
export function sitesOf(me: Overview | undefined): SiteChoice[] {
  return (me?.organisations ?? []).flatMap((organisation) =>
    (organisation.sites ?? []).filter((site) => site.active !== false).map((site) => ({ organisation, site })),
  );
}

/** Whether the user holds a permission at a site (site permissions include the organisation's). */
export function can(choice: SiteChoice | undefined, permission: Permission): boolean {
  if (!choice) return false;
  return (choice.site.permissions ?? []).includes(permission) || (choice.organisation.permissions ?? []).includes(permission);
}

/** Whether the user holds a permission in the organisation itself. */
export function canInOrganisation(organisation: OrganisationView | undefined, permission: Permission): boolean {
  return (organisation?.permissions ?? []).includes(permission);
}
