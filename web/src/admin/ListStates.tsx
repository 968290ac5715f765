import type { ReactNode } from 'react';
import { Card, DataList, EmptyState, Group, Pagination, Skeleton, Stack, Table, Text, VisuallyHidden } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { flexRender, type Table as TableModel } from '@tanstack/react-table';

/** Rows of grey while a list loads; announced to screen readers once. */
export function ListLoading({ label, rows = 5 }: { label: string; rows?: number }) {
  return (
    <Stack gap="xs" role="status" aria-live="polite">
      <VisuallyHidden>{label}</VisuallyHidden>
      {Array.from({ length: rows }, (_, row) => (
        <Skeleton key={row} height={36} />
      ))}
    </Stack>
  );
}

/** An empty list says why it is empty and what to do next. */
export function ListEmpty({ title, children, action }: { title: string; children: ReactNode; action?: ReactNode }) {
  return (
    <EmptyState py="xl" role="status">
      <EmptyState.Title order={3}>{title}</EmptyState.Title>
      <EmptyState.Description>{children}</EmptyState.Description>
      {action && <EmptyState.Actions>{action}</EmptyState.Actions>}
    </EmptyState>
  );
}

/** Page buttons with the count of what is shown; the whole thing is a labelled navigation. */
export function ListPages({
  label,
  page,
  totalPages,
  totalItems,
  size,
  onChange,
}: {
  label: string;
  page: number;
  totalPages: number;
  totalItems: number;
  size: number;
  onChange: (page: number) => void;
}) {
  const first = totalItems === 0 ? 0 : (page - 1) * size + 1;
  const last = Math.min(totalItems, page * size);
  return (
    <Group justify="space-between" wrap="wrap" gap="sm">
      <Text size="sm" c="dimmed">
        {first}–{last} of {totalItems}
      </Text>
      {totalPages > 1 && (
        <nav aria-label={label}>
          <Pagination
            value={page}
            total={totalPages}
            onChange={onChange}
            size="sm"
            getItemProps={(item) => ({ 'aria-label': `Page ${item}` })}
            getControlProps={(control) => ({ 'aria-label': control === 'previous' ? 'Previous page' : control === 'next' ? 'Next page' : control === 'first' ? 'First page' : 'Last page' })}
          />
        </nav>
      )}
    </Group>
  );
}

/**
 * A table on wide screens; on a phone a list of cards (first column as the card's heading, the
 * others labelled by their column), since a wide table would hide its actions off-screen.
 */
export function RecordTable<T>({ table, label, minWidth }: { table: TableModel<T>; label: string; minWidth: number }) {
  const phone = useMediaQuery('(max-width: 48em)');
  if (phone) {
    return (
      <Stack component="ul" aria-label={label} gap="sm" p={0} m={0} style={{ listStyle: 'none' }}>
        {table.getRowModel().rows.map((row) => {
          const [first, ...rest] = row.getVisibleCells();
          return (
            <Card component="li" key={row.id} withBorder padding="sm">
              {first && <div>{flexRender(first.column.columnDef.cell, first.getContext())}</div>}
              <DataList size="sm" gap="xs" mt="xs" labelWidth="7rem">
                {rest.map((cell) => (
                  <DataList.Item key={cell.id}>
                    <DataList.ItemLabel>{String(cell.column.columnDef.header ?? '')}</DataList.ItemLabel>
                    <DataList.ItemValue>{flexRender(cell.column.columnDef.cell, cell.getContext())}</DataList.ItemValue>
                  </DataList.Item>
                ))}
              </DataList>
            </Card>
          );
        })}
      </Stack>
    );
  }
  return (
    <Table.ScrollContainer minWidth={minWidth}>
      <Table striped highlightOnHover verticalSpacing="sm" aria-label={label}>
        <Table.Thead>
          {table.getHeaderGroups().map((group) => (
            <Table.Tr key={group.id}>
              {group.headers.map((header) => (
                <Table.Th key={header.id}>{flexRender(header.column.columnDef.header, header.getContext())}</Table.Th>
              ))}
            </Table.Tr>
          ))}
        </Table.Thead>
        <Table.Tbody>
          {table.getRowModel().rows.map((row) => (
            <Table.Tr key={row.id}>
              {row.getVisibleCells().map((cell) => (
                <Table.Td key={cell.id}>{flexRender(cell.column.columnDef.cell, cell.getContext())}</Table.Td>
              ))}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
