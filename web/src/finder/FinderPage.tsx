import { useCallback, useEffect, useMemo, useRef } from 'react';
import { Link } from 'react-router';
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Anchor, Badge, Button, Center, EmptyState, Group, List, Loader, NativeSelect, Stack, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconChevronLeft, IconChevronRight, IconFilter, IconInbox, IconPlus, IconSearchOff } from '@tabler/icons-react';
import { ApiError, describeError } from '../api/problems';
import { useCurrentSite } from '../auth/currentSite';
import { can, useMe } from '../auth/me';
import { ErrorState } from '../layout/ErrorState';
import { ColumnChooser } from './ColumnChooser';
import { ExportButton } from './ExportButton';
import { FilterChips } from './FilterChips';
import { FilterDrawer } from './FilterDrawer';
import {
  type ColumnId,
  type FinderFilters,
  type FinderState,
  PAGE_SIZES,
  type PageSize,
  activeFilterCount,
  clearedQuestion,
  describeTotal,
  effectiveSort,
  fromView,
  isNarrowed,
  matchesView,
  nextSort,
  pageParams,
  questionParams,
  toView,
  withQuestion,
} from './finderState';
import { type Interaction, type SavedView, fetchFinderPage, finderKeys, useSavedViews } from './finderApi';
import { useInteractionTypeNames, usePeople } from '../organisation/directory';
import { formatMoment } from './format';
import { type FinderRow, InteractionsTable } from './InteractionsTable';
import { SavedViewsMenu } from './SavedViewsMenu';
import { SearchBox } from './SearchBox';
import { useFinderState } from './useFinderState';
import classes from './finder.module.css';

// long texts are clamped to two lines anyway; do not hand the DOM 20,000 characters per cell
const excerpt = (text: string | undefined) => (text && text.length > 300 ? `${text.slice(0, 300)}…` : (text ?? ''));

function toRow(item: Interaction, siteId: string, siteZone: string, nameOf: (id: string | undefined) => string): FinderRow {
  return {
    id: item.id!,
    href: `/sites/${siteId}/interactions/${item.id}`,
    title: item.title ?? '',
    type: item.type ?? '',
    lead: item.lead ?? '',
    start: formatMoment(item.start, item.timezone),
    end: formatMoment(item.end, item.timezone),
    timezone: item.timezone ?? '',
    location: item.location ?? '',
    description: excerpt(item.description),
    notes: excerpt(item.notes),
    createdAt: formatMoment(item.createdAt, siteZone),
    createdBy: nameOf(item.createdBy),
    updatedAt: formatMoment(item.updatedAt, siteZone),
    updatedBy: nameOf(item.updatedBy),
  };
}

/** The Finder: a site's interactions, searched, filtered, sorted and paged, all of it kept in the URL. */
export default function FinderPage() {
  const current = useCurrentSite();
  const { data: me, isPending: meLoading } = useMe();
  if (!current) {
    if (meLoading) {
      return (
        <Center h="40vh">
          <Loader role="status" aria-label="Loading" />
        </Center>
      );
    }
    return (
      <Stack maw={480} mx="auto" mt="xl">
        <Alert color="yellow" title="This site is not available" role="alert">
          It may have been closed, or you may not have a role there.{' '}
          <Anchor component={Link} to="/choose-site">
            Choose one of your sites
          </Anchor>
          .
        </Alert>
      </Stack>
    );
  }
  return <Finder key={current.site.id} me={me} current={current} />;
}

