import { Center, Loader, Paper, Stack, Text, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { ChangePasswordForm } from '../auth/ChangePasswordForm';
import { useMe } from '../auth/me';
import { ErrorState } from '../layout/ErrorState';
import { MfaSection } from './MfaSection';
import { sessionsQueryKey, SessionsSection } from './SessionsSection';

/** The signed-in user's own account: password, two-factor sign-in and sessions. */
export default function ProfilePage() {
  const me = useMe();
  const client = useQueryClient();

  if (me.isPending) {
    return (
      <Center h="50vh">
        <Loader role="status" aria-label="Loading your profile" />
      </Center>
    );
  }
  if (me.isError) return <ErrorState error={me.error} onRetry={() => me.refetch()} />;
  const user = me.data.user;

  return (
    <Stack maw={860} gap="lg">
      <Stack gap={4}>
        <Title order={1}>Profile and security</Title>
        <Text>
          {user?.displayName} · {user?.email}
        </Text>
        {(me.data.organisations ?? []).map((organisation) => (
          <Text key={organisation.id} size="sm" c="dimmed">
            {organisation.name}: {(organisation.role ?? 'member').toLowerCase()}
          </Text>
        ))}
      </Stack>

      <Paper withBorder p={{ base: 'md', sm: 'lg' }} component="section" aria-labelledby="password-heading">
        <Stack>
          <Title order={2} size="h3" id="password-heading">
            Password
          </Title>
          <Text size="sm">Changing your password signs you out on your other devices and apps.</Text>
          <ChangePasswordForm onChanged={() => client.invalidateQueries({ queryKey: sessionsQueryKey })} />
        </Stack>
      </Paper>

      <MfaSection me={me.data} />
      <SessionsSection />
    </Stack>
  );
}
