import { useState } from 'react';
import { Alert, Button, Center, Paper, PasswordInput, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { api, unwrap } from '../api/client';
import { ApiError, describeError } from '../api/problems';
import { storeTokens } from '../api/session';
import { useMe } from './me';

/** Shown when a temporary password must be replaced; also reachable from the profile. */
export default function ChangePasswordPage() {
  const { data: me } = useMe();
  const navigate = useNavigate();
  const client = useQueryClient();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [repeat, setRepeat] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const required = me?.user?.passwordChangeRequired;

  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    const local: Record<string, string> = {};
    if (next.length < 12) local.newPassword = 'Use at least 12 characters.';
    else if (next.length > 128) local.newPassword = 'Use at most 128 characters.';
    if (repeat !== next) local.repeat = 'The two new passwords differ.';
    setErrors(local);
    setError(null);
    if (Object.keys(local).length > 0) return;
    setBusy(true);
    try {
      const signedIn = await unwrap(api.POST('/api/v1/auth/password/change', { body: { currentPassword: current, newPassword: next } }));
      storeTokens(signedIn as { accessToken: string; refreshToken: string; expiresIn: number });
      await client.invalidateQueries();
      notifications.show({ color: 'green', message: 'Your password has been changed.' });
      navigate('/', { replace: true });
    } catch (e) {
      if (e instanceof ApiError && e.fieldErrors.length > 0) {
        setErrors(Object.fromEntries(e.fieldErrors.map((f) => [f.field, f.message])));
      } else {
        setError(describeError(e));
      }
    } finally {
      setBusy(false);
    }
  };

  return (
    <Center mih="100vh" p="md" component="main">
      <Paper withBorder p="xl" w="100%" maw={460}>
        <form onSubmit={submit} noValidate>
          <Stack>
            <Title order={1}>Choose a new password</Title>
            {required && <Text>Your password was set by an administrator. Choose your own before you continue.</Text>}
            {error && (
              <Alert color="red" role="alert">
                {error}
              </Alert>
            )}
            <PasswordInput
              label={required ? 'Temporary password' : 'Current password'}
              autoComplete="current-password"
              value={current}
              onChange={(e) => setCurrent(e.currentTarget.value)}
              error={errors.currentPassword}
              required
            />
            <PasswordInput
              label="New password"
              description="12 to 128 characters; a long phrase is easiest to remember."
              autoComplete="new-password"
              value={next}
              onChange={(e) => setNext(e.currentTarget.value)}
              error={errors.newPassword}
              required
            />
            <PasswordInput
              label="Repeat the new password"
              autoComplete="new-password"
              value={repeat}
              onChange={(e) => setRepeat(e.currentTarget.value)}
              error={errors.repeat}
              required
            />
            <Button type="submit" loading={busy}>
              Change password
            </Button>
          </Stack>
        </form>
      </Paper>
    </Center>
  );
}
