/**
 * The Finder's whole state as it lives in the URL, so that a link reproduces a view and the
 * browser's back and forward buttons move between earlier ones. Parsing never throws: anything
 * invalid in a hand-edited or outdated link falls back to the default for that part.
 */
import { DateTime } from 'luxon';
import { LABELS } from '../interactions/interactionSchema';

/** Every column a saved view may list, in the order the table shows them. */
export const COLUMNS = [
  'title',
  'type',
  'lead',
  'start',
  'end',
  'timezone',
  'location',
  'description',
  'notes',
  'createdAt',
  'createdBy',
  'updatedAt',
  'updatedBy',
] as const;
export type ColumnId = (typeof COLUMNS)[number];

export const COLUMN_LABELS: Record<ColumnId, string> = {
  ...LABELS,
  createdAt: 'Created',
  createdBy: 'Created by',
  updatedAt: 'Updated',
  updatedBy: 'Updated by',
};

export const DEFAULT_COLUMNS: readonly ColumnId[] = ['title', 'type', 'lead', 'start', 'location'];

/** The server cannot sort on description or notes: a cursor would carry up to 20,000 characters. */
export const SORTABLE: ReadonlySet<ColumnId> = new Set(COLUMNS.filter((c) => c !== 'description' && c !== 'notes'));

export const PAGE_SIZES = [25, 50, 100, 200] as const;
export type PageSize = (typeof PAGE_SIZES)[number];
export const DEFAULT_PAGE_SIZE: PageSize = 50;

export type Direction = 'asc' | 'desc';
export interface Sort {
  field: ColumnId;
  direction: Direction;
}

export interface FinderFilters {
  types: string[];
  lead: string;
  location: string;
  /** First day (yyyy-MM-dd, in the site's time zone) on which the interaction starts. */
  from: string;
  /** Last day (inclusive, yyyy-MM-dd, in the site's time zone). */
  to: string;
  /** A user id. */
  createdBy: string;
}

export interface FinderState extends FinderFilters {
  q: string;
  /** null: the server's default (relevance with a search, newest start first without). */
  sort: Sort | null;
  size: PageSize;
  /** Cursors of the pages after the first that led here: page number is cursors.length + 1. */
  cursors: string[];
  columns: ColumnId[];
  /** The saved view last applied, if any. */
  view: string | null;
}

export const EMPTY_FILTERS: FinderFilters = { types: [], lead: '', location: '', from: '', to: '', createdBy: '' };

export const DEFAULT_STATE: FinderState = {
  q: '',
  ...EMPTY_FILTERS,
  sort: null,
  size: DEFAULT_PAGE_SIZE,
  cursors: [],
  columns: [...DEFAULT_COLUMNS],
  view: null,
};

// limits the server applies; longer values are cut rather than sent to be refused
const Q_MAX = 200;
const LEAD_MAX = 100;
const LOCATION_MAX = 200;
const TYPE_MAX = 100;
const MAX_TYPES = 50;
const MAX_CURSORS = 500;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const CURSOR = /^[A-Za-z0-9_-]{1,2000}$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

function oneLine(value: string | null, max: number): string {
  return (value ?? '').replace(/[\u0000-\u001f\u007f]+/g, ' ').trim().slice(0, max);
}

/** The search text as the URL keeps it: one line, trimmed, at most 200 characters. */
export function normaliseSearch(value: string): string {
  return oneLine(value, Q_MAX);
}

function isDate(value: string): boolean {
  return DATE.test(value) && DateTime.fromISO(value).isValid;
}

function isColumn(value: string): value is ColumnId {
  return (COLUMNS as readonly string[]).includes(value);
}

/** Puts columns in table order without duplicates; the title always shows, since it opens the interaction. */
export function normaliseColumns(columns: readonly string[]): ColumnId[] {
  const chosen = new Set(columns.filter(isColumn));
  chosen.add('title');
  return COLUMNS.filter((c) => chosen.has(c));
}

function sameColumns(a: readonly ColumnId[], b: readonly ColumnId[]): boolean {
  return a.length === b.length && a.every((c, i) => c === b[i]);
}

/** "title,asc" → Sort; anything the server would refuse → null (the default order). */
export function parseSort(value: string | null | undefined): Sort | null {
  if (!value) return null;
  const [field = '', direction, ...rest] = value.split(',').map((part) => part.trim());
  if (rest.length > 0 || !isColumn(field) || !SORTABLE.has(field)) return null;
  if (direction === undefined || direction === '') return { field, direction: field === 'start' ? 'desc' : 'asc' };
  const lower = direction.toLowerCase();
  return lower === 'asc' || lower === 'desc' ? { field, direction: lower } : null;
}

export function formatSort(sort: Sort): string {
  return `${sort.field},${sort.direction}`;
}

