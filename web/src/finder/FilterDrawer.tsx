import { type FormEvent, useEffect, useState } from 'react';
import { Button, Drawer, Group, MultiSelect, Select, Stack, Text, TextInput } from '@mantine/core';
import { EMPTY_FILTERS, type FinderFilters } from './finderState';
import type { Person } from '../organisation/directory';

interface Props {
  opened: boolean;
  onClose: () => void;
  filters: FinderFilters;
  onApply: (filters: FinderFilters) => void;
  types: string[];
  typesLoading: boolean;
  people: Person[];
  zone: string;
}

/**
 * The filters, edited together and applied at once (one history entry, one search), in a drawer
 * that covers the screen on phones and sits at the side on larger ones.
 */
export function FilterDrawer({ opened, onClose, filters, onApply, types, typesLoading, people, zone }: Props) {
  const [draft, setDraft] = useState<FinderFilters>(filters);
  // each opening starts from the filters in force
  useEffect(() => {
    if (opened) setDraft(filters);
  }, [opened]);

  const set = <K extends keyof FinderFilters>(key: K, value: FinderFilters[K]) => setDraft((d) => ({ ...d, [key]: value }));
  const rangeError = draft.from && draft.to && draft.to < draft.from ? 'Must be on or after the first day' : null;
  // keep a chosen type or person selectable even if the lists do not hold them (a renamed type, an unnamed colleague)
  const typeData = [...new Set([...types, ...draft.types])];
  const peopleData = people.map((p) => ({ value: p.id, label: p.name }));
  if (draft.createdBy && !people.some((p) => p.id === draft.createdBy)) {
    peopleData.push({ value: draft.createdBy, label: 'Another member' });
  }

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (rangeError) return;
    onApply({ ...draft, lead: draft.lead.trim(), location: draft.location.trim() });
  };

  return (
    <Drawer opened={opened} onClose={onClose} title="Filter interactions" position="right" size="md" closeButtonProps={{ 'aria-label': 'Close filters' }}>
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <MultiSelect
            label="Type"
            placeholder={draft.types.length ? undefined : typesLoading ? 'Loading types…' : 'Any type'}
            data={typeData}
            value={draft.types}
            onChange={(value) => set('types', value)}
            searchable
            clearable
            nothingFoundMessage="No such type"
            comboboxProps={{ withinPortal: true }}
          />
          <TextInput
            label="Lead"
            description="The lead’s whole name, in any case"
            value={draft.lead}
            onChange={(e) => set('lead', e.currentTarget.value)}
            maxLength={100}
          />
          <TextInput
            label="Location"
            description="The whole location, in any case"
            value={draft.location}
            onChange={(e) => set('location', e.currentTarget.value)}
            maxLength={200}
          />
          <Text size="sm" fw={500} mb={-8}>
            Start date
          </Text>
          <Text size="xs" c="dimmed" mt={-8}>
            Days in the site’s time zone ({zone})
          </Text>
          <Group grow align="flex-start">
            <TextInput type="date" label="From" value={draft.from} onChange={(e) => set('from', e.currentTarget.value)} />
            <TextInput type="date" label="To (inclusive)" value={draft.to} onChange={(e) => set('to', e.currentTarget.value)} error={rangeError} />
          </Group>
          <Select
            label="Created by"
            placeholder="Anyone"
            data={peopleData}
            value={draft.createdBy || null}
            onChange={(value) => set('createdBy', value ?? '')}
            searchable
            clearable
            nothingFoundMessage="No one by that name"
            comboboxProps={{ withinPortal: true }}
          />
          <Group justify="space-between" mt="sm">
            <Button variant="subtle" onClick={() => setDraft(EMPTY_FILTERS)}>
              Reset filters
            </Button>
            <Button type="submit">Show results</Button>
          </Group>
        </Stack>
      </form>
    </Drawer>
  );
}
