import { Anchor, Button, Center, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { api } from '../api/client';
import { clearTokens } from '../api/session';
import { ChangePasswordForm } from './ChangePasswordForm';
import { useMe } from './me';
import { safeNext } from './safeNext';

/** Where a temporary password must be replaced before anything else; also reachable from the profile. */
export default function ChangePasswordPage() {
  const { data: me } = useMe();
  const navigate = useNavigate();
  const client = useQueryClient();
  const [params] = useSearchParams();
  const temporary = me?.user?.passwordChangeRequired ?? false;

  const signOut = async () => {
    await api.POST('/api/v1/auth/logout').catch(() => undefined);
    clearTokens();
    client.clear();
    navigate('/sign-in', { replace: true });
  };

  return (
    <Center mih="100vh" p="md" component="main">
      <Paper withBorder shadow="xs" p={{ base: 'md', xs: 'xl' }} w="100%" maw={480}>
        <Stack>
          <Title order={1} size="h2">Choose a new password</Title>
          {temporary ? (
            <Text>
              Your password was set by an administrator of your organisation. Choose your own before you continue; only you
              will know it.
            </Text>
          ) : (
            <Text>Changing your password signs you out on your other devices.</Text>
          )}
          <ChangePasswordForm temporary={temporary} onChanged={() => navigate(safeNext(params.get('next')), { replace: true })} />
          <Group justify="space-between">
            {temporary ? (
              <Text size="sm">Signed in as {me?.user?.email}.</Text>
            ) : (
              <Anchor component={Link} to="/profile" size="sm">
                Back to your profile
              </Anchor>
            )}
            <Button variant="subtle" size="compact-sm" onClick={signOut}>
              Sign out
            </Button>
          </Group>
        </Stack>
      </Paper>
    </Center>
  );
}