function Finder({ me, current }: { me: ReturnType<typeof useMe>['data']; current: NonNullable<ReturnType<typeof useCurrentSite>> }) {
  const siteId = current.site.id!;
  const siteName = current.site.name ?? 'Site';
  const zone = current.site.timezone || 'UTC';
  const organisation = current.organisation;
  const mayWrite = can(current, 'INTERACTION_WRITE');
  const [state, update] = useFinderState();
  const [filtersOpened, filtersDrawer] = useDisclosure(false);
  const client = useQueryClient();

  const types = useInteractionTypeNames(organisation.id);
  const views = useSavedViews(siteId);
  const { people, nameOf } = usePeople(me, organisation);

  const params = useMemo(() => pageParams(state, zone), [state, zone]);
  const paramsKey = params.toString();
  const question = useMemo(() => questionParams(state, zone), [state, zone]);
  const questionKey = question.toString();
  const page = useQuery({
    queryKey: finderKeys.page(siteId, paramsKey),
    queryFn: ({ signal }) => fetchFinderPage(siteId, params, signal),
    // the previous page stays on screen (dimmed) while the next one loads
    placeholderData: keepPreviousData,
  });
  const pageNumber = state.cursors.length + 1;

  // the API counts only with the first page; later pages reuse that count (or ask for it once, for a shared link)
  useEffect(() => {
    if (pageNumber === 1 && page.data && !page.isPlaceholderData && page.data.total !== undefined) {
      client.setQueryData(finderKeys.total(siteId, questionKey), { total: page.data.total, exact: page.data.totalExact !== false });
    }
  }, [client, page.data, page.isPlaceholderData, pageNumber, questionKey, siteId]);
  const total = useQuery({
    queryKey: finderKeys.total(siteId, questionKey),
    queryFn: async ({ signal }) => {
      const first = await fetchFinderPage(siteId, new URLSearchParams([...question, ['size', '1']]), signal);
      return { total: first.total ?? 0, exact: first.totalExact !== false };
    },
    enabled: pageNumber > 1,
    staleTime: 60_000,
  });
  const count =
    pageNumber === 1 && page.data && !page.isPlaceholderData && page.data.total !== undefined
      ? { total: page.data.total, exact: page.data.totalExact !== false }
      : pageNumber > 1
        ? total.data
        : undefined;

  const rows = useMemo(
    () => (page.data?.items ?? []).map((item) => toRow(item, siteId, zone, nameOf)),
    [page.data, siteId, zone, nameOf],
  );

  const currentView = useMemo(() => views.data?.find((v) => v.id === state.view) ?? null, [views.data, state.view]);
  const viewChanged = currentView !== null && !matchesView(currentView, state, zone);

  const onSort = useCallback((field: ColumnId) => update((s) => withQuestion(s, { sort: nextSort(s, field) })), [update]);
  const setFilters = (filters: FinderFilters) => update((s) => withQuestion(s, filters));
  const setColumns = (columns: ColumnId[]) => update((s) => ({ ...s, columns }));
  const applyView = (view: SavedView) => update((s) => fromView(view, s, zone));
  const clearAll = () => update((s) => clearedQuestion(s));
  const resultsTop = useRef<HTMLDivElement>(null);
  const goTo = (cursors: string[]) => {
    update((s) => ({ ...s, cursors }));
    // the pager sits below the rows: show the new page from its first row
    resultsTop.current?.scrollIntoView({ block: 'nearest' });
  };

  const items = page.data?.items ?? [];
  const firstRow = (pageNumber - 1) * state.size + 1;
  const summary = (() => {
    if (page.isError && !page.data) return 'No results';
    if (page.isPending || page.isPlaceholderData) return 'Loading interactions…';
    const of = count ? describeTotal(count.total, count.exact) : 'many interactions';
    if (items.length === 0) return count ? of : 'No interactions on this page';
    const last = firstRow + items.length - 1;
    return `${firstRow.toLocaleString('en-GB')}–${last.toLocaleString('en-GB')} of ${of}`;
  })();
  const sort = effectiveSort(state);
  const filterCount = activeFilterCount(state);

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end" wrap="wrap" gap="sm">
        <div>
          <Title order={1}>Interactions</Title>
          <Text c="dimmed" size="sm">
            {siteName} · times shown in each interaction’s own time zone
          </Text>
        </div>
        {mayWrite && (
          <Button component={Link} to={`/sites/${siteId}/interactions/new`} leftSection={<IconPlus size={16} aria-hidden />}>
            New interaction
          </Button>
        )}
      </Group>

      <Group gap="sm" wrap="wrap" align="flex-start" role="search" aria-label="Find interactions">
        <div className={classes.search} style={{ flex: '1 1 260px', minWidth: 0 }}>
          <SearchBox q={state.q} update={update} />
        </div>
        <Group gap="sm" wrap="wrap">
          <Button
            variant="default"
            onClick={filtersDrawer.open}
            leftSection={<IconFilter size={16} aria-hidden />}
            rightSection={
              filterCount > 0 ? (
                <Badge size="sm" circle aria-hidden>
                  {filterCount}
                </Badge>
              ) : null
            }
            aria-label={filterCount > 0 ? `Filters (${filterCount} active)` : 'Filters'}
          >
            Filters
          </Button>
          <SavedViewsMenu
            siteId={siteId}
            myId={me?.user?.id}
            views={views.data ?? []}
            loading={views.isPending}
            failed={views.isError}
            current={currentView}
            changed={viewChanged}
            question={toView(state, zone)}
            mayShare={mayWrite}
            mayManageShared={can(current, 'INTERACTION_DELETE')}
            onApply={applyView}
            onSaved={(view) => {
              client.setQueryData<SavedView[]>(finderKeys.views(siteId), (list) => [...(list ?? []).filter((v) => v.id !== view.id), view]);
              void client.invalidateQueries({ queryKey: finderKeys.views(siteId) });
              update((s) => ({ ...s, view: view.id ?? null }), { replace: true });
            }}
            onDeleted={(view) => {
              client.setQueryData<SavedView[]>(finderKeys.views(siteId), (list) => (list ?? []).filter((v) => v.id !== view.id));
              update((s) => (s.view === view.id ? { ...s, view: null } : s), { replace: true });
            }}
          />
          <ColumnChooser visible={state.columns} onChange={setColumns} />
          <ExportButton siteId={siteId} siteName={siteName} zone={zone} question={question} />
        </Group>
      </Group>

      <FilterChips filters={state} nameOf={nameOf} onChange={setFilters} />

      <Group justify="space-between" gap="xs" wrap="wrap" ref={resultsTop} style={{ scrollMarginTop: 76 }}>
        <Text size="sm" fw={500} role="status" aria-live="polite">
          {summary}
        </Text>
        {state.q && !state.sort && (
          <Text size="sm" c="dimmed">
            Most relevant first
          </Text>
        )}
      </Group>

      {page.isError && !page.data ? (
        <FinderError error={page.error} state={state} onFirstPage={() => goTo([])} onClear={clearAll} onRetry={() => void page.refetch()} />
      ) : !page.isPending && items.length === 0 ? (
        <FinderEmpty
          narrowed={isNarrowed(state)}
          pageNumber={pageNumber}
          siteId={siteId}
          siteName={siteName}
          mayWrite={mayWrite}
          onClear={clearAll}
          onFirstPage={() => goTo([])}
        />
      ) : (
        <InteractionsTable
          rows={rows}
          visible={state.columns}
          sort={sort}
          onSort={onSort}
          loadingRows={page.isPending ? Math.min(state.size, 10) : 0}
          stale={page.isPlaceholderData}
          caption={`Interactions at ${siteName}${sort ? `, sorted by ${sort.field} ${sort.direction === 'asc' ? 'ascending' : 'descending'}` : ', most relevant first'}`}
        />
      )}

      {page.isError && page.data && (
        <Alert color="red" role="alert" title="The next page could not be loaded">
          {describeError(page.error)}
        </Alert>
      )}

      {(pageNumber > 1 || items.length > 0) && (
        <Group justify="space-between" wrap="wrap" gap="sm" align="flex-end" component="nav" aria-label="Pages">
          <NativeSelect
            label="Rows per page"
            data={PAGE_SIZES.map(String)}
            value={String(state.size)}
            onChange={(e) => update((s) => withQuestion(s, { size: Number(e.currentTarget.value) as PageSize }))}
            w={120}
          />
          <Group gap="xs" align="center" wrap="nowrap">
            <Button
              variant="default"
              aria-label="Previous page"
              leftSection={<IconChevronLeft size={16} aria-hidden />}
              disabled={pageNumber === 1}
              onClick={() => goTo(state.cursors.slice(0, -1))}
            >
              Previous
            </Button>
            <Text size="sm" px="xs" className={classes.nowrap}>
              Page {pageNumber}
            </Text>
            <Button
              variant="default"
              aria-label="Next page"
              rightSection={<IconChevronRight size={16} aria-hidden />}
              disabled={!page.data?.nextCursor || page.isPlaceholderData}
              onClick={() => page.data?.nextCursor && goTo([...state.cursors, page.data.nextCursor])}
            >
              Next
            </Button>
          </Group>
        </Group>
      )}

      <FilterDrawer
        opened={filtersOpened}
        onClose={filtersDrawer.close}
        filters={state}
        onApply={(filters) => {
          setFilters(filters);
          filtersDrawer.close();
        }}
        types={types.data ?? []}
        typesLoading={types.isPending}
        people={people}
        zone={zone}
      />
    </Stack>
  );
}