/** The order the table is in: the chosen one, else newest start first (or relevance, null, with a search). */
export function effectiveSort(state: Pick<FinderState, 'q' | 'sort'>): Sort | null {
  return state.sort ?? (state.q ? null : { field: 'start', direction: 'desc' });
}

/**
 * What clicking a column header does: another column sorts ascending, ascending turns
 * descending, descending returns to the default order (or ascending, when descending is the default).
 */
export function nextSort(state: Pick<FinderState, 'q' | 'sort'>, field: ColumnId): Sort | null {
  const current = effectiveSort(state);
  if (!current || current.field !== field) return { field, direction: 'asc' };
  if (current.direction === 'asc') return { field, direction: 'desc' };
  const fallback = effectiveSort({ q: state.q, sort: null });
  return fallback && fallback.field === field ? { field, direction: 'asc' } : null;
}

/** Reads the Finder's state from a query string; never throws. */
export function parseFinderState(search: URLSearchParams | string): FinderState {
  const params = typeof search === 'string' ? new URLSearchParams(search) : search;
  const types: string[] = [];
  for (const value of params.getAll('type').flatMap((t) => t.split(','))) {
    const type = oneLine(value, TYPE_MAX);
    if (type && !types.some((t) => t.toLowerCase() === type.toLowerCase()) && types.length < MAX_TYPES) types.push(type);
  }
  let from = params.get('from') ?? '';
  let to = params.get('to') ?? '';
  if (!isDate(from)) from = '';
  if (!isDate(to) || (from && to < from)) to = '';
  const createdBy = params.get('createdBy') ?? '';
  const size = Number(params.get('size'));
  const cursors = params.getAll('cursor');
  const columns = params.get('cols');
  const view = params.get('view') ?? '';
  const q = oneLine(params.get('q'), Q_MAX);
  let sort = parseSort(params.get('sort'));
  // start,desc without a search is the default: keep one spelling of it
  if (sort && !q && sort.field === 'start' && sort.direction === 'desc') sort = null;
  return {
    q,
    types,
    lead: oneLine(params.get('lead'), LEAD_MAX),
    location: oneLine(params.get('location'), LOCATION_MAX),
    from,
    to,
    createdBy: UUID.test(createdBy) ? createdBy.toLowerCase() : '',
    sort,
    size: (PAGE_SIZES as readonly number[]).includes(size) ? (size as PageSize) : DEFAULT_PAGE_SIZE,
    // one bad cursor spoils the stack: start from the first page rather than show a wrong one
    cursors: cursors.length <= MAX_CURSORS && cursors.every((c) => CURSOR.test(c)) ? cursors : [],
    columns: columns === null ? [...DEFAULT_COLUMNS] : normaliseColumns(columns.split(',')),
    view: UUID.test(view) ? view.toLowerCase() : null,
  };
}

/** Writes the state as a query string, leaving out every default so that links stay short. */
export function serialiseFinderState(state: FinderState): URLSearchParams {
  const params = new URLSearchParams();
  if (state.q) params.set('q', state.q);
  for (const type of state.types) params.append('type', type);
  if (state.lead) params.set('lead', state.lead);
  if (state.location) params.set('location', state.location);
  if (state.from) params.set('from', state.from);
  if (state.to) params.set('to', state.to);
  if (state.createdBy) params.set('createdBy', state.createdBy);
  if (state.sort && !(!state.q && state.sort.field === 'start' && state.sort.direction === 'desc')) {
    params.set('sort', formatSort(state.sort));
  }
  if (state.size !== DEFAULT_PAGE_SIZE) params.set('size', String(state.size));
  const columns = normaliseColumns(state.columns);
  if (!sameColumns(columns, DEFAULT_COLUMNS)) params.set('cols', columns.join(','));
  if (state.view) params.set('view', state.view);
  for (const cursor of state.cursors) params.append('cursor', cursor);
  return params;
}

export function activeFilterCount(filters: FinderFilters): number {
  return (
    filters.types.length +
    [filters.lead, filters.location, filters.from, filters.to, filters.createdBy].filter(Boolean).length
  );
}

/** Whether a search or any filter narrows the result (an empty result then means "no matches", not "nothing yet"). */
export function isNarrowed(state: FinderState): boolean {
  return state.q !== '' || activeFilterCount(state) > 0;
}

/** A change of question or order starts again at the first page: a cursor only continues its own question. */
export function withQuestion(state: FinderState, change: Partial<Omit<FinderState, 'cursors' | 'view' | 'columns'>>): FinderState {
  return { ...state, ...change, cursors: [] };
}

export function clearedQuestion(state: FinderState): FinderState {
  return withQuestion(state, { q: '', ...EMPTY_FILTERS });
}

