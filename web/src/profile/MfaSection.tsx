import { useState } from 'react';
import {
  Alert,
  Anchor,
  Badge,
  Button,
  Code,
  CopyButton,
  Group,
  Image,
  List,
  Modal,
  Paper,
  PasswordInput,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { zodResolver } from '@hookform/resolvers/zod';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { useForm } from 'react-hook-form';
import { z } from 'zod';
import { api, unwrap } from '../api/client';
import { describeError } from '../api/problems';
import type { components } from '../api/schema';
import { readableTitle } from '../auth/alertStyles';
import { meQueryKey, type Overview } from '../auth/me';
import { recoveryCodeRule, totpCodeRule } from '../auth/passwordRules';
import { formProblems } from '../auth/problemText';
import { groupSecret } from './device';
import { RecoveryCodesPanel } from './RecoveryCodesPanel';

type Enrolment = components['schemas']['Enrolment'];

/** Two-factor sign-in with an authenticator app (TOTP): turning it on, new recovery codes, turning it off. */
export function MfaSection({ me }: { me: Overview }) {
  const client = useQueryClient();
  const enabled = me.user?.mfaEnabled ?? false;
  const [enrolment, setEnrolment] = useState<Enrolment | null>(null);
  const [codes, setCodes] = useState<string[] | null>(null);
  const [starting, setStarting] = useState(false);
  const [dialog, setDialog] = useState<'regenerate' | 'disable' | null>(null);
  // organisations that refuse their owners and admins without a second factor
  const requiring = (me.organisations ?? []).filter(
    (organisation) => organisation.adminMfaRequired && (organisation.role === 'OWNER' || organisation.role === 'ADMIN'),
  );

  const start = async () => {
    setStarting(true);
    try {
      setEnrolment(await unwrap(api.POST('/api/v1/auth/mfa/totp/enrolment')));
    } catch (e) {
      notifications.show({ color: 'red', title: 'Two-factor sign-in could not be set up', message: describeError(e) });
      await client.invalidateQueries({ queryKey: meQueryKey });
    } finally {
      setStarting(false);
    }
  };

  const confirmed = async (recoveryCodes: string[]) => {
    setEnrolment(null);
    setCodes(recoveryCodes);
    await client.invalidateQueries({ queryKey: meQueryKey });
    notifications.show({
      color: 'green',
      title: 'Two-factor sign-in is on',
      message:
        requiring.length > 0
          ? 'Sign out and sign in again with a code from your app to manage your organisation.'
          : 'From your next sign-in, Atrium asks for a code from your authenticator app.',
    });
  };

  return (
    <Paper withBorder p={{ base: 'md', sm: 'lg' }} component="section" aria-labelledby="mfa-heading">
      <Stack>
        <Group justify="space-between" wrap="nowrap">
          <Title order={2} size="h3" id="mfa-heading">
            Two-factor sign-in
          </Title>
          <Badge color={enabled ? 'teal.9' : 'gray.7'} variant="filled">
            {enabled ? 'On' : 'Off'}
          </Badge>
        </Group>

        {codes && <RecoveryCodesPanel codes={codes} email={me.user?.email ?? ''} onDone={() => setCodes(null)} />}

        {enabled && !codes && (
          <>
            <Text size="sm">
              When you sign in, Atrium asks for a code from your authenticator app after your password. If you lose the app,
              sign in with one of your recovery codes.
            </Text>
            <Group gap="sm">
              <Button variant="default" onClick={() => setDialog('regenerate')}>
                New recovery codes
              </Button>
              <Button variant="outline" color="red.8" onClick={() => setDialog('disable')}>
                Turn off two-factor sign-in
              </Button>
            </Group>
          </>
        )}

        {!enabled && requiring.length > 0 && (
          <Alert color="yellow" variant="outline" title="Your organisation asks for it" styles={readableTitle}>
            {requiring.map((organisation) => organisation.name).join(', ')} {requiring.length === 1 ? 'requires its' : 'require their'}{' '}
            owners and admins to sign in with a second factor. Set it up here, then sign out and sign in again with a code.
          </Alert>
        )}

        {!enabled && !enrolment && (
          <>
            <Text size="sm">
              Two-factor sign-in is off: your password alone signs you in. Turn it on so that signing in also needs a code from
              an authenticator app on your phone (such as Google Authenticator, Microsoft Authenticator or 1Password).
            </Text>
            <Group>
              <Button onClick={start} loading={starting}>
                Set up two-factor sign-in
              </Button>
            </Group>
          </>
        )}

        {!enabled && enrolment && <EnrolmentSteps enrolment={enrolment} onConfirmed={confirmed} onCancel={() => setEnrolment(null)} />}
      </Stack>

      <Modal opened={dialog === 'regenerate'} onClose={() => setDialog(null)} title="New recovery codes">
        <RegenerateForm
          onDone={(recoveryCodes) => {
            setDialog(null);
            setCodes(recoveryCodes);
            notifications.show({ color: 'green', title: 'New recovery codes', message: 'Your old recovery codes no longer work.' });
          }}
        />
      </Modal>
      <Modal opened={dialog === 'disable'} onClose={() => setDialog(null)} title="Turn off two-factor sign-in">
        <DisableForm
          onDone={async () => {
            setDialog(null);
            setCodes(null);
            await client.invalidateQueries({ queryKey: meQueryKey });
            notifications.show({
              color: 'green',
              title: 'Two-factor sign-in is off',
              message: 'Your password alone now signs you in. Your recovery codes no longer work.',
            });
          }}
        />
      </Modal>
    </Paper>
  );
}

const confirmSchema = z.object({ code: totpCodeRule });

function EnrolmentSteps({
  enrolment,
  onConfirmed,
  onCancel,
}: {
  enrolment: Enrolment;
  onConfirmed: (codes: string[]) => void;
  onCancel: () => void;
}) {
  const [general, setGeneral] = useState<string | null>(null);
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<z.input<typeof confirmSchema>, unknown, z.output<typeof confirmSchema>>({
    resolver: zodResolver(confirmSchema),
    defaultValues: { code: '' },
  });
  const secret = enrolment.secret ?? '';

  const submit = handleSubmit(async ({ code }) => {
    setGeneral(null);
    try {
      const answer = await unwrap(api.POST('/api/v1/auth/mfa/totp/confirm', { body: { code } }));
      onConfirmed(answer.recoveryCodes ?? []);
    } catch (e) {
      const problems = formProblems(e, ['code'] as const);
      if (problems.fields.code) setError('code', { message: problems.fields.code }, { shouldFocus: true });
      if (problems.general) setGeneral(problems.general);
    }
  });

  return (
    <Stack gap="md" aria-label="Set up two-factor sign-in" role="group">
      <List type="ordered" spacing="md">
        <List.Item>
          <Text>Open your authenticator app and add an account by scanning this QR code.</Text>
          <Image
            src={enrolment.qrCode}
            alt="QR code that adds your Atrium account to an authenticator app"
            w={200}
            h={200}
            fit="contain"
            mt="xs"
          />
        </List.Item>
        <List.Item>
          <Text>If you cannot scan it, enter this key in the app instead (time-based, 6 digits):</Text>
          <Group gap="xs" mt="xs" wrap="wrap">
            <Code fz="md" aria-label="Key for manual entry">
              {groupSecret(secret)}
            </Code>
            <CopyButton value={secret} timeout={2000}>
              {({ copied, copy }) => (
                <Button variant="subtle" size="compact-sm" onClick={copy}>
                  {copied ? 'Copied' : 'Copy key'}
                </Button>
              )}
            </CopyButton>
          </Group>
        </List.Item>
        <List.Item>
          <form onSubmit={submit} noValidate>
            <Stack gap="xs">
              <Text>Enter the 6-digit code the app now shows for Atrium.</Text>
              {general && (
                <Alert color="red" role="alert">
                  {general}
                </Alert>
              )}
              <TextInput
                label="Code from the app"
                autoComplete="one-time-code"
                inputMode="numeric"
                maw={240}
                {...register('code')}
                error={errors.code?.message}
                required
              />
              <Group gap="sm">
                <Button type="submit" loading={isSubmitting}>
                  Turn on
                </Button>
                <Button variant="default" onClick={onCancel}>
                  Cancel
                </Button>
              </Group>
            </Stack>
          </form>
        </List.Item>
      </List>
    </Stack>
  );
}

const passwordSchema = z.object({ password: z.string().min(1, 'Enter your password.') });

function RegenerateForm({ onDone }: { onDone: (codes: string[]) => void }) {
  const [general, setGeneral] = useState<string | null>(null);
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<z.infer<typeof passwordSchema>>({ resolver: zodResolver(passwordSchema), defaultValues: { password: '' } });

  const submit = handleSubmit(async ({ password }) => {
    setGeneral(null);
    try {
      const answer = await unwrap(api.POST('/api/v1/auth/mfa/recovery-codes', { body: { password } }));
      onDone(answer.recoveryCodes ?? []);
    } catch (e) {
      const problems = formProblems(e, ['password'] as const);
      if (problems.fields.password) setError('password', { message: problems.fields.password }, { shouldFocus: true });
      if (problems.general) setGeneral(problems.general);
    }
  });

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <Text size="sm">Ten new codes replace your current ones, which stop working at once. Confirm with your password.</Text>
        {general && (
          <Alert color="red" role="alert">
            {general}
          </Alert>
        )}
        <PasswordInput
          label="Password"
          autoComplete="current-password"
          data-autofocus
          {...register('password')}
          error={errors.password?.message}
          aria-invalid={!!errors.password}
          required
        />
        <Button type="submit" loading={isSubmitting}>
          Make new recovery codes
        </Button>
      </Stack>
    </form>
  );
}

