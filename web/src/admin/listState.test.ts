import { describe, expect, it } from 'vitest';
import { memberFiltersFrom, memberQuery, searchOf, siteFiltersFrom, siteQuery, withFilter, type MemberFilters } from './listState';

describe('list filters in the URL', () => {
  it('read members’ filters and page, ignoring what is not a filter', () => {
    expect(memberFiltersFrom(new URLSearchParams('q=ada&role=ADMIN&status=DEACTIVATED&page=3'))).toEqual({ q: 'ada', role: 'ADMIN', status: 'DEACTIVATED', page: 3 });
    expect(memberFiltersFrom(new URLSearchParams('role=KING&status=x&page=-2'))).toEqual({ q: '', role: '', status: '', page: 1 });
  });

  it('write only what differs from the plain list', () => {
    expect(searchOf({ q: '', role: '', status: '', page: 1 }).toString()).toBe('');
    expect(searchOf({ q: 'ada', status: 'inactive', page: 2 }).toString()).toBe('q=ada&status=inactive&page=2');
  });

  it('go back to the first page when a filter changes', () => {
    const fourth: MemberFilters = { q: '', role: '', status: '', page: 4 };
    expect(withFilter(fourth, { role: 'OWNER' })).toEqual({ q: '', role: 'OWNER', status: '', page: 1 });
  });

  it('become API queries with pages from 0', () => {
    expect(memberQuery({ q: ' ada ', role: 'MEMBER', status: '', page: 2 })).toEqual({ page: 1, size: 20, sort: 'name', q: 'ada', role: 'MEMBER' });
    expect(siteQuery(siteFiltersFrom(new URLSearchParams('status=inactive')))).toEqual({ page: 0, size: 20, sort: 'name', active: false });
  });
});
