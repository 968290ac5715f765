import type { ReactNode } from 'react';
import { EmptyState, Group, Pagination, Skeleton, Stack, Text, VisuallyHidden } from '@mantine/core';

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