/** The Finder's query parameters for the API (without size and cursor, as the export takes them). */
export function questionParams(state: FinderState, zone: string): URLSearchParams {
  const params = new URLSearchParams();
  if (state.q) params.set('q', state.q);
  for (const type of state.types) params.append('type', type);
  if (state.lead) params.set('lead', state.lead);
  if (state.location) params.set('location', state.location);
  const range = dayRange(state.from, state.to, zone);
  if (range.from) params.set('from', range.from);
  if (range.to) params.set('to', range.to);
  if (state.createdBy) params.set('createdBy', state.createdBy);
  if (state.sort) params.set('sort', formatSort(state.sort));
  return params;
}

/** The parameters of the page the state points at. */
export function pageParams(state: FinderState, zone: string): URLSearchParams {
  const params = questionParams(state, zone);
  params.set('size', String(state.size));
  const cursor = state.cursors.at(-1);
  if (cursor) params.set('cursor', cursor);
  return params;
}

/**
 * Days in the site's zone as the API's moments: from the start of the first day to the start of
 * the day after the last (the API's `to` is exclusive).
 */
export function dayRange(from: string, to: string, zone: string): { from?: string; to?: string } {
  const moment = (day: string) => DateTime.fromISO(day, { zone }).startOf('day');
  return {
    from: from && isDate(from) ? (moment(from).toISO({ suppressMilliseconds: true }) ?? undefined) : undefined,
    to: to && isDate(to) ? (moment(to).plus({ days: 1 }).toISO({ suppressMilliseconds: true }) ?? undefined) : undefined,
  };
}

/** The inverse of dayRange, for saved views: the API's moments as days in the site's zone. */
export function daysOf(from: string | undefined, to: string | undefined, zone: string): { from: string; to: string } {
  const day = (value: string | undefined, shift: number) => {
    if (!value) return '';
    const moment = DateTime.fromISO(value, { setZone: true });
    if (!moment.isValid) return '';
    const local = moment.setZone(zone);
    // an exclusive end at midnight means the day before was the last one
    const exclusive = shift < 0 && local.equals(local.startOf('day'));
    return (exclusive ? local.minus({ days: 1 }) : local).toISODate() ?? '';
  };
  return { from: day(from, 0), to: day(to, -1) };
}

/** What a saved view stores (the API's ViewForm without name and sharing). */
export interface ViewQuestion {
  query?: {
    q?: string;
    type?: string[];
    lead?: string;
    location?: string;
    from?: string;
    to?: string;
    createdBy?: string;
  };
  sort?: string;
  columns?: string[];
}

export function toView(state: FinderState, zone: string): ViewQuestion {
  const range = dayRange(state.from, state.to, zone);
  const query: NonNullable<ViewQuestion['query']> = {};
  if (state.q) query.q = state.q;
  if (state.types.length) query.type = [...state.types];
  if (state.lead) query.lead = state.lead;
  if (state.location) query.location = state.location;
  if (range.from) query.from = range.from;
  if (range.to) query.to = range.to;
  if (state.createdBy) query.createdBy = state.createdBy;
  return {
    query,
    ...(state.sort ? { sort: formatSort(state.sort) } : {}),
    columns: normaliseColumns(state.columns),
  };
}

/** A saved view applied to the current state: its question, order and columns; page size stays, paging restarts. */
export function fromView(view: ViewQuestion & { id?: string }, state: FinderState, zone: string): FinderState {
  const query = view.query ?? {};
  const days = daysOf(query.from, query.to, zone);
  // run it through the URL rules so a view can never produce a state a link could not
  const params = serialiseFinderState({
    ...DEFAULT_STATE,
    q: query.q ?? '',
    types: query.type ?? [],
    lead: query.lead ?? '',
    location: query.location ?? '',
    from: days.from,
    to: days.to,
    createdBy: query.createdBy ?? '',
    sort: parseSort(view.sort),
    size: state.size,
    columns: view.columns && view.columns.length > 0 ? normaliseColumns(view.columns) : [...DEFAULT_COLUMNS],
    view: view.id ?? null,
  });
  return parseFinderState(params);
}

/** Whether the state still shows what the view saved (else the view is marked as changed). */
export function matchesView(view: ViewQuestion, state: FinderState, zone: string): boolean {
  const applied = fromView(view, state, zone);
  const key = (s: FinderState) => serialiseFinderState({ ...s, cursors: [], view: null, size: DEFAULT_PAGE_SIZE }).toString();
  return key(applied) === key(state);
}

/** "1,234 interactions", or "about 1.2 million interactions" when the server only estimated. */
export function describeTotal(total: number, exact: boolean): string {
  if (exact) return `${new Intl.NumberFormat('en-GB').format(total)} ${total === 1 ? 'interaction' : 'interactions'}`;
  const rounded = new Intl.NumberFormat('en-GB', {
    notation: 'compact',
    compactDisplay: 'long',
    maximumSignificantDigits: 2,
  }).format(total);
  return `about ${rounded} interactions`;
}
