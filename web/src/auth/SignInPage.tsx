import { useState } from 'react';
import { Alert, Anchor, Button, Center, Paper, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { ApiError, describeError } from '../api/problems';
import { storeTokens } from '../api/session';

interface SignedIn {
  accessToken: string;
  refreshToken: string;
  expiresIn: number;
  passwordChangeRequired?: boolean;
}

async function post<T>(path: string, body: unknown): Promise<T> {
  const response = await fetch(path, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (!response.ok) {
    const { toApiError } = await import('../api/problems');
    throw await toApiError(response);
  }
  return (await response.json()) as T;
}

/** Only same-site paths are followed after sign-in, never another origin. */
export function safeNext(next: string | null): string {
  return next && next.startsWith('/') && !next.startsWith('//') ? next : '/';
}

export default function SignInPage() {
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const client = useQueryClient();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [mfaToken, setMfaToken] = useState<string | null>(null);
  const [code, setCode] = useState('');
  const [useRecovery, setUseRecovery] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const finish = (signedIn: SignedIn) => {
    storeTokens(signedIn);
    client.clear();
    navigate(signedIn.passwordChangeRequired ? '/change-password' : safeNext(params.get('next')), { replace: true });
  };

  const submitPassword = async (event: React.FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const outcome = await post<SignedIn & { mfaRequired?: boolean; mfaToken?: string }>('/api/v1/auth/login', { email, password });
      if (outcome.mfaRequired && outcome.mfaToken) setMfaToken(outcome.mfaToken);
      else finish(outcome);
    } catch (e) {
      setError(e instanceof ApiError && e.status === 401 ? 'The email or password is not right. Check them and try again.' : describeError(e));
    } finally {
      setBusy(false);
    }
  };

  const submitCode = async (event: React.FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      finish(await post<SignedIn>('/api/v1/auth/login/mfa', useRecovery ? { mfaToken, recoveryCode: code } : { mfaToken, code }));
    } catch (e) {
      setError(e instanceof ApiError && e.status === 401 ? 'That code is not right or has expired. Try the current code.' : describeError(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Center mih="100vh" p="md" component="main">
      <Paper withBorder p="xl" w="100%" maw={420}>
        <Stack>
          <Title order={1}>Sign in to Atrium</Title>
          {params.get('next') && !mfaToken && <Text size="sm">Sign in to continue where you were.</Text>}
          {error && (
            <Alert color="red" role="alert">
              {error}
            </Alert>
          )}
          {mfaToken ? (
            <form onSubmit={submitCode}>
              <Stack>
                <Text>{useRecovery ? 'Enter one of your recovery codes.' : 'Enter the 6-digit code from your authenticator app.'}</Text>
                <TextInput
                  label={useRecovery ? 'Recovery code' : 'Authentication code'}
                  autoComplete="one-time-code"
                  inputMode={useRecovery ? 'text' : 'numeric'}
                  value={code}
                  onChange={(e) => setCode(e.currentTarget.value)}
                  required
                  autoFocus
                />
                <Button type="submit" loading={busy}>
                  Verify
                </Button>
                <Anchor component="button" type="button" onClick={() => { setUseRecovery(!useRecovery); setCode(''); }}>
                  {useRecovery ? 'Use an authentication code instead' : 'Use a recovery code instead'}
                </Anchor>
              </Stack>
            </form>
          ) : (
            <form onSubmit={submitPassword}>
              <Stack>
                <TextInput label="Email" type="email" autoComplete="username" value={email} onChange={(e) => setEmail(e.currentTarget.value)} required />
                <PasswordInput label="Password" autoComplete="current-password" value={password} onChange={(e) => setPassword(e.currentTarget.value)} required />
                <Button type="submit" loading={busy}>
                  Sign in
                </Button>
                <Anchor component={Link} to="/forgot-password" size="sm">
                  Forgot your password?
                </Anchor>
              </Stack>
            </form>
          )}
        </Stack>
      </Paper>
    </Center>
  );
}
