import { Fragment, useState } from 'react';
import { Alert, Button, Card, Code, DataList, Group, Loader, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { keepPreviousData, useInfiniteQuery, useMutation, useQuery } from '@tanstack/react-query';
import { DateTime } from 'luxon';
import { api, unwrap } from '../api/client';
import { ApiError } from '../api/problems';
import type { OrganisationView } from '../auth/me';
import { ErrorState } from '../layout/ErrorState';
import { useUrlState } from '../url/useUrlState';
import {
  ACTION_FAMILIES,
  ACTIONS,
  actionLabel,
  auditFiltersFrom,
  auditQuery,
  auditSearch,
  changeRows,
  NO_AUDIT_FILTERS,
  targetText,
  verificationSentence,
  type AuditFilters,
} from './audit';
import { ListEmpty, ListLoading } from './ListStates';
import { notifyFailure } from './notify';
import { keys, useAllSites, useMemberDirectory, type AuditEntry } from './queries';

const PAGE = 50;

/** The organisation's audit trail, newest first, with filters in the URL and a chain check. */
export default function AuditSection({ organisation }: { organisation: OrganisationView }) {
  const organisationId = organisation.id!;
  const [filters, update] = useUrlState(auditFiltersFrom, auditSearch);
  const zone = DateTime.local().zoneName ?? 'UTC';
  const { query, problem } = auditQuery(filters, zone);
  const filter = (change: Partial<AuditFilters>) => update((current) => ({ ...current, ...change }), { replace: true });
  const filtered = Object.values(filters).some((value) => value !== '');

  const members = useMemberDirectory(organisationId);
  const sites = useAllSites(organisationId);
  const memberName = (id: string) => members.data?.find((m) => m.userId === id)?.displayName;
  const siteName = (id: string) => sites.data?.find((s) => s.id === id)?.name;

  const entries = useInfiniteQuery({
    queryKey: [...keys.audit(organisationId), query],
    queryFn: ({ pageParam }) =>
      unwrap(
        api.GET('/api/v1/organisations/{organisationId}/audit-events', {
          params: { path: { organisationId }, query: { ...query, size: PAGE, ...(pageParam ? { cursor: pageParam } : {}) } },
        }),
      ),
    initialPageParam: '',
    getNextPageParam: (last) => last.nextCursor || undefined,
    placeholderData: keepPreviousData,
  });

  const verify = useMutation({
    mutationFn: () => unwrap(api.GET('/api/v1/organisations/{organisationId}/audit-events/verify', { params: { path: { organisationId } } })),
    onError: (error) => notifyFailure('The audit trail could not be checked', error),
  });

  const actionOptions = [
    { group: 'Kinds of change', items: ACTION_FAMILIES },
    {
      group: 'Actions',
      items: [...ACTIONS, ...(filters.action && !ACTIONS.includes(filters.action) && !ACTION_FAMILIES.some((f) => f.value === filters.action) ? [filters.action] : [])].map(
        (action) => ({ value: action, label: `${actionLabel(action)} (${action})` }),
      ),
    },
  ];
  const actorOptions = (members.data ?? []).map((m) => ({ value: m.userId!, label: `${m.displayName} (${m.email})` }));
  if (filters.actor && !actorOptions.some((o) => o.value === filters.actor)) actorOptions.push({ value: filters.actor, label: 'Someone not listed among the members' });

  const phone = useMediaQuery('(max-width: 48em)');
  const items = entries.data?.pages.flatMap((page) => page.items ?? []) ?? [];

  return (
    <Stack>
      <Group justify="space-between" align="flex-end">
        <Title order={2}>Audit log</Title>
        <Button variant="default" onClick={() => verify.mutate()} loading={verify.isPending}>
          Verify integrity
        </Button>
      </Group>
      <div role="status" aria-live="polite">
        {verify.data && (
          <Alert variant="outline" color={verify.data.valid ? 'teal.9' : 'red.9'} title={verify.data.valid ? 'Audit trail intact' : 'Audit trail broken'} withCloseButton={false}>
            {verificationSentence(verify.data)}
          </Alert>
        )}
      </div>
      <Text size="sm" c="dimmed" maw={760}>
        Every change to the organisation is recorded here, newest first, and cannot be edited. Times are in your time zone ({zone}).
      </Text>
      <Group align="flex-end" wrap="wrap">
        <Select
          label="Action"
          placeholder="Any action"
          data={actionOptions}
          value={filters.action || null}
          onChange={(action) => filter({ action: action ?? '' })}
          searchable
          clearable
          nothingFoundMessage="No action matches"
          w={{ base: '100%', sm: 300 }}
          comboboxProps={{ withinPortal: true }}
        />
        <Select
          label="Who"
          placeholder="Anyone"
          data={actorOptions}
          value={filters.actor || null}
          onChange={(actor) => filter({ actor: actor ?? '' })}
          searchable
          clearable
          nothingFoundMessage="No member matches"
          w={{ base: '100%', sm: 280 }}
          comboboxProps={{ withinPortal: true }}
        />
        <TextInput label="From" type="date" value={filters.from} onChange={(e) => filter({ from: e.currentTarget.value })} w={{ base: '100%', sm: 170 }} />
        <TextInput
          label="To"
          type="date"
          value={filters.to}
          onChange={(e) => filter({ to: e.currentTarget.value })}
          error={problem}
          w={{ base: '100%', sm: 170 }}
        />
        {filtered && (
          <Button variant="subtle" onClick={() => update(NO_AUDIT_FILTERS, { replace: true })}>
            Clear filters
          </Button>
        )}
      </Group>
      {entries.isPending ? (
        <ListLoading label="Loading the audit log" />
      ) : entries.isError ? (
        <ErrorState error={entries.error} onRetry={() => entries.refetch()} />
      ) : items.length === 0 ? (
        filtered ? (
          <ListEmpty
            title="No entry matches these filters"
            action={
              <Button variant="default" onClick={() => update(NO_AUDIT_FILTERS, { replace: true })}>
                Clear filters
              </Button>
            }
          >
            Widen the dates, choose another action or person, or clear the filters.
          </ListEmpty>
        ) : (
          <ListEmpty title="Nothing recorded yet">Changes to sites, members and interactions appear here as they happen.</ListEmpty>
        )
      ) : (
        <>
          {phone ? (
            <Stack component="ul" aria-label="Audit entries" gap="sm" p={0} m={0} style={{ listStyle: 'none' }}>
              {items.map((entry) => (
                <EntryCard key={entry.id} entry={entry} organisationId={organisationId} memberName={memberName} siteName={siteName} organisationName={organisation.name ?? ''} />
              ))}
            </Stack>
          ) : (
            <Table.ScrollContainer minWidth={760}>
              <Table verticalSpacing="sm" aria-label="Audit entries" aria-busy={entries.isFetching}>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>When</Table.Th>
                    <Table.Th>Who</Table.Th>
                    <Table.Th>What</Table.Th>
                    <Table.Th>About</Table.Th>
                    <Table.Th>Changes</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {items.map((entry) => (
                    <EntryRows
                      key={entry.id}
                      entry={entry}
                      organisationId={organisationId}
                      memberName={memberName}
                      siteName={siteName}
                      organisationName={organisation.name ?? ''}
                    />
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )}
          <Group justify="center">
            {entries.hasNextPage ? (
              <Button variant="default" onClick={() => entries.fetchNextPage()} loading={entries.isFetchingNextPage}>
                Load older entries
              </Button>
            ) : (
              <Text size="sm" c="dimmed">
                {filtered ? 'These are all the matching entries.' : 'This is the first entry of the audit log.'}
              </Text>
            )}
          </Group>
        </>
      )}
    </Stack>
  );
}

interface EntryProps {
  entry: AuditEntry;
  organisationId: string;
  memberName: (id: string) => string | undefined;
  siteName: (id: string) => string | undefined;
  organisationName: string;
}

/** What one entry shows, in words, whichever way it is laid out. */
function useEntryWords({ entry, memberName, siteName, organisationName }: EntryProps) {
  const [open, setOpen] = useState(false);
  const when = DateTime.fromISO(entry.occurredAt ?? '');
  const target = targetText(entry, { member: memberName, site: siteName, organisation: organisationName });
  const rows = changeRows(entry.changes, siteName);
  const detailsId = `audit-changes-${entry.id}`;
  const toggle =
    rows.length > 0 ? (
      <Button size="xs" variant="default" aria-expanded={open} aria-controls={open ? detailsId : undefined} onClick={() => setOpen((o) => !o)}>
        {open ? 'Hide changes' : `Show ${rows.length === 1 ? '1 change' : `${rows.length} changes`}`}
      </Button>
    ) : (
      <Text size="sm" c="dimmed">
        None recorded
      </Text>
    );
  const changes = (
    <Table withRowBorders={false} verticalSpacing={4} aria-label={`Changes: ${actionLabel(entry.action ?? '')}, ${target}`}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>Field</Table.Th>
          <Table.Th>Before</Table.Th>
          <Table.Th>After</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rows.map((row) => (
          <Table.Tr key={row.field}>
            <Table.Td>{row.field}</Table.Td>
            <Table.Td>{row.before}</Table.Td>
            <Table.Td>
              <span aria-hidden>→ </span>
              {row.after}
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
  return {
    open,
    detailsId,
    toggle,
    changes,
    when: <Text size="sm" title={entry.occurredAt}>{when.isValid ? when.toLocal().toFormat('d LLL yyyy, HH:mm:ss') : entry.occurredAt}</Text>,
    what: (
      <>
        <Text size="sm">{actionLabel(entry.action ?? '')}</Text>
        <Code fz="xs" c="dark.7">
          {entry.action}
        </Code>
      </>
    ),
    about: (
      <>
        <Text size="sm">{target}</Text>
        {entry.siteId && (
          <Text size="sm" c="dimmed">
            at {siteName(entry.siteId) ?? 'a site no longer listed'}
          </Text>
        )}
      </>
    ),
  };
}

function EntryRows(props: EntryProps) {
  const { entry, organisationId, memberName } = props;
  const words = useEntryWords(props);
  return (
    <Fragment>
      <Table.Tr>
        <Table.Td>{words.when}</Table.Td>
        <Table.Td>
          <ActorName organisationId={organisationId} actorId={entry.actorId} known={entry.actorId ? memberName(entry.actorId) : undefined} />
        </Table.Td>
        <Table.Td>{words.what}</Table.Td>
        <Table.Td>{words.about}</Table.Td>
        <Table.Td>{words.toggle}</Table.Td>
      </Table.Tr>
      {words.open && (
        <Table.Tr id={words.detailsId}>
          <Table.Td colSpan={5} bg="gray.0">
            {words.changes}
          </Table.Td>
        </Table.Tr>
      )}
    </Fragment>
  );
}

function EntryCard(props: EntryProps) {
  const { entry, organisationId, memberName } = props;
  const words = useEntryWords(props);
  return (
    <Card component="li" withBorder padding="sm">
      {words.when}
      <DataList size="sm" gap="xs" mt="xs" labelWidth="5rem">
        <DataList.Item>
          <DataList.ItemLabel>Who</DataList.ItemLabel>
          <DataList.ItemValue>
            <ActorName organisationId={organisationId} actorId={entry.actorId} known={entry.actorId ? memberName(entry.actorId) : undefined} />
          </DataList.ItemValue>
        </DataList.Item>
        <DataList.Item>
          <DataList.ItemLabel>What</DataList.ItemLabel>
          <DataList.ItemValue>{words.what}</DataList.ItemValue>
        </DataList.Item>
        <DataList.Item>
          <DataList.ItemLabel>About</DataList.ItemLabel>
          <DataList.ItemValue>{words.about}</DataList.ItemValue>
        </DataList.Item>
      </DataList>
      <Group mt="xs">{words.toggle}</Group>
      {words.open && (
        <Card.Section id={words.detailsId} bg="gray.0" p="xs" mt="xs">
          {words.changes}
        </Card.Section>
      )}
    </Card>
  );
}

/** Names the actor: a member from the directory, else looked up once; people outside the organisation are said to be. */
function ActorName({ organisationId, actorId, known }: { organisationId: string; actorId: string | undefined; known: string | undefined }) {
  const lookup = useQuery({
    queryKey: [...keys.members(organisationId), 'one', actorId],
    queryFn: () => unwrap(api.GET('/api/v1/organisations/{organisationId}/members/{userId}', { params: { path: { organisationId, userId: actorId! } } })),
    enabled: !!actorId && !known,
    staleTime: Infinity,
  });
  if (!actorId) return <Text size="sm">Atrium (automatic)</Text>;
  if (known) return <Text size="sm">{known}</Text>;
  if (lookup.isPending) return <Loader size="xs" role="status" aria-label="Loading name" />;
  if (lookup.data) return <Text size="sm">{lookup.data.displayName}</Text>;
  const outsider = lookup.error instanceof ApiError && lookup.error.status === 404;
  return <Text size="sm">{outsider ? 'Someone outside the organisation (such as an Atrium operator)' : 'Unknown'}</Text>;
}
