import { useState } from 'react';
import { Badge, Button, Group, Pagination, Paper, Skeleton, Stack, Text, Title } from '@mantine/core';
import { modals } from '@mantine/modals';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { DateTime } from 'luxon';
import { api, unwrap } from '../api/client';
import { ApiError, describeError } from '../api/problems';
import type { components } from '../api/schema';
import { ErrorState } from '../layout/ErrorState';
import { describeDevice } from './device';

type Session = components['schemas']['SessionView'];

export const sessionsQueryKey = ['sessions'] as const;
const PAGE_SIZE = 10;

function when(iso: string | undefined): string {
  if (!iso) return 'unknown';
  return DateTime.fromISO(iso).toLocaleString(DateTime.DATETIME_MED);
}

function ago(iso: string | undefined): string {
  if (!iso) return 'unknown';
  const time = DateTime.fromISO(iso);
  // a session used seconds ago reads better as "just now" than "in 0 seconds" after clock skew
  return DateTime.now().diff(time, 'minutes').minutes < 1 ? 'just now' : (time.toRelative() ?? when(iso));
}

/** Where the user is signed in, and a way to end the sessions they do not recognise. */
export function SessionsSection() {
  const client = useQueryClient();
  const [page, setPage] = useState(1);
  const sessions = useQuery({ queryKey: sessionsQueryKey, queryFn: () => unwrap(api.GET('/api/v1/auth/sessions')) });

  const end = useMutation({
    mutationFn: async (ids: string[]) => {
      for (const sessionId of ids) {
        try {
          await unwrap(api.DELETE('/api/v1/auth/sessions/{sessionId}', { params: { path: { sessionId } } }));
        } catch (e) {
          // a session that ended meanwhile (signed out, expired) is what the user wanted anyway
          if (!(e instanceof ApiError && e.status === 404)) throw e;
        }
      }
      return ids.length;
    },
    onSuccess: (count) =>
      notifications.show({
        color: 'green',
        title: count === 1 ? 'Session ended' : 'Sessions ended',
        message: count === 1 ? 'That device is signed out.' : `${count} other sessions are signed out.`,
      }),
    onError: (e) => notifications.show({ color: 'red', title: 'Not every session was ended', message: describeError(e) }),
    onSettled: () => client.invalidateQueries({ queryKey: sessionsQueryKey }),
  });

  // the current session first, then the most recently used (the server's order)
  const all = [...(sessions.data ?? [])].sort((a, b) => Number(b.current ?? false) - Number(a.current ?? false));
  const others = all.filter((session) => !session.current);
  const pages = Math.max(1, Math.ceil(all.length / PAGE_SIZE));
  const shown = all.slice((Math.min(page, pages) - 1) * PAGE_SIZE, Math.min(page, pages) * PAGE_SIZE);

  const endAllOthers = () =>
    modals.openConfirmModal({
      title: 'End all other sessions?',
      children: (
        <Text size="sm">
          {others.length === 1 ? 'One other device or app' : `${others.length} other devices and apps`} will be signed out and
          must sign in again. This device stays signed in.
        </Text>
      ),
      labels: { confirm: 'End other sessions', cancel: 'Keep them' },
      confirmProps: { color: 'red.8' },
      onConfirm: () => end.mutate(others.map((session) => session.id!)),
    });

  return (
    <Paper withBorder p={{ base: 'md', sm: 'lg' }} component="section" aria-labelledby="sessions-heading">
      <Stack>
        <Group justify="space-between">
          <Title order={2} size="h3" id="sessions-heading">
            Where you are signed in
          </Title>
          {others.length > 0 && (
            <Button variant="outline" color="red.8" onClick={endAllOthers} loading={end.isPending}>
              End all other sessions
            </Button>
          )}
        </Group>
        <Text size="sm">Each sign-in on a browser or app is a session. End any you do not recognise, then change your password.</Text>

        {sessions.isPending && (
          <Stack gap="xs" aria-busy="true" aria-label="Loading your sessions">
            {[0, 1, 2].map((row) => (
              <Skeleton key={row} h={56} />
            ))}
          </Stack>
        )}
        {sessions.isError && <ErrorState error={sessions.error} onRetry={() => sessions.refetch()} />}
        {sessions.isSuccess && (
          <>
            <Stack component="ul" gap={0} p={0} m={0} style={{ listStyle: 'none' }} aria-label="Sessions">
              {shown.map((session) => (
                <SessionRow key={session.id} session={session} ending={end.isPending} onEnd={() => end.mutate([session.id!])} />
              ))}
            </Stack>
            {others.length === 0 && <Text size="sm">You are signed in on this device only.</Text>}
            {pages > 1 && (
              <Pagination
                total={pages}
                value={Math.min(page, pages)}
                onChange={setPage}
                getItemProps={(number) => ({ 'aria-label': `Page ${number}` })}
                getControlProps={(control) => ({ 'aria-label': `${control.charAt(0).toUpperCase()}${control.slice(1)} page` })}
              />
            )}
          </>
        )}
      </Stack>
    </Paper>
  );
}

function SessionRow({ session, ending, onEnd }: { session: Session; ending: boolean; onEnd: () => void }) {
  const device = describeDevice(session.userAgent);
  return (
    <Group
      component="li"
      justify="space-between"
      wrap="nowrap"
      py="sm"
      style={{ borderTop: '1px solid var(--mantine-color-gray-3)' }}
      aria-label={session.current ? `${device}, this device` : device}
    >
      <Stack gap={2} style={{ minWidth: 0 }}>
        <Group gap="xs">
          <Text fw={600}>{device}</Text>
          {session.current && (
            <Badge color="indigo.8" variant="filled" size="sm">
              This device
            </Badge>
          )}
          {session.mfa && (
            <Badge color="gray.7" variant="outline" size="sm">
              Two-factor
            </Badge>
          )}
        </Group>
        <Text size="sm" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
          {session.clientAddress ?? 'Unknown address'} · signed in {when(session.createdAt)} · last used {ago(session.lastUsedAt)}
        </Text>
      </Stack>
      {!session.current && (
        <Button
          variant="default"
          size="compact-sm"
          style={{ flexShrink: 0 }}
          onClick={onEnd}
          disabled={ending}
          aria-label={`End the session on ${device} signed in ${when(session.createdAt)}`}
        >
          End
        </Button>
      )}
    </Group>
  );
}
