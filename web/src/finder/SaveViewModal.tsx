import { useEffect, useState } from 'react';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { z } from 'zod';
import { Alert, Button, Checkbox, Group, Modal, Stack, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { api, unwrap } from '../api/client';
import { ApiError, describeError } from '../api/problems';
import type { ViewQuestion } from './finderState';
import type { SavedView } from './finderApi';

const schema = z.object({
  name: z
    .string()
    .trim()
    .min(1, 'Give the view a name')
    .max(100, 'At most 100 characters')
    .refine((name) => !/[\u0000-\u001f\u007f]/.test(name), 'One line, without control characters'),
  shared: z.boolean(),
});
type Values = z.infer<typeof schema>;

interface Props {
  opened: boolean;
  onClose: () => void;
  siteId: string;
  /** The view to overwrite with the current settings, or none to save a new one. */
  existing: SavedView | null;
  question: ViewQuestion;
  mayShare: boolean;
  onSaved: (view: SavedView) => void;
}

/** Saves the Finder's current search, filters, order and columns as a new view, or into an existing one. */
export function SaveViewModal({ opened, onClose, siteId, existing, question, mayShare, onSaved }: Props) {
  const [problem, setProblem] = useState<string | null>(null);
  const {
    register,
    handleSubmit,
    reset,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<Values>({ resolver: zodResolver(schema), defaultValues: { name: '', shared: false } });

  useEffect(() => {
    if (opened) {
      reset({ name: existing?.name ?? '', shared: existing?.shared ?? false });
      setProblem(null);
    }
  }, [opened, existing, reset]);

  const save = handleSubmit(async (values) => {
    setProblem(null);
    const body = { ...question, name: values.name, shared: values.shared };
    try {
      const saved = existing
        ? await unwrap(
            api.PUT('/api/v1/sites/{siteId}/interaction-views/{id}', {
              params: { path: { siteId, id: existing.id! }, header: { 'If-Match': `"${existing.version}"` } },
              body,
            }),
          )
        : await unwrap(api.POST('/api/v1/sites/{siteId}/interaction-views', { params: { path: { siteId } }, body }));
      notifications.show({
        color: 'green',
        title: existing ? 'View updated' : 'View saved',
        message: `“${saved.name}” ${saved.shared ? 'is shared with everyone at this site' : 'is in your views'}.`,
      });
      onSaved(saved);
    } catch (error) {
      if (error instanceof ApiError && error.fieldErrors.length > 0) {
        const other: string[] = [];
        for (const field of error.fieldErrors) {
          if (field.field === 'name') setError('name', { message: field.message });
          else other.push(`${field.field}: ${field.message}`);
        }
        if (other.length) setProblem(`The current search cannot be saved: ${other.join('; ')}`);
      } else {
        setProblem(describeError(error));
      }
    }
  });

  return (
    <Modal opened={opened} onClose={onClose} title={existing ? `Update “${existing.name}”` : 'Save as a new view'}>
      <form onSubmit={save} noValidate>
        <Stack>
          {problem && (
            <Alert color="red" role="alert" title="Not saved">
              {problem}
            </Alert>
          )}
          <TextInput label="Name" required data-autofocus maxLength={100} error={errors.name?.message} {...register('name')} />
          <Checkbox
            label="Share with everyone at this site"
            description={mayShare ? 'Others see it in their views menu' : 'Sharing needs editor rights at this site'}
            disabled={!mayShare}
            {...register('shared')}
          />
          {existing && <Alert color="blue">The view will keep the search, filters, order and columns you see now.</Alert>}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={isSubmitting}>
              {existing ? 'Update view' : 'Save view'}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
