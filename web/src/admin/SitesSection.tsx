import { useMemo, useState } from 'react';
import { Alert, Badge, Button, Group, Modal, Select, Stack, Text, Textarea, TextInput, Title, type ComboboxItem, type OptionsFilter } from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { createColumnHelper, getCoreRowModel, useReactTable } from '@tanstack/react-table';
import { zodResolver } from '@hookform/resolvers/zod';
import { Controller, useForm } from 'react-hook-form';
import { api, unwrap } from '../api/client';
import { ApiError } from '../api/problems';
import { meQueryKey } from '../auth/me';
import { ErrorState } from '../layout/ErrorState';
import { useUrlState } from '../url/useUrlState';
import { showSubmitError } from './formErrors';
import { ListEmpty, ListLoading, ListPages, RecordTable } from './ListStates';
import { PAGE_SIZE, searchOf, siteFiltersFrom, withFilter, type SiteFilters } from './listState';
import { confirmAction, notifyFailure, notifySuccess } from './notify';
import { keys, useSitesPage, type Site } from './queries';
import { siteSchema, type SiteValues } from './schemas';
import { zoneMatches, zoneOptions } from './timezones';

const column = createColumnHelper<Site>();

/** The organisation's sites: list, add, edit, deactivate and reactivate. */
export default function SitesSection({ organisationId }: { organisationId: string }) {
  const [filters, update] = useUrlState(siteFiltersFrom, searchOf);
  const show = (next: SiteFilters | ((current: SiteFilters) => SiteFilters)) => update(next, { replace: true });
  const sites = useSitesPage(organisationId, filters);
  const [editing, setEditing] = useState<Site | 'new' | null>(null);
  const [search, setSearch] = useState(filters.q);
  const applySearch = useDebouncedCallback((q: string) => show((current) => withFilter(current, { q })), 300);
  const client = useQueryClient();

  const setActive = useMutation({
    mutationFn: (site: Site) =>
      unwrap(
        api.PATCH('/api/v1/organisations/{organisationId}/sites/{siteId}', {
          params: { path: { organisationId, siteId: site.id! }, header: { 'If-Match': `"${site.version}"` } },
          body: { active: !site.active },
        }),
      ),
    onSuccess: (site) => {
      notifySuccess(site.active ? `${site.name} is active again.` : `${site.name} is deactivated.`);
      void client.invalidateQueries({ queryKey: keys.sites(organisationId) });
      void client.invalidateQueries({ queryKey: meQueryKey });
    },
    onError: (error, site) => notifyFailure(site.active ? `${site.name} could not be deactivated` : `${site.name} could not be reactivated`, error),
  });

  const confirmActive = (site: Site) =>
    confirmAction({
      title: site.active ? `Deactivate ${site.name}?` : `Reactivate ${site.name}?`,
      body: site.active
        ? 'Nobody can open this site any more and it leaves the site switcher. Its interactions and roles are kept, and you can reactivate it at any time.'
        : 'People with a role at this site can open it again.',
      confirm: site.active ? 'Deactivate' : 'Reactivate',
      danger: site.active,
      onConfirm: () => setActive.mutate(site),
    });

  const columns = [
    column.display({
      id: 'name',
      header: 'Name',
      cell: ({ row }) => (
        <div>
          <Text fw={600} size="sm">
            {row.original.name}
          </Text>
          {row.original.description && (
            <Text size="sm" c="dimmed" lineClamp={2}>
              {row.original.description}
            </Text>
          )}
        </div>
      ),
    }),
    column.display({ id: 'timezone', header: 'Time zone', cell: ({ row }) => row.original.timezone }),
    column.display({
      id: 'status',
      header: 'Status',
      cell: ({ row }) => (row.original.active ? <Badge color="teal.9" variant="outline">Active</Badge> : <Badge color="gray.8" variant="outline">Inactive</Badge>),
    }),
    column.display({
      id: 'actions',
      header: 'Actions',
      cell: ({ row }) => (
        <Group gap="xs" wrap="nowrap">
          <Button size="xs" variant="default" onClick={() => setEditing(row.original)} aria-label={`Edit ${row.original.name}`}>
            Edit
          </Button>
          <Button
            size="xs"
            variant="outline"
            color={row.original.active ? 'red.9' : 'indigo.9'}
            onClick={() => confirmActive(row.original)}
            aria-label={`${row.original.active ? 'Deactivate' : 'Reactivate'} ${row.original.name}`}
          >
            {row.original.active ? 'Deactivate' : 'Reactivate'}
          </Button>
        </Group>
      ),
    }),
  ];
  const table = useReactTable({ data: sites.data?.items ?? [], columns, getCoreRowModel: getCoreRowModel(), getRowId: (site) => site.id! });
  const filtered = filters.q !== '' || filters.status !== '';

  return (
    <Stack>
      <Group justify="space-between" align="flex-end">
        <Title order={2}>Sites</Title>
        <Button onClick={() => setEditing('new')}>Add site</Button>
      </Group>
      <Group align="flex-end" wrap="wrap">
        <TextInput
          label="Search sites"
          placeholder="Name"
          value={search}
          onChange={(event) => {
            setSearch(event.currentTarget.value);
            applySearch(event.currentTarget.value);
          }}
          w={{ base: '100%', sm: 260 }}
        />
        <Select
          label="Status"
          data={[
            { value: '', label: 'All sites' },
            { value: 'active', label: 'Active' },
            { value: 'inactive', label: 'Inactive' },
          ]}
          value={filters.status}
          onChange={(status) => show((current) => withFilter(current, { status: (status ?? '') as SiteFilters['status'] }))}
          allowDeselect={false}
          w={{ base: '100%', sm: 180 }}
        />
      </Group>
      {sites.isPending ? (
        <ListLoading label="Loading sites" />
      ) : sites.isError ? (
        <ErrorState error={sites.error} onRetry={() => sites.refetch()} />
      ) : sites.data.items?.length === 0 && filters.page > 1 ? (
        <ListEmpty title="This page is empty" action={<Button variant="default" onClick={() => show((current) => ({ ...current, page: 1 }))}>Go to the first page</Button>}>
          The list has become shorter since this page was opened.
        </ListEmpty>
      ) : sites.data.items?.length === 0 ? (
        filtered ? (
          <ListEmpty
            title="No site matches"
            action={
              <Button variant="default" onClick={() => { setSearch(''); show({ q: '', status: '', page: 1 }); }}>
                Show all sites
              </Button>
            }
          >
            Try another name, or show every site.
          </ListEmpty>
        ) : (
          <ListEmpty title="No sites yet" action={<Button onClick={() => setEditing('new')}>Add site</Button>}>
            Add the places your organisation works at; members get roles at each site.
          </ListEmpty>
        )
      ) : (
        <>
          <RecordTable table={table} label="Sites" minWidth={640} />
          <ListPages
            label="Pages of sites"
            page={filters.page}
            totalPages={sites.data.totalPages ?? 1}
            totalItems={sites.data.totalItems ?? 0}
            size={PAGE_SIZE}
            onChange={(page) => show((current) => ({ ...current, page }))}
          />
        </>
      )}
      <SiteFormModal organisationId={organisationId} site={editing} onClose={() => setEditing(null)} />
    </Stack>
  );
}

