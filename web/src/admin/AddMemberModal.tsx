import { useState } from 'react';
import { Alert, Button, CopyButton, Group, Modal, Radio, Stack, Text, TextInput } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useQueryClient } from '@tanstack/react-query';
import { zodResolver } from '@hookform/resolvers/zod';
import { Controller, useForm } from 'react-hook-form';
import { api, unwrap } from '../api/client';
import { ApiError } from '../api/problems';
import { showSubmitError } from './formErrors';
import { notifySuccess } from './notify';
import { keys, type AddedMember, type Site } from './queries';
import { OrganisationRoleField, SiteRolesField } from './RoleFields';
import { newMemberSchema, siteRoleChoices, siteRolesForApi, type NewMemberValues } from './schemas';

/** Adding a member, then (once) what they need to get in: the temporary password or word of the invitation. */
export function AddMemberModal({
  organisationId,
  organisationName,
  sites,
  mayGrantOwner,
  opened,
  onClose,
}: {
  organisationId: string;
  organisationName: string;
  sites: readonly Site[];
  mayGrantOwner: boolean;
  opened: boolean;
  onClose: () => void;
}) {
  const [added, setAdded] = useState<AddedMember | null>(null);
  const phone = useMediaQuery('(max-width: 36em)');
  const close = () => {
    setAdded(null);
    onClose();
  };
  return (
    <Modal opened={opened} onClose={close} title={added ? `${added.displayName} is a member` : 'Add a member'} size="lg" fullScreen={phone} closeButtonProps={{ 'aria-label': 'Close' }}>
      {added ? (
        <AddedNotice added={added} organisationName={organisationName} onDone={close} />
      ) : (
        opened && (
          <AddMemberForm organisationId={organisationId} sites={sites} mayGrantOwner={mayGrantOwner} onAdded={setAdded} onCancel={close} />
        )
      )}
    </Modal>
  );
}

function AddMemberForm({
  organisationId,
  sites,
  mayGrantOwner,
  onAdded,
  onCancel,
}: {
  organisationId: string;
  sites: readonly Site[];
  mayGrantOwner: boolean;
  onAdded: (added: AddedMember) => void;
  onCancel: () => void;
}) {
  const client = useQueryClient();
  const [failure, setFailure] = useState<string | null>(null);
  const activeSites = sites.filter((site) => site.active);
  const form = useForm<NewMemberValues>({
    resolver: zodResolver(newMemberSchema),
    defaultValues: {
      email: '',
      displayName: '',
      role: 'MEMBER',
      onboarding: 'INVITATION',
      sites: siteRoleChoices(activeSites.map((site) => site.id!)),
    },
  });
  const labelOf = (field: string): string | undefined => {
    if (field === 'email') return 'Email';
    if (field === 'displayName') return 'Display name';
    if (field === 'role') return 'Organisation role';
    if (field === 'onboarding') return 'First sign-in';
    const site = field.startsWith('sites.') ? sites.find((s) => s.id === field.slice(6)) : undefined;
    return site ? `Role at ${site.name}` : undefined;
  };

  const submit = form.handleSubmit(async (values) => {
    setFailure(null);
    try {
      const added = await unwrap(
        api.POST('/api/v1/organisations/{organisationId}/members', {
          params: { path: { organisationId } },
          body: {
            email: values.email,
            displayName: values.displayName || undefined,
            role: values.role,
            onboarding: values.onboarding,
            sites: siteRolesForApi(values.sites),
          },
        }),
      );
      notifySuccess(`${added.displayName} is added to the organisation.`);
      void client.invalidateQueries({ queryKey: keys.members(organisationId) });
      void client.invalidateQueries({ queryKey: keys.audit(organisationId) });
      onAdded(added);
    } catch (error) {
      if (error instanceof ApiError && error.code === 'already-member') {
        form.setError('email', { type: 'server', message: 'This person is already a member of the organisation. Find them in the list to change their roles.' }, { shouldFocus: true });
      } else {
        setFailure(showSubmitError(error, form.setError, labelOf));
      }
    }
  });

  const { errors, isSubmitting } = form.formState;
  const siteErrors = Object.fromEntries(Object.entries(errors.sites ?? {}).map(([id, e]) => [id, (e as { message?: string } | undefined)?.message]));
  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        {failure && (
          <Alert color="red.9" variant="outline" role="alert" title="The member was not added">
            {failure}
          </Alert>
        )}
        <TextInput label="Email" type="email" autoComplete="off" required data-autofocus {...form.register('email')} error={errors.email?.message} />
        <TextInput
          label="Display name"
          description="Needed when this person has no Atrium account yet; an existing account keeps its name."
          autoComplete="off"
          {...form.register('displayName')}
          error={errors.displayName?.message}
        />
        <OrganisationRoleField control={form.control} name="role" mayGrantOwner={mayGrantOwner} error={errors.role?.message} />
        <SiteRolesField control={form.control} sites={activeSites} errors={siteErrors} />
        <Controller
          control={form.control}
          name="onboarding"
          render={({ field }) => (
            <Radio.Group label="First sign-in" value={field.value} onChange={field.onChange} error={errors.onboarding?.message} required>
              <Stack gap="xs" mt="xs">
                <Radio
                  value="INVITATION"
                  label="Email an invitation"
                  description="They get a link to choose their own password. The link works for 7 days."
                />
                <Radio
                  value="TEMPORARY_PASSWORD"
                  label="Create a temporary password"
                  description="You hand the password over; they must choose their own when they first sign in."
                />
              </Stack>
            </Radio.Group>
          )}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            Cancel
          </Button>
          <Button type="submit" loading={isSubmitting}>
            Add member
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function AddedNotice({ added, organisationName, onDone }: { added: AddedMember; organisationName: string; onDone: () => void }) {
  return (
    <Stack>
      {added.temporaryPassword ? (
        <>
          <Alert color="indigo.9" variant="outline" title="Hand this password over safely">
            This is the only time Atrium shows it. Give it to {added.displayName} in person or by phone, not written in an email
            with their address. They choose their own password when they first sign in.
          </Alert>
          <Group align="flex-end" wrap="nowrap">
            <TextInput
              label="Temporary password"
              value={added.temporaryPassword}
              readOnly
              styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }}
              onFocus={(event) => event.currentTarget.select()}
              style={{ flex: 1 }}
            />
            <CopyButton value={added.temporaryPassword}>
              {({ copied, copy }) => (
                <Button color={copied ? 'teal.9' : undefined} onClick={copy}>
                  {copied ? 'Copied' : 'Copy'}
                </Button>
              )}
            </CopyButton>
          </Group>
          <Text size="sm">
            They sign in at this address with <strong>{added.email}</strong> and this password.
          </Text>
        </>
      ) : added.accountCreated ? (
        <Alert color="indigo.9" variant="outline" title="Invitation sent">
          An invitation to {organisationName} is on its way to {added.email}. The link in it works for 7 days; if it runs out,
          they can use “Forgot password” on the sign-in page.
        </Alert>
      ) : (
        <Alert color="indigo.9" variant="outline" title="They already have an Atrium account">
          {added.email} already signs in to Atrium, so they keep their own password and will find {organisationName} when they next
          sign in.
        </Alert>
      )}
      <Group justify="flex-end">
        <Button onClick={onDone}>Done</Button>
      </Group>
    </Stack>
  );
}