function FinderEmpty(props: {
  narrowed: boolean;
  pageNumber: number;
  siteId: string;
  siteName: string;
  mayWrite: boolean;
  onClear: () => void;
  onFirstPage: () => void;
}) {
  const { narrowed, pageNumber, siteId, siteName, mayWrite } = props;
  let title = 'No interactions yet';
  let description = mayWrite
    ? `Record the first meeting, call or visit at ${siteName}.`
    : `Nothing has been recorded at ${siteName} yet. Editors at this site can add interactions.`;
  let action = mayWrite ? (
    <Button component={Link} to={`/sites/${siteId}/interactions/new`} leftSection={<IconPlus size={16} aria-hidden />}>
      New interaction
    </Button>
  ) : null;
  if (pageNumber > 1) {
    title = 'This page is empty';
    description = 'The interactions it held may have been deleted or changed.';
    action = <Button onClick={props.onFirstPage}>Back to the first page</Button>;
  } else if (narrowed) {
    title = 'No interactions match';
    description = 'Try fewer or shorter words, or remove some filters.';
    action = <Button onClick={props.onClear}>Clear search and filters</Button>;
  }
  return (
    <EmptyState py="xl">
      <EmptyState.Indicator>{narrowed && pageNumber === 1 ? <IconSearchOff aria-hidden /> : <IconInbox aria-hidden />}</EmptyState.Indicator>
      <EmptyState.Title order={2}>{title}</EmptyState.Title>
      <EmptyState.Description>{description}</EmptyState.Description>
      {action && <EmptyState.Actions>{action}</EmptyState.Actions>}
    </EmptyState>
  );
}

