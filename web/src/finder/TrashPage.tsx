import { useState } from 'react';
import { Link } from 'react-router';
import { Button, Center, EmptyState, Group, Loader, Skeleton, Stack, Table, Text, Title } from '@mantine/core';
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../api/client';
import { useCurrentSite } from '../auth/currentSite';
import { can, useMe } from '../auth/me';
import { restoreWithNotice } from '../interactions/deleteWithUndo';
import { interactionKeys } from '../interactions/interactionsApi';
import { usePeople } from '../organisation/directory';
import { formatInstantIn } from '../interactions/time';
import { RETENTION_DAYS, daysLeft, daysLeftText } from '../interactions/trash';
import { ErrorState } from '../layout/ErrorState';
import { NotFoundPage } from '../layout/NotFoundPage';

const PAGE = 20;
const localZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone;

/** /sites/:siteId/interactions/trash: deleted interactions, newest first, restorable until purged. */
export default function TrashPage() {
  const me = useMe();
  const choice = useCurrentSite();
  const client = useQueryClient();
  const { mentionOf: nameOf } = usePeople(me.data, choice?.organisation);
  const siteId = choice?.site.id ?? '';
  const allowed = can(choice, 'INTERACTION_DELETE');
  // keyset pages: each entry is the `before` cursor of a page already visited, so Previous goes back exactly
  const [cursors, setCursors] = useState<Array<string | undefined>>([undefined]);
  const before = cursors[cursors.length - 1];
  const [restoring, setRestoring] = useState<string | null>(null);

  const page = useQuery({
    queryKey: [...interactionKeys.trash(siteId), before ?? 'first'],
    // one more than shown tells whether there is a next page
    queryFn: () =>
      unwrap(api.GET('/api/v1/sites/{siteId}/interactions/trash', { params: { path: { siteId }, query: { before, size: PAGE + 1 } } })),
    enabled: !!siteId && allowed,
    placeholderData: keepPreviousData,
  });

  if (me.isPending) {
    return (
      <Center h="40vh">
        <Loader role="status" aria-label="Loading" />
      </Center>
    );
  }
  if (me.isError) return <ErrorState error={me.error} onRetry={() => void me.refetch()} />;
  if (!choice) return <NotFoundPage />;

  const finderPath = `/sites/${siteId}/interactions`;
  const siteName = choice.site.name ?? 'this site';
  const header = (
    <Stack gap={4}>
      <Title order={1}>Trash</Title>
      <Text c="dimmed">
        Deleted interactions at {siteName}, most recently deleted first. Each stays here for {RETENTION_DAYS} days, then it is removed for
        good.
      </Text>
    </Stack>
  );

  if (!allowed) {
    return (
      <Stack maw={880}>
        {header}
        <Text>Only site administrators can see and restore deleted interactions at {siteName}. Ask one if you need something back.</Text>
        <Button component={Link} to={finderPath} variant="light" w="fit-content">
          Back to the interactions
        </Button>
      </Stack>
    );
  }

  const items = page.data?.slice(0, PAGE) ?? [];
  const next = page.data && page.data.length > PAGE ? page.data[PAGE - 1]?.id : undefined;
  const first = cursors.length === 1;

  const restore = async (id: string, title: string) => {
    setRestoring(id);
    await restoreWithNotice(client, { siteId, id, title });
    setRestoring(null);
  };

  let body;
  if (page.isPending) {
    body = (
      <Stack role="status" aria-label="Loading the trash" gap="xs">
        {Array.from({ length: 5 }, (_, index) => (
          <Skeleton key={index} height={44} />
        ))}
      </Stack>
    );
  } else if (page.isError) {
    body = <ErrorState error={page.error} onRetry={() => void page.refetch()} />;
  } else if (items.length === 0 && first) {
    body = (
      <EmptyState>
        <EmptyState.Title order={2}>The trash is empty</EmptyState.Title>
        <EmptyState.Description>
          Nothing has been deleted at {siteName} in the last {RETENTION_DAYS} days. When someone deletes an interaction, it waits here and can
          be restored.
        </EmptyState.Description>
        <EmptyState.Actions>
          <Button component={Link} to={finderPath} variant="light">
            Back to the interactions
          </Button>
        </EmptyState.Actions>
      </EmptyState>
    );
  } else if (items.length === 0) {
    body = <Text>Nothing is left on this page: everything here has been restored or removed. Go back to the previous page.</Text>;
  } else {
    body = (
      <Table.ScrollContainer minWidth={760}>
        <Table striped highlightOnHover verticalSpacing="sm" aria-label={`Deleted interactions at ${siteName}`}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">Interaction</Table.Th>
              <Table.Th scope="col">Started</Table.Th>
              <Table.Th scope="col">Deleted</Table.Th>
              <Table.Th scope="col">Deleted by</Table.Th>
              <Table.Th scope="col">Days left</Table.Th>
              <Table.Th scope="col">Action</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((item) => {
              const title = item.title ?? '';
              const who = nameOf(item.updatedBy);
              return (
                <Table.Tr key={item.id}>
                  <Table.Td>
                    <Text fw={600} size="sm">
                      {title}
                    </Text>
                    <Text size="xs" c="dimmed">
                      {item.type} · {item.lead}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{formatInstantIn(item.start, item.timezone ?? '')}</Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{formatInstantIn(item.deletedAt, localZone())}</Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{who.charAt(0).toUpperCase() + who.slice(1)}</Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{daysLeftText(daysLeft(item.deletedAt))}</Text>
                  </Table.Td>
                  <Table.Td>
                    <Button
                      size="xs"
                      variant="light"
                      loading={restoring === item.id}
                      aria-label={`Restore “${title}”`}
                      onClick={() => void restore(item.id!, title)}
                    >
                      Restore
                    </Button>
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    );
  }

  return (
    <Stack maw={1100} gap="md">
      {header}
      {body}
      {(!first || next) && (
        <Group gap="sm" aria-label="Pages" role="navigation">
          <Button variant="default" disabled={first} onClick={() => setCursors((list) => list.slice(0, -1))}>
            Previous page
          </Button>
          <Text size="sm">Page {cursors.length}</Text>
          <Button variant="default" disabled={!next || page.isFetching} onClick={() => next && setCursors((list) => [...list, next])}>
            Next page
          </Button>
        </Group>
      )}
    </Stack>
  );
}
