import { useState } from 'react';
import { Badge, Button, Group, Menu, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { createColumnHelper, getCoreRowModel, useReactTable } from '@tanstack/react-table';
import { DateTime } from 'luxon';
import { api, unwrap } from '../api/client';
import { canInOrganisation, useMe, type OrganisationView } from '../auth/me';
import { ErrorState } from '../layout/ErrorState';
import { useUrlState } from '../url/useUrlState';
import { AddMemberModal } from './AddMemberModal';
import { ListEmpty, ListLoading, ListPages, RecordTable } from './ListStates';
import { memberFiltersFrom, PAGE_SIZE, searchOf, withFilter, type MemberFilters } from './listState';
import { MemberRolesModal } from './MemberRolesModal';
import { confirmAction, notifyFailure, notifySuccess } from './notify';
import { keys, useAllSites, useMembersPage, type Member, type Site } from './queries';
import { ORGANISATION_ROLE_WORDS, SITE_ROLE_WORDS } from './RoleFields';

const column = createColumnHelper<Member>();

type MemberAction = 'deactivate' | 'reactivate' | 'unlock';

const ACTION_WORDS: Record<MemberAction, { done: (name: string) => string; failed: (name: string) => string }> = {
  deactivate: { done: (n) => `${n} is deactivated.`, failed: (n) => `${n} could not be deactivated` },
  reactivate: { done: (n) => `${n} is active again.`, failed: (n) => `${n} could not be reactivated` },
  unlock: { done: (n) => `${n} can sign in again.`, failed: (n) => `${n} could not be unlocked` },
};

/** The organisation's members: find, add, change roles, deactivate, reactivate, unlock. */
export default function MembersSection({ organisation }: { organisation: OrganisationView }) {
  const organisationId = organisation.id!;
  const [filters, update] = useUrlState(memberFiltersFrom, searchOf);
  const show = (next: MemberFilters | ((current: MemberFilters) => MemberFilters)) => update(next, { replace: true });
  const members = useMembersPage(organisationId, filters);
  const sites = useAllSites(organisationId);
  const { data: me } = useMe();
  const client = useQueryClient();
  const [search, setSearch] = useState(filters.q);
  const applySearch = useDebouncedCallback((q: string) => show((current) => withFilter(current, { q })), 300);
  const [adding, setAdding] = useState(false);
  const [editing, setEditing] = useState<Member | null>(null);

  const mayManage = canInOrganisation(organisation, 'MEMBER_MANAGE');
  const isOwner = organisation.role === 'OWNER' || me?.superAdmin === true;
  const siteName = (id: string | undefined) => sites.data?.find((s) => s.id === id)?.name ?? 'a site';

  const act = useMutation({
    mutationFn: ({ member, action }: { member: Member; action: MemberAction }) => {
      const path = { organisationId, userId: member.userId! };
      if (action === 'deactivate') return unwrap(api.POST('/api/v1/organisations/{organisationId}/members/{userId}/deactivate', { params: { path } }));
      if (action === 'reactivate') return unwrap(api.POST('/api/v1/organisations/{organisationId}/members/{userId}/reactivate', { params: { path } }));
      return unwrap(api.POST('/api/v1/organisations/{organisationId}/members/{userId}/unlock', { params: { path } }));
    },
    onSuccess: (_, { member, action }) => {
      notifySuccess(ACTION_WORDS[action].done(member.displayName ?? member.email ?? 'The member'));
      void client.invalidateQueries({ queryKey: keys.members(organisationId) });
      void client.invalidateQueries({ queryKey: keys.audit(organisationId) });
    },
    onError: (error, { member, action }) => notifyFailure(ACTION_WORDS[action].failed(member.displayName ?? member.email ?? 'The member'), error),
  });

  const confirmStatus = (member: Member) => {
    const deactivating = member.status === 'ACTIVE';
    confirmAction({
      title: deactivating ? `Deactivate ${member.displayName}?` : `Reactivate ${member.displayName}?`,
      body: deactivating
        ? `${member.displayName} can no longer open ${organisation.name} or any of its sites, from the moment you confirm. What they recorded stays. You can reactivate them later with the same roles.`
        : `${member.displayName} can open ${organisation.name} again with the roles they had.`,
      confirm: deactivating ? 'Deactivate' : 'Reactivate',
      danger: deactivating,
      onConfirm: () => act.mutate({ member, action: deactivating ? 'deactivate' : 'reactivate' }),
    });
  };

  const columns = [
    column.display({
      id: 'name',
      header: 'Name',
      cell: ({ row: { original: m } }) => (
        <div>
          <Text size="sm" fw={600}>
            {m.displayName}
            {m.userId === me?.user?.id ? ' (you)' : ''}
          </Text>
          <Text size="sm" c="dimmed">
            {m.email}
          </Text>
        </div>
      ),
    }),
    column.display({ id: 'role', header: 'Organisation role', cell: ({ row }) => ORGANISATION_ROLE_WORDS[row.original.role ?? 'MEMBER'].label }),
    column.display({
      id: 'sites',
      header: 'Site roles',
      cell: ({ row: { original: m } }) =>
        m.sites?.length ? (
          <Text size="sm">{m.sites.map((s) => `${siteName(s.siteId)}: ${SITE_ROLE_WORDS[s.role ?? 'VIEWER']}`).join(', ')}</Text>
        ) : (
          <Text size="sm" c="dimmed">
            {m.role === 'MEMBER' ? 'No site yet' : 'Every site'}
          </Text>
        ),
    }),
    column.display({
      id: 'status',
      header: 'Status',
      cell: ({ row: { original: m } }) => (
        <Group gap={4}>
          {m.status === 'ACTIVE' ? (
            <Badge color="teal.9" variant="outline">
              Active
            </Badge>
          ) : (
            <Badge color="gray.8" variant="outline">
              Deactivated
            </Badge>
          )}
          {m.lockedUntil && (
            <Badge color="red.9" variant="outline" title="Too many failed sign-ins">
              Locked until {DateTime.fromISO(m.lockedUntil).toLocaleString(DateTime.TIME_SIMPLE)}
            </Badge>
          )}
        </Group>
      ),
    }),
    ...(mayManage
      ? [
          column.display({
            id: 'actions',
            header: 'Actions',
            cell: ({ row: { original: m } }) => {
              // the server lets only owners change owners; say so instead of offering what would fail
              const ownerOnly = m.role === 'OWNER' && !isOwner;
              const self = m.userId === me?.user?.id;
              return (
                <Menu position="bottom-end" withinPortal>
                  <Menu.Target>
                    <Button size="xs" variant="default" aria-label={`Actions for ${m.displayName}`}>
                      Actions
                    </Button>
                  </Menu.Target>
                  <Menu.Dropdown>
                    {ownerOnly && <Menu.Label>Only an owner may change an owner</Menu.Label>}
                    <Menu.Item disabled={ownerOnly} onClick={() => setEditing(m)}>
                      Change roles
                    </Menu.Item>
                    {m.lockedUntil && <Menu.Item onClick={() => act.mutate({ member: m, action: 'unlock' })}>Unlock sign-in</Menu.Item>}
                    {!self && (
                      <Menu.Item disabled={ownerOnly} color={m.status === 'ACTIVE' ? 'red.9' : undefined} onClick={() => confirmStatus(m)}>
                        {m.status === 'ACTIVE' ? 'Deactivate' : 'Reactivate'}
                      </Menu.Item>
                    )}
                  </Menu.Dropdown>
                </Menu>
              );
            },
          }),
        ]
      : []),
  ];
  const table = useReactTable({ data: members.data?.items ?? [], columns, getCoreRowModel: getCoreRowModel(), getRowId: (m) => m.userId! });
  const filtered = filters.q !== '' || filters.role !== '' || filters.status !== '';
  const allSites: Site[] = sites.data ?? [];

  return (
    <Stack>
      <Group justify="space-between" align="flex-end">
        <Title order={2}>Members</Title>
        {mayManage && (
          <Button onClick={() => setAdding(true)} disabled={sites.isPending}>
            Add member
          </Button>
        )}
      </Group>
      <Group align="flex-end" wrap="wrap">
        <TextInput
          label="Search members"
          placeholder="Name or email"
          value={search}
          onChange={(event) => {
            setSearch(event.currentTarget.value);
            applySearch(event.currentTarget.value);
          }}
          w={{ base: '100%', sm: 260 }}
        />
        <Select
          label="Organisation role"
          data={[
            { value: '', label: 'Any role' },
            { value: 'OWNER', label: 'Owner' },
            { value: 'ADMIN', label: 'Admin' },
            { value: 'MEMBER', label: 'Member' },
          ]}
          value={filters.role}
          onChange={(role) => show((current) => withFilter(current, { role: (role ?? '') as MemberFilters['role'] }))}
          allowDeselect={false}
          w={{ base: '100%', sm: 180 }}
        />
        <Select
          label="Status"
          data={[
            { value: '', label: 'Any status' },
            { value: 'ACTIVE', label: 'Active' },
            { value: 'DEACTIVATED', label: 'Deactivated' },
          ]}
          value={filters.status}
          onChange={(status) => show((current) => withFilter(current, { status: (status ?? '') as MemberFilters['status'] }))}
          allowDeselect={false}
          w={{ base: '100%', sm: 180 }}
        />
      </Group>
      {members.isPending ? (
        <ListLoading label="Loading members" />
      ) : members.isError ? (
        <ErrorState error={members.error} onRetry={() => members.refetch()} />
      ) : members.data.items?.length === 0 && filters.page > 1 ? (
        <ListEmpty title="This page is empty" action={<Button variant="default" onClick={() => show((current) => ({ ...current, page: 1 }))}>Go to the first page</Button>}>
          The list has become shorter since this page was opened.
        </ListEmpty>
      ) : members.data.items?.length === 0 ? (
        filtered ? (
          <ListEmpty
            title="No member matches"
            action={
              <Button
                variant="default"
                onClick={() => {
                  setSearch('');
                  show({ q: '', role: '', status: '', page: 1 });
                }}
              >
                Show all members
              </Button>
            }
          >
            Check the spelling, try part of the email address, or clear the filters.
          </ListEmpty>
        ) : (
          <ListEmpty title="No members yet" action={mayManage ? <Button onClick={() => setAdding(true)}>Add member</Button> : undefined}>
            Add the people who work for {organisation.name}.
          </ListEmpty>
        )
      ) : (
        <>
          <RecordTable table={table} label="Members" minWidth={760} />
          <ListPages
            label="Pages of members"
            page={filters.page}
            totalPages={members.data.totalPages ?? 1}
            totalItems={members.data.totalItems ?? 0}
            size={PAGE_SIZE}
            onChange={(page) => show((current) => ({ ...current, page }))}
          />
        </>
      )}
      {mayManage && (
        <>
          <AddMemberModal
            organisationId={organisationId}
            organisationName={organisation.name ?? 'the organisation'}
            sites={allSites}
            mayGrantOwner={isOwner}
            opened={adding}
            onClose={() => setAdding(false)}
          />
          <MemberRolesModal organisationId={organisationId} member={editing} sites={allSites} mayGrantOwner={isOwner} onClose={() => setEditing(null)} />
        </>
      )}
    </Stack>
  );
}
