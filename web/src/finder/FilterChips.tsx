import { Button, Group, Pill } from '@mantine/core';
import { EMPTY_FILTERS, type FinderFilters } from './finderState';
import { formatDay } from './format';

interface Chip {
  key: string;
  label: string;
  without: Partial<FinderFilters>;
}

function chipsOf(filters: FinderFilters, nameOf: (id: string) => string): Chip[] {
  const chips: Chip[] = filters.types.map((type) => ({
    key: `type:${type}`,
    label: `Type: ${type}`,
    without: { types: filters.types.filter((t) => t !== type) },
  }));
  if (filters.lead) chips.push({ key: 'lead', label: `Lead: ${filters.lead}`, without: { lead: '' } });
  if (filters.location) chips.push({ key: 'location', label: `Location: ${filters.location}`, without: { location: '' } });
  if (filters.from) chips.push({ key: 'from', label: `Starts from ${formatDay(filters.from)}`, without: { from: '' } });
  if (filters.to) chips.push({ key: 'to', label: `Starts until ${formatDay(filters.to)}`, without: { to: '' } });
  if (filters.createdBy) {
    chips.push({ key: 'createdBy', label: `Created by: ${nameOf(filters.createdBy)}`, without: { createdBy: '' } });
  }
  return chips;
}

/** The filters in force, each removable on its own, and all at once. */
export function FilterChips({
  filters,
  nameOf,
  onChange,
}: {
  filters: FinderFilters;
  nameOf: (id: string) => string;
  onChange: (filters: FinderFilters) => void;
}) {
  const chips = chipsOf(filters, nameOf);
  if (chips.length === 0) return null;
  return (
    <Group gap="xs" role="group" aria-label="Active filters">
      {chips.map((chip) => (
        <Pill
          key={chip.key}
          size="md"
          withRemoveButton
          onRemove={() => onChange({ ...filters, ...chip.without })}
          // Pill hides its remove button from keyboards and screen readers (it is made for inputs); here it is the control
          removeButtonProps={{ tabIndex: 0, 'aria-hidden': false, 'aria-label': `Remove filter ${chip.label}` }}
        >
          {chip.label}
        </Pill>
      ))}
      <Button variant="subtle" size="compact-sm" onClick={() => onChange(EMPTY_FILTERS)}>
        Clear all filters
      </Button>
    </Group>
  );
}
