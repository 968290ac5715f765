import { Button, Checkbox, Popover, Stack, Text } from '@mantine/core';
import { IconColumns } from '@tabler/icons-react';
import { COLUMN_LABELS, COLUMNS, type ColumnId, normaliseColumns } from './finderState';

/** Which columns the table shows; the title always shows, since it opens the interaction. */
export function ColumnChooser({ visible, onChange }: { visible: readonly ColumnId[]; onChange: (columns: ColumnId[]) => void }) {
  const toggle = (id: ColumnId, checked: boolean) =>
    onChange(normaliseColumns(checked ? [...visible, id] : visible.filter((c) => c !== id)));
  return (
    <Popover position="bottom-end" trapFocus shadow="md" withinPortal>
      <Popover.Target>
        <Button variant="default" leftSection={<IconColumns size={16} aria-hidden />}>
          Columns
        </Button>
      </Popover.Target>
      <Popover.Dropdown aria-label="Choose columns">
        <Stack gap="xs" role="group" aria-labelledby="finder-columns-heading">
          <Text id="finder-columns-heading" size="sm" fw={700}>
            Show columns
          </Text>
          {COLUMNS.map((id) => (
            <Checkbox
              key={id}
              label={id === 'title' ? `${COLUMN_LABELS[id]} (always shown)` : COLUMN_LABELS[id]}
              checked={visible.includes(id)}
              disabled={id === 'title'}
              onChange={(event) => toggle(id, event.currentTarget.checked)}
            />
          ))}
        </Stack>
      </Popover.Dropdown>
    </Popover>
  );
}