const FIELD_NAMES: Record<string, string> = {
  q: 'The search',
  type: 'The type filter',
  lead: 'The lead filter',
  location: 'The location filter',
  from: 'The start date',
  to: 'The end date',
  createdBy: 'The created-by filter',
  sort: 'The order',
  size: 'The page size',
  cursor: 'The page position in this link',
};

/** A search the server refused (an outdated link, a type that was renamed) says why and how to get going again. */
function FinderError(props: { error: unknown; state: FinderState; onFirstPage: () => void; onClear: () => void; onRetry: () => void }) {
  const { error, state } = props;
  if (!(error instanceof ApiError) || error.status !== 400) return <ErrorState error={error} onRetry={props.onRetry} />;
  const cursorProblem = error.fieldErrors.some((f) => f.field === 'cursor');
  return (
    <Alert color="red" role="alert" title="This search could not be run">
      <Stack gap="sm">
        {error.fieldErrors.length > 0 ? (
          <List size="sm">
            {error.fieldErrors.map((f) => (
              <List.Item key={`${f.field}:${f.message}`}>
                {FIELD_NAMES[f.field] ?? f.field} {f.message}
              </List.Item>
            ))}
          </List>
        ) : (
          <Text size="sm">{describeError(error)}</Text>
        )}
        <Group gap="sm">
          {cursorProblem && state.cursors.length > 0 && <Button onClick={props.onFirstPage}>Back to the first page</Button>}
          <Button variant={cursorProblem ? 'default' : 'filled'} onClick={props.onClear}>
            Clear search and filters
          </Button>
        </Group>
      </Stack>
    </Alert>
  );
}
