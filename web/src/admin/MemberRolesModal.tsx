import { useState } from 'react';
import { Alert, Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useQueryClient } from '@tanstack/react-query';
import { zodResolver } from '@hookform/resolvers/zod';
import { useForm, useWatch } from 'react-hook-form';
import { api, unwrap } from '../api/client';
import { meQueryKey } from '../auth/me';
import { showSubmitError } from './formErrors';
import { notifySuccess } from './notify';
import { keys, type Member, type Site } from './queries';
import { OrganisationRoleField, SiteRolesField } from './RoleFields';
import { memberRolesSchema, siteRoleChoices, siteRolesForApi, type MemberRolesValues } from './schemas';

/** A member's organisation role and their role at every site, changed together. */
export function MemberRolesModal({
  organisationId,
  member,
  sites,
  mayGrantOwner,
  onClose,
}: {
  organisationId: string;
  member: Member | null;
  sites: readonly Site[];
  mayGrantOwner: boolean;
  onClose: () => void;
}) {
  const phone = useMediaQuery('(max-width: 36em)');
  return (
    <Modal opened={member !== null} onClose={onClose} title={`Roles of ${member?.displayName ?? 'member'}`} size="lg" fullScreen={phone} closeButtonProps={{ 'aria-label': 'Close' }}>
      {member && (
        <MemberRolesForm key={member.userId} organisationId={organisationId} member={member} sites={sites} mayGrantOwner={mayGrantOwner} onDone={onClose} />
      )}
    </Modal>
  );
}

function MemberRolesForm({
  organisationId,
  member,
  sites,
  mayGrantOwner,
  onDone,
}: {
  organisationId: string;
  member: Member;
  sites: readonly Site[];
  mayGrantOwner: boolean;
  onDone: () => void;
}) {
  const client = useQueryClient();
  const [failure, setFailure] = useState<string | null>(null);
  const held = new Set((member.sites ?? []).map((s) => s.siteId));
  // inactive sites only where the member still holds a role, so it can be taken away
  const shown = sites.filter((site) => site.active || held.has(site.id));
  const form = useForm<MemberRolesValues>({
    resolver: zodResolver(memberRolesSchema),
    defaultValues: { role: member.role ?? 'MEMBER', sites: siteRoleChoices(shown.map((site) => site.id!), member.sites) },
  });
  const role = useWatch({ control: form.control, name: 'role' });

  const submit = form.handleSubmit(async (values) => {
    setFailure(null);
    try {
      const saved = await unwrap(
        api.PATCH('/api/v1/organisations/{organisationId}/members/{userId}', {
          params: { path: { organisationId, userId: member.userId! } },
          body: { role: values.role, sites: siteRolesForApi(values.sites) },
        }),
      );
      notifySuccess(`The roles of ${saved.displayName} are saved.`);
      await client.invalidateQueries({ queryKey: keys.members(organisationId) });
      void client.invalidateQueries({ queryKey: keys.audit(organisationId) });
      void client.invalidateQueries({ queryKey: meQueryKey });
      onDone();
    } catch (error) {
      setFailure(
        showSubmitError(error, form.setError, (field) => {
          if (field === 'role') return 'Organisation role';
          const site = field.startsWith('sites.') ? sites.find((s) => s.id === field.slice(6)) : undefined;
          return site ? `Role at ${site.name}` : undefined;
        }),
      );
    }
  });

  const { errors, isSubmitting } = form.formState;
  const siteErrors = Object.fromEntries(Object.entries(errors.sites ?? {}).map(([id, e]) => [id, (e as { message?: string } | undefined)?.message]));
  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <Text size="sm" c="dimmed">
          {member.email}
        </Text>
        {failure && (
          <Alert color="red.9" variant="outline" role="alert" title="The roles were not saved">
            {failure}
          </Alert>
        )}
        <OrganisationRoleField control={form.control} name="role" mayGrantOwner={mayGrantOwner} error={errors.role?.message} />
        <SiteRolesField
          control={form.control}
          sites={shown}
          errors={siteErrors}
          note={role !== 'MEMBER' ? 'As an owner or admin they work at every site anyway; site roles count if they become a member again.' : undefined}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            Cancel
          </Button>
          <Button type="submit" loading={isSubmitting}>
            Save roles
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
