import { useCallback } from 'react';
import { useParams } from 'react-router';
import { useQueryClient } from '@tanstack/react-query';
import { api } from '../api/client';
import { meQueryKey, sitesOf, useMe, type Overview, type SiteChoice } from './me';

const PREFERENCE = 'lastSiteId';

/** The site the user last chose: kept in their server-side preferences, so it follows them to other browsers. */
export function rememberedSiteId(me: Overview | undefined): string | undefined {
  const preferences = (me?.preferences ?? {}) as Record<string, unknown>;
  const id = preferences[PREFERENCE];
  return typeof id === 'string' ? id : undefined;
}

/** Where a signed-in user lands: their remembered site, their only site, or the site chooser (undefined). */
export function landingSite(me: Overview | undefined): SiteChoice | undefined {
  const sites = sitesOf(me);
  const remembered = rememberedSiteId(me);
  return sites.find((choice) => choice.site.id === remembered) ?? (sites.length === 1 ? sites[0] : undefined);
}

/** The site named by the URL (/sites/:siteId/...), with its organisation. */
export function useCurrentSite(): SiteChoice | undefined {
  const { siteId } = useParams();
  const { data: me } = useMe();
  return sitesOf(me).find((choice) => choice.site.id === siteId);
}

/** Stores the chosen site in the user's preferences (best effort; the URL already holds it). */
export function useRememberSite() {
  const client = useQueryClient();
  return useCallback(
    async (siteId: string) => {
      const me = client.getQueryData<Overview>(meQueryKey);
      if (!me || rememberedSiteId(me) === siteId) return;
      const preferences = { ...((me.preferences ?? {}) as Record<string, unknown>), [PREFERENCE]: siteId };
      client.setQueryData<Overview>(meQueryKey, { ...me, preferences });
      await api.PUT('/api/v1/auth/me/preferences', { body: preferences as never });
    },
    [client],
  );
}
