import { useState } from 'react';
import { Alert, Button, Group, PasswordInput, Stack } from '@mantine/core';
import { zodResolver } from '@hookform/resolvers/zod';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { useForm } from 'react-hook-form';
import { api, unwrap } from '../api/client';
import { meQueryKey } from './me';
import { changePasswordSchema, PASSWORD_MAX, PASSWORD_MIN, type ChangePasswordValues } from './passwordRules';
import { formProblems } from './problemText';
import { keepSession } from './signedIn';

/**
 * Changing one's password (also a temporary one). The server ends the user's other sessions and
 * answers fresh tokens for this one.
 */
export function ChangePasswordForm({ temporary = false, onChanged }: { temporary?: boolean; onChanged: () => void }) {
  const client = useQueryClient();
  const [general, setGeneral] = useState<string | null>(null);
  const {
    register,
    handleSubmit,
    reset,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<ChangePasswordValues>({
    resolver: zodResolver(changePasswordSchema),
    defaultValues: { currentPassword: '', newPassword: '', repeat: '' },
  });

  const submit = handleSubmit(async ({ currentPassword, newPassword }) => {
    setGeneral(null);
    try {
      keepSession(await unwrap(api.POST('/api/v1/auth/password/change', { body: { currentPassword, newPassword } })));
      await client.invalidateQueries({ queryKey: meQueryKey });
      reset();
      notifications.show({
        color: 'green',
        title: 'Password changed',
        message: 'Your new password works from now on. You were signed out everywhere else.',
      });
      onChanged();
    } catch (e) {
      const problems = formProblems(e, ['currentPassword', 'newPassword'] as const);
      let focus = true;
      for (const [field, message] of Object.entries(problems.fields) as [keyof ChangePasswordValues, string][]) {
        setError(field, { message }, { shouldFocus: focus });
        focus = false;
      }
      if (problems.general) setGeneral(problems.general);
    }
  });

  return (
    <form onSubmit={submit} noValidate>
      <Stack maw={420}>
        {general && (
          <Alert color="red" role="alert" title="Your password was not changed">
            {general}
          </Alert>
        )}
        <PasswordInput
          label={temporary ? 'Temporary password' : 'Current password'}
          autoComplete="current-password"
          {...register('currentPassword')}
          error={errors.currentPassword?.message}
          aria-invalid={!!errors.currentPassword}
          required
        />
        <PasswordInput
          label="New password"
          description={`${PASSWORD_MIN} to ${PASSWORD_MAX} characters. A few unrelated words are long and easy to remember; well-known passwords are refused.`}
          autoComplete="new-password"
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
        <Group>
          <Button type="submit" loading={isSubmitting}>
            Change password
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
