import type { OrganisationRole } from './schemas';

// Filters and page of the members and sites lists live in the URL, so a filtered list can be
// bookmarked, shared and survives a reload. Pages count from 1 in the URL and from 0 at the API.

export const PAGE_SIZE = 20;

export interface MemberFilters {
  q: string;
  role: OrganisationRole | '';
  status: 'ACTIVE' | 'DEACTIVATED' | '';
  page: number;
}

export interface SiteFilters {
  q: string;
  status: 'active' | 'inactive' | '';
  page: number;
}

function page(params: URLSearchParams): number {
  const value = Number(params.get('page'));
  return Number.isInteger(value) && value >= 1 ? value : 1;
}

function oneOf<T extends string>(value: string | null, allowed: readonly T[]): T | '' {
  return allowed.includes(value as T) ? (value as T) : '';
}

export function memberFiltersFrom(params: URLSearchParams): MemberFilters {
  return {
    q: (params.get('q') ?? '').slice(0, 200),
    role: oneOf(params.get('role'), ['OWNER', 'ADMIN', 'MEMBER'] as const),
    status: oneOf(params.get('status'), ['ACTIVE', 'DEACTIVATED'] as const),
    page: page(params),
  };
}

export function siteFiltersFrom(params: URLSearchParams): SiteFilters {
  return {
    q: (params.get('q') ?? '').slice(0, 200),
    status: oneOf(params.get('status'), ['active', 'inactive'] as const),
    page: page(params),
  };
}

/** URL search for filters: empty values and page 1 are left out. */
export function searchOf(filters: MemberFilters | SiteFilters): URLSearchParams {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(filters)) {
    if (key === 'page' ? value !== 1 : value !== '') params.set(key, String(value));
  }
  return params;
}

/** Changing a filter starts again at the first page. */
export function withFilter<F extends MemberFilters | SiteFilters>(filters: F, change: Partial<Omit<F, 'page'>>): F {
  return { ...filters, ...change, page: 1 };
}

export function memberQuery(filters: MemberFilters) {
  return {
    page: filters.page - 1,
    size: PAGE_SIZE,
    sort: 'name',
    ...(filters.q.trim() ? { q: filters.q.trim() } : {}),
    ...(filters.role ? { role: filters.role } : {}),
    ...(filters.status ? { status: filters.status } : {}),
  };
}

export function siteQuery(filters: SiteFilters) {
  return {
    page: filters.page - 1,
    size: PAGE_SIZE,
    sort: 'name',
    ...(filters.q.trim() ? { q: filters.q.trim() } : {}),
    ...(filters.status ? { active: filters.status === 'active' } : {}),
  };
}