function DisableForm({ onDone }: { onDone: () => void }) {
  const [recovery, setRecovery] = useState(false);
  const [general, setGeneral] = useState<string | null>(null);
  const schema = z.object({ password: z.string().min(1, 'Enter your password.'), code: recovery ? recoveryCodeRule : totpCodeRule });
  const {
    register,
    handleSubmit,
    setError,
    resetField,
    formState: { errors, isSubmitting },
  } = useForm<{ password: string; code: string }>({ resolver: zodResolver(schema), defaultValues: { password: '', code: '' } });

  const submit = handleSubmit(async ({ password, code }) => {
    setGeneral(null);
    try {
      await unwrap(api.DELETE('/api/v1/auth/mfa/totp', { body: recovery ? { password, recoveryCode: code } : { password, code } }));
      onDone();
    } catch (e) {
      const problems = formProblems(e, ['password', 'code', 'recoveryCode'] as const);
      if (problems.fields.password) setError('password', { message: problems.fields.password }, { shouldFocus: true });
      const codeProblem = problems.fields.code ?? problems.fields.recoveryCode;
      if (codeProblem) setError('code', { message: codeProblem }, { shouldFocus: !problems.fields.password });
      if (problems.general) setGeneral(problems.general);
    }
  });

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <Text size="sm">
          Without it, your password alone signs you in, and your recovery codes stop working. Confirm with your password and a
          code.
        </Text>
        {general && (
          <Alert color="red" role="alert">
            {general}
          </Alert>
        )}
        <PasswordInput
          label="Password"
          autoComplete="current-password"
          data-autofocus
          {...register('password')}
          error={errors.password?.message}
          aria-invalid={!!errors.password}
          required
        />
        <TextInput
          key={recovery ? 'recovery' : 'totp'}
          label={recovery ? 'Recovery code' : 'Code from the app'}
          autoComplete="one-time-code"
          inputMode={recovery ? 'text' : 'numeric'}
          {...register('code')}
          error={errors.code?.message}
          required
        />
        <Anchor
          component="button"
          type="button"
          size="sm"
          onClick={() => {
            setRecovery(!recovery);
            resetField('code');
          }}
        >
          {recovery ? 'Use a code from the app instead' : 'Lost the app? Use a recovery code'}
        </Anchor>
        <Button type="submit" color="red.8" loading={isSubmitting}>
          Turn off two-factor sign-in
        </Button>
      </Stack>
    </form>
  );
}
