import { useState } from 'react';
import { Alert, Anchor, Button, Center, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { zodResolver } from '@hookform/resolvers/zod';
import { useForm } from 'react-hook-form';
import { Link, useLocation } from 'react-router';
import type { z } from 'zod';
import { api, unwrap } from '../api/client';
import { ApiError, describeError } from '../api/problems';
import { readableTitle } from './alertStyles';
import { emailSchema } from './passwordRules';
import { formatWait, retryAfter } from './problemText';
import { withoutSession } from './signedIn';

type Values = z.infer<typeof emailSchema>;

/** Asks for a reset link. The answer is the same whether or not the email has an account. */
export default function ForgotPasswordPage() {
  const location = useLocation();
  const typed = (location.state as { email?: unknown } | null)?.email;
  const [sentTo, setSentTo] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const {
    register,
    handleSubmit,
    formState: { errors, isSubmitting },
  } = useForm<Values>({ resolver: zodResolver(emailSchema), defaultValues: { email: typeof typed === 'string' ? typed : '' } });

  const submit = handleSubmit(async ({ email }) => {
    setError(null);
    try {
      await unwrap(api.POST('/api/v1/auth/password/reset', { body: { email }, ...withoutSession }));
      setSentTo(email);
    } catch (e) {
      if (e instanceof ApiError && e.status === 429) {
        const wait = retryAfter(e);
        setError(
          'Too many reset requests. If an account exists for this email, a link is already on its way: check the mailbox, ' +
            `including the spam folder.${wait ? ` You can ask again in ${formatWait(wait)}.` : ''}`,
        );
      } else setError(describeError(e));
    }
  });

  return (
    <Center mih="100vh" p="md" component="main">
      <Paper withBorder shadow="xs" p={{ base: 'md', xs: 'xl' }} w="100%" maw={460}>
        <Stack>
          <Title order={1} size="h2">Reset your password</Title>
          {sentTo ? (
            <>
              <Alert color="green" title="Check your email" role="status" styles={readableTitle}>
                If an account exists for {sentTo}, we sent it a link to choose a new password. The link works for a short
                time only. If nothing arrives within a few minutes, check the spam folder.
              </Alert>
              <Anchor component="button" type="button" onClick={() => setSentTo(null)}>
                Use a different email address
              </Anchor>
            </>
          ) : (
            <form onSubmit={submit} noValidate>
              <Stack>
                <Text>Enter the email address you sign in with. We will email you a link to choose a new password.</Text>
                {error && (
                  <Alert color="red" role="alert" title="No link was sent">
                    {error}
                  </Alert>
                )}
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
                <Button type="submit" loading={isSubmitting}>
                  Email me a link
                </Button>
              </Stack>
            </form>
          )}
          <Anchor component={Link} to="/sign-in" size="sm">
            Back to sign in
          </Anchor>
        </Stack>
      </Paper>
    </Center>
  );
}
