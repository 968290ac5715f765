import { useState } from 'react';
import { Alert, Button, Group, Modal, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { zodResolver } from '@hookform/resolvers/zod';
import { useForm } from 'react-hook-form';
import { api, unwrap } from '../api/client';
import { ApiError } from '../api/problems';
import { ErrorState } from '../layout/ErrorState';
import { showSubmitError } from './formErrors';
import { ListEmpty, ListLoading } from './ListStates';
import { confirmAction, notifyFailure, notifySuccess } from './notify';
import { keys, useInteractionTypes, type InteractionType } from './queries';
import { typeNameSchema, type TypeNameValues } from './schemas';

const NAME_FIELD = (field: string) => (field === 'name' ? 'Name' : undefined);

/** The organisation's interaction types: add, rename, remove (only a type no interaction uses). */
export default function InteractionTypesSection({ organisationId }: { organisationId: string }) {
  const types = useInteractionTypes(organisationId);
  const client = useQueryClient();
  const [renaming, setRenaming] = useState<InteractionType | null>(null);
  const names = (types.data ?? []).map((type) => type.name ?? '');

  const remove = useMutation({
    mutationFn: (type: InteractionType) =>
      unwrap(api.DELETE('/api/v1/organisations/{organisationId}/interaction-types/{typeId}', { params: { path: { organisationId, typeId: type.id! } } })),
    onSuccess: (_, type) => {
      notifySuccess(`${type.name} is removed.`);
      void client.invalidateQueries({ queryKey: keys.types(organisationId) });
    },
    onError: (error, type) => notifyFailure(`${type.name} was not removed`, error),
  });

  const confirmRemove = (type: InteractionType) =>
    confirmAction({
      title: `Remove ${type.name}?`,
      body: 'People can no longer choose it for new interactions. Atrium removes only a type no interaction uses, in the trash neither; to retire a type in use, rename it instead.',
      confirm: 'Remove',
      danger: true,
      onConfirm: () => remove.mutate(type),
    });

  return (
    <Stack>
      <Title order={2}>Interaction types</Title>
      <Text size="sm" c="dimmed" maw={720}>
        The kinds of interaction people record at every site of the organisation. Renaming a type renames it on every interaction
        of that type.
      </Text>
      <AddTypeForm organisationId={organisationId} taken={names} disabled={!types.isSuccess} />
      {types.isPending ? (
        <ListLoading label="Loading interaction types" />
      ) : types.isError ? (
        <ErrorState error={types.error} onRetry={() => types.refetch()} />
      ) : types.data.length === 0 ? (
        <ListEmpty title="No interaction types yet">Add the first one above, for example “Meeting” or “Call”.</ListEmpty>
      ) : (
        <Table.ScrollContainer minWidth={360}>
          <Table striped verticalSpacing="sm" aria-label="Interaction types" maw={720}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Name</Table.Th>
                <Table.Th>Actions</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {types.data.map((type) => (
                <Table.Tr key={type.id}>
                  <Table.Td>{type.name}</Table.Td>
                  <Table.Td>
                    <Group gap="xs" wrap="nowrap">
                      <Button size="xs" variant="default" onClick={() => setRenaming(type)} aria-label={`Rename ${type.name}`}>
                        Rename
                      </Button>
                      <Button
                        size="xs"
                        variant="outline"
                        color="red.9"
                        onClick={() => confirmRemove(type)}
                        disabled={types.data.length === 1}
                        title={types.data.length === 1 ? 'An organisation keeps at least one interaction type.' : undefined}
                        aria-label={`Remove ${type.name}`}
                      >
                        Remove
                      </Button>
                    </Group>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <Modal opened={renaming !== null} onClose={() => setRenaming(null)} title={`Rename ${renaming?.name ?? 'interaction type'}`} closeButtonProps={{ 'aria-label': 'Close' }}>
        {renaming && (
          <RenameForm
            key={renaming.id}
            organisationId={organisationId}
            type={renaming}
            taken={names.filter((name) => name !== renaming.name)}
            onDone={() => setRenaming(null)}
          />
        )}
      </Modal>
    </Stack>
  );
}

function AddTypeForm({ organisationId, taken, disabled }: { organisationId: string; taken: string[]; disabled: boolean }) {
  const client = useQueryClient();
  const [failure, setFailure] = useState<string | null>(null);
  const form = useForm<TypeNameValues>({ resolver: zodResolver(typeNameSchema(taken)), defaultValues: { name: '' } });
  const submit = form.handleSubmit(async ({ name }) => {
    setFailure(null);
    try {
      const added = await unwrap(api.POST('/api/v1/organisations/{organisationId}/interaction-types', { params: { path: { organisationId } }, body: { name } }));
      notifySuccess(`${added.name} is added.`);
      form.reset({ name: '' });
      await client.invalidateQueries({ queryKey: keys.types(organisationId) });
    } catch (error) {
      setFailure(showSubmitError(error, form.setError, NAME_FIELD));
    }
  });
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="xs" maw={720}>
        {failure && (
          <Alert color="red.9" variant="outline" role="alert" title="The type was not added">
            {failure}
          </Alert>
        )}
        <Group align="flex-start" wrap="wrap">
          <TextInput
            label="New interaction type"
            description="Up to 50 characters, for example “Site visit”."
            {...form.register('name')}
            error={form.formState.errors.name?.message}
            style={{ flex: 1, minWidth: 220 }}
          />
          <Button type="submit" mt={{ base: 0, sm: 46 }} loading={form.formState.isSubmitting} disabled={disabled}>
            Add type
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function RenameForm({ organisationId, type, taken, onDone }: { organisationId: string; type: InteractionType; taken: string[]; onDone: () => void }) {
  const client = useQueryClient();
  const [failure, setFailure] = useState<string | null>(null);
  const form = useForm<TypeNameValues>({ resolver: zodResolver(typeNameSchema(taken)), defaultValues: { name: type.name ?? '' } });
  const submit = form.handleSubmit(async ({ name }) => {
    setFailure(null);
    try {
      const renamed = await unwrap(
        api.PUT('/api/v1/organisations/{organisationId}/interaction-types/{typeId}', {
          params: { path: { organisationId, typeId: type.id! }, header: { 'If-Match': `"${type.version}"` } },
          body: { name },
        }),
      );
      notifySuccess(`${type.name} is now called ${renamed.name}.`);
      await client.invalidateQueries({ queryKey: keys.types(organisationId) });
      onDone();
    } catch (error) {
      if (error instanceof ApiError && error.status === 412) {
        setFailure('Someone else changed this type in the meantime. Close this window to see the current name, then try again.');
        void client.invalidateQueries({ queryKey: keys.types(organisationId) });
      } else {
        setFailure(showSubmitError(error, form.setError, NAME_FIELD));
      }
    }
  });
  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        {failure && (
          <Alert color="red.9" variant="outline" role="alert" title="The type was not renamed">
            {failure}
          </Alert>
        )}
        <TextInput label="Name" required data-autofocus {...form.register('name')} error={form.formState.errors.name?.message} />
        <Text size="sm" c="dimmed">
          Every interaction of this type takes the new name.
        </Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            Cancel
          </Button>
          <Button type="submit" loading={form.formState.isSubmitting}>
            Rename
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
