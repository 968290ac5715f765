import { memo, useMemo } from 'react';
import { Link } from 'react-router';
import { Skeleton, Table, UnstyledButton, VisuallyHidden } from '@mantine/core';
import { IconArrowDown, IconArrowUp, IconArrowsSort } from '@tabler/icons-react';
import { type ColumnDef, type Row, flexRender, getCoreRowModel, useReactTable } from '@tanstack/react-table';
import { COLUMN_LABELS, COLUMNS, type ColumnId, SORTABLE, type Sort } from './finderState';
import classes from './finder.module.css';

/** One interaction as the table shows it: every cell already formatted, so rendering does no work per row. */
export type FinderRow = { id: string; href: string } & Record<ColumnId, string>;

const WIDE: ReadonlySet<ColumnId> = new Set(['description', 'notes']);

// defined once: TanStack Table re-derives its models when the column array changes identity
const columns: ColumnDef<FinderRow>[] = COLUMNS.map((id) => ({
  id,
  accessorKey: id,
  header: COLUMN_LABELS[id],
  cell: ({ row }) => {
    const value = row.original[id];
    if (id === 'title') {
      return (
        <Link to={row.original.href} className={classes.titleLink}>
          {value || '(untitled)'}
        </Link>
      );
    }
    if (WIDE.has(id)) return <div className={classes.clamp}>{value}</div>;
    return value;
  },
}));

interface Props {
  rows: FinderRow[];
  visible: readonly ColumnId[];
  sort: Sort | null;
  onSort: (field: ColumnId) => void;
  /** No rows yet: show placeholders of this many rows. */
  loadingRows: number;
  /** A newer page is on its way; the rows shown are the previous ones. */
  stale: boolean;
  caption: string;
}

export function InteractionsTable({ rows, visible, sort, onSort, loadingRows, stale, caption }: Props) {
  const columnVisibility = useMemo(() => Object.fromEntries(COLUMNS.map((c) => [c, visible.includes(c)])), [visible]);
  const table = useReactTable({
    data: rows,
    columns,
    state: { columnVisibility },
    getCoreRowModel: getCoreRowModel(),
    getRowId: (row) => row.id,
    manualSorting: true,
    manualPagination: true,
  });
  const headers = table.getHeaderGroups()[0]?.headers ?? [];
  const visibleKey = visible.join(',');

  return (
    <Table.ScrollContainer
      minWidth={Math.max(600, visible.length * 150)}
      type="native"
      className={classes.scroller}
      tabIndex={0}
      role="region"
      aria-label="Interactions table (scrolls sideways)"
    >
      <Table highlightOnHover verticalSpacing="xs" aria-busy={stale || loadingRows > 0} className={stale ? classes.stale : undefined}>
        <VisuallyHidden component="caption">{caption}</VisuallyHidden>
        <Table.Thead>
          <Table.Tr>
            {headers.map((header) => {
              const id = header.column.id as ColumnId;
              const direction = sort?.field === id ? sort.direction : null;
              return (
                <Table.Th
                  key={id}
                  scope="col"
                  className={id === 'title' ? classes.sticky : undefined}
                  aria-sort={direction === 'asc' ? 'ascending' : direction === 'desc' ? 'descending' : undefined}
                >
                  {SORTABLE.has(id) ? (
                    <UnstyledButton className={classes.sortButton} onClick={() => onSort(id)}>
                      {COLUMN_LABELS[id]}
                      {direction === 'asc' ? (
                        <IconArrowUp size={14} aria-hidden />
                      ) : direction === 'desc' ? (
                        <IconArrowDown size={14} aria-hidden />
                      ) : (
                        <IconArrowsSort size={14} aria-hidden opacity={0.6} />
                      )}
                    </UnstyledButton>
                  ) : (
                    COLUMN_LABELS[id]
                  )}
                </Table.Th>
              );
            })}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {loadingRows > 0
            ? Array.from({ length: loadingRows }, (_, i) => (
                <Table.Tr key={i}>
                  {visible.map((id) => (
                    <Table.Td key={id} className={id === 'title' ? classes.sticky : undefined}>
                      <Skeleton height={12} radius="xl" width={id === 'title' ? '80%' : '60%'} />
                    </Table.Td>
                  ))}
                </Table.Tr>
              ))
            : table.getRowModel().rows.map((row) => <FinderTableRow key={row.id} row={row} visibleKey={visibleKey} />)}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

const { tr: TR, td: TD } = Table.classes;
const CELL_CLASS: Partial<Record<ColumnId, string>> = {
  title: `${TD} ${classes.sticky} ${classes.titleCell}`,
  start: `${TD} ${classes.nowrap}`,
  end: `${TD} ${classes.nowrap}`,
  createdAt: `${TD} ${classes.nowrap}`,
  updatedAt: `${TD} ${classes.nowrap}`,
};

/**
 * Rows re-render only when their interaction or the visible columns change. Body cells are plain
 * elements with Table's own classes: a Mantine component per cell (up to 13 × 200 of them) costs
 * more than the whole rest of the page.
 */
const FinderTableRow = memo(function FinderTableRow({ row }: { row: Row<FinderRow>; visibleKey: string }) {
  return (
    <tr className={TR} data-with-row-border data-hover>
      {row.getVisibleCells().map((cell) => (
        <td key={cell.id} className={CELL_CLASS[cell.column.id as ColumnId] ?? TD}>
          {flexRender(cell.column.columnDef.cell, cell.getContext())}
        </td>
      ))}
    </tr>
  );
});