/** Searches zone labels the way people type them ("new york", "kolkata"). */
const zoneFilter: OptionsFilter = ({ options, search }) =>
  (options as ComboboxItem[]).filter((option) => zoneMatches(option.label, search));

const SITE_FIELDS: Record<string, string> = { name: 'Name', description: 'Description', timezone: 'Time zone' };

function SiteFormModal({ organisationId, site, onClose }: { organisationId: string; site: Site | 'new' | null; onClose: () => void }) {
  return (
    <Modal opened={site !== null} onClose={onClose} title={site === 'new' ? 'Add a site' : `Edit ${site?.name ?? 'site'}`} size="lg" closeButtonProps={{ 'aria-label': 'Close' }}>
      {site !== null && <SiteForm key={site === 'new' ? 'new' : site.id} organisationId={organisationId} site={site === 'new' ? null : site} onDone={onClose} />}
    </Modal>
  );
}

function browserZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone ?? 'UTC';
}

function SiteForm({ organisationId, site, onDone }: { organisationId: string; site: Site | null; onDone: () => void }) {
  const client = useQueryClient();
  const [failure, setFailure] = useState<string | null>(null);
  const zones = useMemo(() => zoneOptions([site?.timezone, browserZone()]), [site?.timezone]);
  const form = useForm<SiteValues>({
    resolver: zodResolver(siteSchema),
    defaultValues: { name: site?.name ?? '', description: site?.description ?? '', timezone: site?.timezone ?? browserZone() },
  });

  const submit = form.handleSubmit(async (values) => {
    setFailure(null);
    try {
      const body = { name: values.name, description: values.description, timezone: values.timezone };
      const saved = site
        ? await unwrap(
            api.PATCH('/api/v1/organisations/{organisationId}/sites/{siteId}', {
              params: { path: { organisationId, siteId: site.id! }, header: { 'If-Match': `"${site.version}"` } },
              body,
            }),
          )
        : await unwrap(api.POST('/api/v1/organisations/{organisationId}/sites', { params: { path: { organisationId } }, body }));
      notifySuccess(site ? `${saved.name} is saved.` : `${saved.name} is added.`);
      await client.invalidateQueries({ queryKey: keys.sites(organisationId) });
      void client.invalidateQueries({ queryKey: meQueryKey });
      onDone();
    } catch (error) {
      if (error instanceof ApiError && error.status === 412) {
        setFailure('Someone else changed this site while you were editing it. Close this window and open the site again to see their changes.');
        void client.invalidateQueries({ queryKey: keys.sites(organisationId) });
      } else {
        setFailure(showSubmitError(error, form.setError, (field) => SITE_FIELDS[field]));
      }
    }
  });

  const { errors, isSubmitting } = form.formState;
  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        {failure && (
          <Alert color="red.9" variant="outline" role="alert" title={site ? 'The site was not saved' : 'The site was not added'}>
            {failure}
          </Alert>
        )}
        <TextInput label="Name" required data-autofocus {...form.register('name')} error={errors.name?.message} />
        <Textarea
          label="Description"
          description="Optional: what happens at this site, its address, anything members should know."
          autosize
          minRows={2}
          maxRows={6}
          {...form.register('description')}
          error={errors.description?.message}
        />
        <Controller
          control={form.control}
          name="timezone"
          render={({ field }) => (
            <Select
              label="Time zone"
              description="Times of the site's interactions are entered and shown in this zone. Type a city to search."
              required
              searchable
              data={zones}
              filter={zoneFilter}
              limit={50}
              nothingFoundMessage="No time zone matches. Try the name of a large city nearby."
              value={field.value}
              onChange={(zone) => field.onChange(zone ?? '')}
              onBlur={field.onBlur}
              ref={field.ref}
              error={errors.timezone?.message}
              allowDeselect={false}
              comboboxProps={{ withinPortal: true }}
            />
          )}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            Cancel
          </Button>
          <Button type="submit" loading={isSubmitting}>
            {site ? 'Save site' : 'Add site'}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
