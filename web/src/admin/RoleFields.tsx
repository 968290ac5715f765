import { Badge, Fieldset, Group, Radio, SegmentedControl, Stack, Text } from '@mantine/core';
import { Controller, type Control, type FieldValues, type Path } from 'react-hook-form';
import type { Site } from './queries';
import { SITE_ROLE_CHOICES, type OrganisationRole, type SiteRoleChoice } from './schemas';

export const ORGANISATION_ROLE_WORDS: Record<OrganisationRole, { label: string; description: string }> = {
  MEMBER: { label: 'Member', description: 'Works at the sites where they have a role below.' },
  ADMIN: { label: 'Admin', description: 'Manages sites, members, interaction types and reads the audit log; works at every site.' },
  OWNER: { label: 'Owner', description: 'Everything an admin does, and may make or change owners.' },
};

export const SITE_ROLE_WORDS: Record<SiteRoleChoice, string> = {
  NONE: 'None',
  VIEWER: 'Viewer',
  EDITOR: 'Editor',
  ADMINISTRATOR: 'Administrator',
};

/** Organisation role as radio buttons; only owners may give the owner role (the server insists). */
export function OrganisationRoleField<T extends FieldValues>({
  control,
  name,
  mayGrantOwner,
  error,
}: {
  control: Control<T>;
  name: Path<T>;
  mayGrantOwner: boolean;
  error?: string;
}) {
  return (
    <Controller
      control={control}
      name={name}
      render={({ field }) => (
        <Radio.Group label="Organisation role" value={field.value} onChange={field.onChange} error={error} required>
          <Stack gap="xs" mt="xs">
            {(['MEMBER', 'ADMIN', 'OWNER'] as const).map((role) => (
              <Radio
                key={role}
                value={role}
                label={ORGANISATION_ROLE_WORDS[role].label}
                description={
                  role === 'OWNER' && !mayGrantOwner
                    ? 'Only an owner may make someone an owner.'
                    : ORGANISATION_ROLE_WORDS[role].description
                }
                disabled={role === 'OWNER' && !mayGrantOwner && field.value !== 'OWNER'}
              />
            ))}
          </Stack>
        </Radio.Group>
      )}
    />
  );
}

/** One row per site with None / Viewer / Editor / Administrator. */
export function SiteRolesField<T extends FieldValues>({
  control,
  sites,
  errors,
  note,
}: {
  control: Control<T>;
  sites: readonly Site[];
  errors: Record<string, string | undefined>;
  note?: string;
}) {
  return (
    <Fieldset legend="Roles at sites" variant="unstyled" styles={{ legend: { fontWeight: 600, fontSize: 'var(--mantine-font-size-sm)' } }}>
      <Stack gap="sm">
        <Text size="sm" c="dimmed">
          Viewers read interactions, editors also record and change them, administrators also delete them.
          {note ? ` ${note}` : ''}
        </Text>
        {sites.length === 0 && <Text size="sm">The organisation has no sites yet. Add one under Sites first.</Text>}
        {sites.map((site) => (
          <Controller
            key={site.id}
            control={control}
            name={`sites.${site.id}` as Path<T>}
            render={({ field }) => (
              <Stack gap={4}>
                <Group gap="xs">
                  <Text size="sm" fw={600} id={`site-role-${site.id}`}>
                    {site.name}
                  </Text>
                  {!site.active && (
                    <Badge size="sm" color="gray.8" variant="outline">
                      Inactive
                    </Badge>
                  )}
                </Group>
                <SegmentedControl
                  aria-label={`Role at ${site.name}`}
                  data={SITE_ROLE_CHOICES.map((choice) => ({ value: choice, label: SITE_ROLE_WORDS[choice] }))}
                  value={field.value ?? 'NONE'}
                  onChange={field.onChange}
                  fullWidth
                  size="xs"
                />
                {errors[site.id!] && (
                  <Text size="sm" c="red.9" role="alert">
                    {errors[site.id!]}
                  </Text>
                )}
              </Stack>
            )}
          />
        ))}
      </Stack>
    </Fieldset>
  );
}
