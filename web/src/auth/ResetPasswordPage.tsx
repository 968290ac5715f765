import { useState } from 'react';
import { Alert, Anchor, Button, Center, Paper, PasswordInput, Stack, Text, Title } from '@mantine/core';
import { zodResolver } from '@hookform/resolvers/zod';
import { notifications } from '@mantine/notifications';
import { useForm } from 'react-hook-form';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { api, unwrap } from '../api/client';
import { PASSWORD_MAX, PASSWORD_MIN, resetPasswordSchema, type ResetPasswordValues } from './passwordRules';
import { formProblems } from './problemText';
import { withoutSession } from './signedIn';

/** The page a reset (or invitation) email links to: choose a new password, then sign in with it. */
export default function ResetPasswordPage() {
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const token = params.get('token');
  const [linkProblem, setLinkProblem] = useState<string | null>(
    token ? null : 'This link is incomplete. Open the link from the email again, or ask for a new one.',
  );
  const [general, setGeneral] = useState<string | null>(null);
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<ResetPasswordValues>({ resolver: zodResolver(resetPasswordSchema), defaultValues: { newPassword: '', repeat: '' } });

  const submit = handleSubmit(async ({ newPassword }) => {
    setGeneral(null);
    try {
      await unwrap(api.POST('/api/v1/auth/password/reset/confirm', { body: { token: token ?? '', newPassword }, ...withoutSession }));
      notifications.show({ color: 'green', title: 'Password set', message: 'Sign in with your new password.' });
      navigate('/sign-in', { replace: true });
    } catch (e) {
      const problems = formProblems(e, ['newPassword', 'token'] as const);
      if (problems.fields.token) setLinkProblem(problems.fields.token);
      if (problems.fields.newPassword) setError('newPassword', { message: problems.fields.newPassword }, { shouldFocus: true });
      if (problems.general) setGeneral(problems.general);
    }
  });

  return (
    <Center mih="100vh" p="md" component="main">
      <Paper withBorder shadow="xs" p={{ base: 'md', xs: 'xl' }} w="100%" maw={460}>
        <Stack>
          <Title order={1} size="h2">Choose a new password</Title>
          {linkProblem ? (
            <>
              <Alert color="red" role="alert" title="This link does not work">
                {linkProblem}
              </Alert>
              <Anchor component={Link} to="/forgot-password">
                Ask for a new link
              </Anchor>
            </>
          ) : (
            <form onSubmit={submit} noValidate>
              <Stack>
                <Text>Choose the password you will sign in with. Setting it signs you out on every device.</Text>
                {general && (
                  <Alert color="red" role="alert" title="Your password was not changed">
                    {general}
                  </Alert>
                )}
                <PasswordInput
                  label="New password"
                  description={`${PASSWORD_MIN} to ${PASSWORD_MAX} characters. A few unrelated words are long and easy to remember; well-known passwords are refused.`}
                  autoComplete="new-password"
                  autoFocus
                  {...register('newPassword')}
                  error={errors.newPassword?.message}
                  aria-invalid={!!errors.newPassword}
                  required
                />
                <PasswordInput
                  label="Repeat the new password"
                  autoComplete="new-password"
                  {...register('repeat')}
                  error={errors.repeat?.message}
                  aria-invalid={!!errors.repeat}
                  required
                />
                <Button type="submit" loading={isSubmitting}>
                  Set the new password
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
