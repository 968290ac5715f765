import { useState } from 'react';
import { Alert, Anchor, Button, Center, Group, Paper, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { zodResolver } from '@hookform/resolvers/zod';
import { useQueryClient } from '@tanstack/react-query';
import { useForm } from 'react-hook-form';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { z } from 'zod';
import { api, unwrap } from '../api/client';
import type { components } from '../api/schema';
import { recoveryCodeRule, signInSchema, totpCodeRule, type SignInValues } from './passwordRules';
import { signInProblem } from './problemText';
import { safeNext } from './safeNext';
import { keepSession, withoutSession } from './signedIn';

type SignedIn = components['schemas']['SignedIn'];

/** Sign-in: email and password, then a code from the authenticator app (or a recovery code) where MFA is on. */
export default function SignInPage() {
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const client = useQueryClient();
  const next = params.get('next');
  const [mfaToken, setMfaToken] = useState<string | null>(null);
  const [email, setEmail] = useState('');
  const [error, setError] = useState<string | null>(null);

  const finish = (signedIn: SignedIn) => {
    keepSession(signedIn);
    // nothing cached for a previous user may show to this one
    client.clear();
    const destination = safeNext(next);
    navigate(
      signedIn.passwordChangeRequired
        ? `/change-password${destination === '/' ? '' : `?next=${encodeURIComponent(destination)}`}`
        : destination,
      { replace: true },
    );
  };

  return (
    <Center mih="100vh" p="md" component="main">
      <Paper withBorder shadow="xs" p={{ base: 'md', xs: 'xl' }} w="100%" maw={420}>
        <Stack>
          <Title order={1} size="h2">Sign in to Atrium</Title>
          {next && safeNext(next) !== '/' && !mfaToken && <Text size="sm">Sign in to continue where you were.</Text>}
          {error && (
            <Alert color="red" role="alert" title="You are not signed in yet">
              {error}
            </Alert>
          )}
          {mfaToken ? (
            <SecondFactorStep
              mfaToken={mfaToken}
              email={email}
              onSignedIn={finish}
              onError={setError}
              onStartAgain={() => setMfaToken(null)}
            />
          ) : (
            <PasswordStep
              email={email}
              onSignedIn={finish}
              onError={setError}
              onSecondFactor={(token, address) => {
                setEmail(address);
                setMfaToken(token);
              }}
            />
          )}
        </Stack>
      </Paper>
    </Center>
  );
}

interface StepProps {
  email: string;
  onSignedIn: (signedIn: SignedIn) => void;
  onError: (message: string | null) => void;
}

function PasswordStep({ email, onSignedIn, onError, onSecondFactor }: StepProps & { onSecondFactor: (mfaToken: string, email: string) => void }) {
  const {
    register,
    handleSubmit,
    watch,
    formState: { errors, isSubmitting },
  } = useForm<SignInValues>({ resolver: zodResolver(signInSchema), defaultValues: { email, password: '' } });

  const submit = handleSubmit(async (values) => {
    onError(null);
    try {
      const outcome = await unwrap(api.POST('/api/v1/auth/login', { body: values, ...withoutSession }));
      if ('mfaRequired' in outcome && outcome.mfaRequired && outcome.mfaToken) onSecondFactor(outcome.mfaToken, values.email);
      else onSignedIn(outcome as SignedIn);
    } catch (e) {
      onError(signInProblem(e, 'password').message);
    }
  });

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <TextInput
          label="Email"
          type="email"
          autoComplete="username"
          inputMode="email"
          autoFocus
          {...register('email')}
          error={errors.email?.message}
          required
        />
        <PasswordInput
          label="Password"
          autoComplete="current-password"
          {...register('password')}
          error={errors.password?.message}
          aria-invalid={!!errors.password}
          required
        />
        <Button type="submit" loading={isSubmitting}>
          Sign in
        </Button>
        <Anchor component={Link} to="/forgot-password" state={{ email: watch('email') }} size="sm">
          Forgot your password?
        </Anchor>
      </Stack>
    </form>
  );
}

function SecondFactorStep({
  mfaToken,
  email,
  onSignedIn,
  onError,
  onStartAgain,
}: StepProps & { mfaToken: string; onStartAgain: () => void }) {
  const [recovery, setRecovery] = useState(false);
  const schema = z.object({ code: recovery ? recoveryCodeRule : totpCodeRule });
  const {
    register,
    handleSubmit,
    reset,
    setFocus,
    formState: { errors, isSubmitting },
  } = useForm<{ code: string }, unknown, { code: string }>({ resolver: zodResolver(schema), defaultValues: { code: '' } });

  const submit = handleSubmit(async ({ code }) => {
    onError(null);
    try {
      const body = recovery ? { mfaToken, recoveryCode: code } : { mfaToken, code };
      onSignedIn(await unwrap(api.POST('/api/v1/auth/login/mfa', { body, ...withoutSession })));
    } catch (e) {
      const problem = signInProblem(e, 'second-factor');
      onError(problem.message);
      if (problem.startAgain) onStartAgain();
      else {
        reset({ code: '' });
        setFocus('code');
      }
    }
  });

  const switchKind = () => {
    setRecovery(!recovery);
    onError(null);
    reset({ code: '' });
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <Title order={2} size="h4">
          Two-factor sign-in
        </Title>
        <Text size="sm">
          {recovery
            ? `Enter one of the recovery codes you saved for ${email}. Each code works once.`
            : `Enter the 6-digit code your authenticator app shows for Atrium (${email}).`}
        </Text>
        <TextInput
          key={recovery ? 'recovery' : 'totp'}
          label={recovery ? 'Recovery code' : 'Authentication code'}
          autoComplete="one-time-code"
          inputMode={recovery ? 'text' : 'numeric'}
          autoCapitalize="none"
          spellCheck={false}
          autoFocus
          {...register('code')}
          error={errors.code?.message}
          required
        />
        <Button type="submit" loading={isSubmitting}>
          Verify and sign in
        </Button>
        <Group justify="space-between" gap="xs">
          <Anchor component="button" type="button" size="sm" onClick={switchKind}>
            {recovery ? 'Use a code from the app instead' : 'Use a recovery code instead'}
          </Anchor>
          <Anchor
            component="button"
            type="button"
            size="sm"
            onClick={() => {
              onError(null);
              onStartAgain();
            }}
          >
            Start again
          </Anchor>
        </Group>
      </Stack>
    </form>
  );
}
