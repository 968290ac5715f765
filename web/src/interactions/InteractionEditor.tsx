import { useEffect, useMemo, useRef, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { Button, Group, Select, SimpleGrid, Stack, Text, TextInput, Textarea, type ComboboxItem, type OptionsFilter } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { Controller, useForm, useWatch, type Resolver } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { ApiError, describeError } from '../api/problems';
import type { SiteChoice } from '../auth/me';
import { ConflictDialog, type ConflictState } from './ConflictDialog';
import { mergeEdits } from './conflict';
import { confirmDelete } from './deleteWithUndo';
import {
  LIMITS,
  counterText,
  emptyValues,
  interactionSchema,
  serverFieldErrors,
  toRequest,
  valuesFrom,
  type InteractionValues,
} from './interactionSchema';
import {
  createInteraction,
  fetchInteraction,
  interactionKeys,
  isStatus,
  replaceInteraction,
  type Versioned,
} from './interactionsApi';
import { organisationKeys, useInteractionTypeNames } from '../organisation/directory';
import { LeaveGuard } from './LeaveGuard';
import { TimeField } from './TimeField';
import { formatInstantIn, offsetLabel, timeZones } from './time';

interface Props {
  choice: SiteChoice;
  /** The stored interaction when editing; absent when recording a new one. */
  loaded?: Versioned;
  canDelete: boolean;
  nameOf: (id: string | null | undefined) => string;
}

/** Zone search that ignores the underscores and slashes of IANA names: "new york" finds America/New_York. */
const zoneFilter: OptionsFilter = ({ options, search }) => {
  const words = search.toLowerCase().replace(/[_/]/g, ' ').split(/\s+/).filter(Boolean);
  return options.filter((option) => {
    const label = (option as ComboboxItem).label.toLowerCase().replace(/[_/]/g, ' ');
    return words.every((word) => label.includes(word));
  });
};

/** Descriptions (hints, counters) sit under the input, beside any error, in every field. */
const BELOW: Array<'label' | 'input' | 'description' | 'error'> = ['label', 'input', 'description', 'error'];

const localZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone;

/** Records a new interaction or changes one, with the server's rules checked as the user goes. */
export function InteractionEditor({ choice, loaded, canDelete, nameOf }: Props) {
  const siteId = choice.site.id!;
  const organisationId = choice.organisation.id!;
  const siteZone = choice.site.timezone ?? 'UTC';
  const finderPath = `/sites/${siteId}/interactions`;
  const navigate = useNavigate();
  const client = useQueryClient();
  const types = useInteractionTypeNames(organisationId);

  // the rules read the latest type list without rebuilding the form
  const typeNames = useRef<string[]>([]);
  useEffect(() => {
    typeNames.current = types.data ?? [];
  }, [types.data]);
  const resolver = useMemo<Resolver<InteractionValues>>(
    () => (values, context, options) => zodResolver(interactionSchema(typeNames.current))(values, context, options),
    [],
  );

  const [record, setRecord] = useState<Versioned | undefined>(loaded);
  const [base, setBase] = useState<InteractionValues>(() => (loaded ? valuesFrom(loaded.interaction) : emptyValues(siteZone)));
  // checked on submit, then as the user types; on blur only once a field was typed in (see `check`)
  const form = useForm<InteractionValues>({ resolver, mode: 'onSubmit', reValidateMode: 'onChange', defaultValues: base });
  const {
    register,
    control,
    handleSubmit,
    reset,
    setError,
    setFocus,
    getValues,
    getFieldState,
    trigger,
    formState: { errors, isDirty, dirtyFields, isSubmitted, isSubmitting },
  } = form;

  /**
   * Checks fields when the user leaves one. A field merely tabbed through stays quiet until the
   * first submit: an error popping up on blur would move the buttons under the pointer.
   */
  const check = (names: Array<keyof InteractionValues>) => {
    const due = names.filter((name) => dirtyFields[name] || getFieldState(name).invalid || isSubmitted);
    if (due.length > 0) void trigger(due);
  };
  const field = (name: keyof InteractionValues, related: Array<keyof InteractionValues> = []) =>
    register(name, {
      onBlur: () => check([name, ...related]),
      // before the first submit an error clears as soon as the field is put right
      onChange: () => {
        if (!isSubmitted && getFieldState(name).invalid) void trigger(name);
      },
    });
  const [title, lead, location, description, notes, start, end, timezone] = useWatch({
    control,
    name: ['title', 'lead', 'location', 'description', 'notes', 'start', 'end', 'timezone'],
  });
  const leaving = useRef(false);
  const [conflict, setConflict] = useState<ConflictState | null>(null);
  const editing = !!record;

  useEffect(() => {
    if (!loaded) setFocus('title');
  }, [loaded, setFocus]);

  const zoneOptions = useMemo(
    () => timeZones([siteZone, base.timezone, localZone()]).map((zone) => ({ value: zone, label: `${zone} (${offsetLabel(zone)})` })),
    [siteZone, base.timezone],
  );
  const typeOptions = useMemo(() => {
    const names = types.data ?? [];
    // a type renamed or removed since this interaction was saved still shows, so the user sees what to change
    return base.type && !names.includes(base.type) ? [...names, base.type] : names;
  }, [types.data, base.type]);

  /** Takes a version from the server as the one the form now works on. */
  const adopt = (version: Versioned) => {
    setRecord(version);
    client.setQueryData(interactionKeys.one(siteId, version.interaction.id!), version);
  };

  const startFresh = (values: InteractionValues) => {
    setBase(values);
    reset(values);
  };

  const save = async (values: InteractionValues, next: 'stay' | 'new') => {
    if (editing && !isDirty) {
      notifications.show({ title: 'Nothing to save', message: 'You have not changed anything since it was last saved.' });
      return;
    }
    const body = toRequest(values);
    try {
      const saved = record ? await replaceInteraction(siteId, record.interaction.id!, record.etag, body) : await createInteraction(siteId, body);
      client.setQueryData(interactionKeys.one(siteId, saved.interaction.id!), saved);
      void client.invalidateQueries({ queryKey: interactionKeys.lists(siteId) });
      const name = saved.interaction.title;
      if (record) {
        adopt(saved);
        startFresh(valuesFrom(saved.interaction));
        notifications.show({ color: 'teal', title: 'Saved', message: `Your changes to “${name}” are saved.` });
      } else if (next === 'new') {
        startFresh(emptyValues(values.timezone));
        setFocus('title');
        notifications.show({ color: 'teal', title: 'Interaction recorded', message: `“${name}” is saved. The form is empty again for the next one.` });
      } else {
        notifications.show({ color: 'teal', title: 'Interaction recorded', message: `“${name}” is saved.` });
        leaving.current = true;
        navigate(`${finderPath}/${saved.interaction.id}`, { replace: true });
      }
    } catch (error) {
      await saveFailed(error);
    }
  };

  const saveFailed = async (error: unknown) => {
    if (error instanceof ApiError && error.status === 400 && error.fieldErrors.length > 0) {
      const { fields, others } = serverFieldErrors(error.fieldErrors);
      fields.forEach(({ field, message }, index) => setError(field, { type: 'server', message }, { shouldFocus: index === 0 }));
      // a type refused by the server was probably renamed or removed meanwhile: show the current list
      if (fields.some(({ field }) => field === 'type')) void client.invalidateQueries({ queryKey: organisationKeys.types(organisationId) });
      const count = fields.length === 1 ? 'One field needs' : `${fields.length} fields need`;
      notifications.show({
        color: 'red',
        title: 'Not saved',
        message: [fields.length > 0 ? `${count} attention: see the messages in the form.` : '', ...others].join(' ').trim(),
      });
      return;
    }
    if (isStatus(error, 412) && record) {
      await showConflict(record.interaction.id!);
      return;
    }
    const advice = isStatus(error, 404)
      ? 'This interaction no longer exists: someone may have deleted it. Your changes are still in the form; copy anything you need.'
      : isStatus(error, 403)
        ? `${describeError(error)} Your changes are still in the form, not saved. Ask a site administrator if you need to change interactions here.`
        : `${describeError(error)} Your changes are still in the form, not saved.`;
    notifications.show({ color: 'red', title: 'Not saved', message: advice });
  };

  const showConflict = async (interactionId: string) => {
    setConflict({ status: 'loading' });
    try {
      const latest = await fetchInteraction(siteId, interactionId);
      const latestValues = valuesFrom(latest.interaction);
      setConflict({ status: 'loaded', latest, latestValues, merge: mergeEdits(base, getValues(), latestValues) });
    } catch (error) {
      setConflict(isStatus(error, 404) ? { status: 'gone' } : { status: 'failed', error });
    }
  };

  const keepMine = () => {
    if (conflict?.status !== 'loaded') return;
    adopt(conflict.latest);
    setBase(conflict.latestValues);
    // the latest version becomes what the form compares against; the user's edits stay on top as unsaved changes
    reset(conflict.latestValues);
    reset(conflict.merge.values, { keepDefaultValues: true });
    setConflict(null);
    notifications.show({
      title: 'Your changes are kept',
      message: 'They are now on top of the latest version. Check the form, then save.',
    });
  };

  const takeLatest = () => {
    if (conflict?.status !== 'loaded') return;
    adopt(conflict.latest);
    startFresh(conflict.latestValues);
    setConflict(null);
    notifications.show({ title: 'Latest version shown', message: 'Your changes were discarded.' });
  };

  const remove = () => {
    if (!record) return;
    confirmDelete(client, { siteId, id: record.interaction.id!, title: record.interaction.title ?? '', etag: record.etag }, () => {
      leaving.current = true;
      navigate(finderPath);
    });
  };

  const counter = (text: string, limit: number) => counterText(text ?? '', limit) ?? undefined;

  return (
    <>
      <form
        noValidate
        aria-label={editing ? 'Edit interaction' : 'New interaction'}
        onSubmit={handleSubmit((values) => save(values, 'stay'))}
      >
        <Stack gap="md">
          <TextInput
            label="Title"
            required
            {...field('title')}
            error={errors.title?.message}
            description={counter(title, LIMITS.title)}
            inputWrapperOrder={BELOW}
          />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <Controller
              control={control}
              name="type"
              render={({ field: type, fieldState }) => (
                <Select
                  label="Type"
                  required
                  data={typeOptions}
                  searchable
                  selectFirstOptionOnChange
                  allowDeselect={false}
                  nothingFoundMessage="No type matches"
                  placeholder={types.isPending ? 'Loading types…' : 'Choose a type'}
                  description={types.isError ? `The types could not be loaded: ${describeError(types.error)}` : undefined}
                  inputWrapperOrder={BELOW}
                  value={type.value || null}
                  onChange={(value) => {
                    type.onChange(value ?? '');
                    if (fieldState.invalid) check(['type']);
                  }}
                  onBlur={() => {
                    type.onBlur();
                    check(['type']);
                  }}
                  ref={type.ref}
                  name={type.name}
                  error={fieldState.error?.message}
                  comboboxProps={{ withinPortal: true }}
                />
              )}
            />
            <TextInput
              label="Lead"
              required
              {...field('lead')}
              error={errors.lead?.message}
              description={counter(lead, LIMITS.lead) ?? 'Who led it'}
              inputWrapperOrder={BELOW}
            />
          </SimpleGrid>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TimeField
              field="start"
              label="Start"
              required
              value={start}
              timezone={timezone}
              error={errors.start?.message}
              registration={field('start', ['end'])}
              control={control}
            />
            <TimeField
              field="end"
              label="End"
              value={end}
              timezone={timezone}
              min={start}
              error={errors.end?.message}
              registration={field('end', ['start'])}
              control={control}
            />
          </SimpleGrid>
          <Controller
            control={control}
            name="timezone"
            render={({ field: zone, fieldState }) => (
              <Select
                label="Time zone"
                required
                description={`Start and end are read in this zone. The site's zone is ${siteZone}.`}
                inputWrapperOrder={BELOW}
                data={zoneOptions}
                searchable
                selectFirstOptionOnChange
                filter={zoneFilter}
                allowDeselect={false}
                nothingFoundMessage="No time zone matches"
                maxDropdownHeight={280}
                value={zone.value || null}
                onChange={(value) => {
                  zone.onChange(value ?? '');
                  // the same wall-clock times may fall in a gap, or stop being one, in another zone
                  check(['timezone', 'start', 'end']);
                }}
                onBlur={() => {
                  zone.onBlur();
                  check(['timezone']);
                }}
                ref={zone.ref}
                name={zone.name}
                error={fieldState.error?.message}
                comboboxProps={{ withinPortal: true }}
                maw={{ sm: 'calc(50% - var(--mantine-spacing-md) / 2)' }}
              />
            )}
          />
          <TextInput
            label="Location"
            {...field('location')}
            error={errors.location?.message}
            description={counter(location, LIMITS.location)}
            inputWrapperOrder={BELOW}
          />
          <Textarea
            label="Description"
            autosize
            minRows={3}
            maxRows={14}
            {...field('description')}
            error={errors.description?.message}
            description={counter(description, LIMITS.description)}
            inputWrapperOrder={BELOW}
          />
          <Textarea
            label="Notes"
            autosize
            minRows={3}
            maxRows={14}
            {...field('notes')}
            error={errors.notes?.message}
            description={counter(notes, LIMITS.notes)}
            inputWrapperOrder={BELOW}
          />
          {record && (
            <Text size="sm" c="dimmed">
              Recorded {formatInstantIn(record.interaction.createdAt, localZone())} by {nameOf(record.interaction.createdBy)}; last changed{' '}
              {formatInstantIn(record.interaction.updatedAt, localZone())} by {nameOf(record.interaction.updatedBy)}.
            </Text>
          )}
          <Group justify="space-between" gap="sm">
            <Group gap="sm">
              <Button type="submit" loading={isSubmitting}>
                Save
              </Button>
              {!editing && (
                <Button variant="light" disabled={isSubmitting} onClick={handleSubmit((values) => save(values, 'new'))}>
                  Save and new
                </Button>
              )}
              <Button component={Link} to={finderPath} variant="default">
                Cancel
              </Button>
            </Group>
            {editing && canDelete && (
              <Button color="red" variant="outline" onClick={remove} disabled={isSubmitting}>
                Delete
              </Button>
            )}
          </Group>
        </Stack>
      </form>
      <LeaveGuard dirty={isDirty} allowed={leaving} />
      <ConflictDialog
        state={conflict}
        mine={getValues()}
        finderPath={finderPath}
        nameOf={nameOf}
        onKeepMine={keepMine}
        onUseLatest={takeLatest}
        onClose={() => setConflict(null)}
      />
    </>
  );
}
