import { describe, expect, it } from 'vitest';
import {
  DEFAULT_COLUMNS,
  DEFAULT_STATE,
  type FinderState,
  activeFilterCount,
  dayRange,
  daysOf,
  describeTotal,
  effectiveSort,
  fromView,
  matchesView,
  nextSort,
  pageParams,
  parseFinderState,
  parseSort,
  questionParams,
  serialiseFinderState,
  toView,
  withQuestion,
} from './finderState';

const USER = '3f2b8c1e-9a4d-4e5f-8b6a-1c2d3e4f5a6b';
const VIEW = 'aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee';

const full: FinderState = {
  q: 'quarterly review',
  types: ['Meeting', 'Phone call'],
  lead: 'Ada Lovelace',
  location: 'Room 4',
  from: '2026-03-01',
  to: '2026-03-31',
  createdBy: USER,
  sort: { field: 'title', direction: 'desc' },
  size: 25,
  cursors: ['c2FtcGxl', 'bW9yZQ'],
  columns: ['title', 'type', 'end', 'createdBy'],
  view: VIEW,
};

describe('Finder URL state', () => {
  it('round-trips every part of the state', () => {
    const params = serialiseFinderState(full);
    expect(parseFinderState(params.toString())).toEqual(full);
  });

  it('leaves defaults out of the URL', () => {
    expect(serialiseFinderState(DEFAULT_STATE).toString()).toBe('');
    expect(parseFinderState('')).toEqual(DEFAULT_STATE);
    // newest start first is the default order without a search
    expect(serialiseFinderState({ ...DEFAULT_STATE, sort: { field: 'start', direction: 'desc' } }).toString()).toBe('');
    expect(serialiseFinderState({ ...DEFAULT_STATE, columns: [...DEFAULT_COLUMNS] }).has('cols')).toBe(false);
    expect(serialiseFinderState({ ...DEFAULT_STATE, size: 50 }).has('size')).toBe(false);
  });

  it('keeps start,desc when a search would otherwise rank by relevance', () => {
    const state = { ...DEFAULT_STATE, q: 'visit', sort: { field: 'start' as const, direction: 'desc' as const } };
    expect(serialiseFinderState(state).get('sort')).toBe('start,desc');
    expect(parseFinderState(serialiseFinderState(state))).toEqual(state);
  });

  it('falls back safely on invalid values', () => {
    const state = parseFinderState(
      'size=33&sort=description,asc&from=2026-02-30&to=yesterday&createdBy=me&view=12&cols=bogus&cursor=ok&cursor=not%20a%20cursor',
    );
    expect(state.size).toBe(50);
    expect(state.sort).toBeNull();
    expect(state.from).toBe('');
    expect(state.to).toBe('');
    expect(state.createdBy).toBe('');
    expect(state.view).toBeNull();
    expect(state.columns).toEqual(['title']);
    expect(state.cursors).toEqual([]);
  });

  it('drops an end day before the start day, and keeps the start', () => {
    const state = parseFinderState('from=2026-03-10&to=2026-03-01');
    expect(state.from).toBe('2026-03-10');
    expect(state.to).toBe('');
  });

  it('cuts over-long text, removes line breaks and repeats, and splits comma-separated types', () => {
    const state = parseFinderState(
      new URLSearchParams({ q: `a\nb${'x'.repeat(300)}`, lead: ' Ada ', type: 'Meeting,meeting, Call' }),
    );
    expect(state.q.length).toBe(200);
    expect(state.q.startsWith('a b')).toBe(true);
    expect(state.lead).toBe('Ada');
    expect(state.types).toEqual(['Meeting', 'Call']);
  });

  it('always shows the title column and keeps columns in table order', () => {
    expect(parseFinderState('cols=location,type').columns).toEqual(['title', 'type', 'location']);
    expect(parseFinderState('cols=type,type,title').columns).toEqual(['title', 'type']);
  });

  it('reads sort directions like the server does', () => {
    expect(parseSort('title')).toEqual({ field: 'title', direction: 'asc' });
    expect(parseSort('start')).toEqual({ field: 'start', direction: 'desc' });
    expect(parseSort('lead,DESC')).toEqual({ field: 'lead', direction: 'desc' });
    expect(parseSort('lead,up')).toBeNull();
    expect(parseSort('notes,asc')).toBeNull();
    expect(parseSort('title,asc,more')).toBeNull();
  });
});

describe('sorting by column header', () => {
  it('cycles ascending, descending, default', () => {
    let state: FinderState = DEFAULT_STATE;
    expect(effectiveSort(state)).toEqual({ field: 'start', direction: 'desc' });
    state = { ...state, sort: nextSort(state, 'title') };
    expect(state.sort).toEqual({ field: 'title', direction: 'asc' });
    state = { ...state, sort: nextSort(state, 'title') };
    expect(state.sort).toEqual({ field: 'title', direction: 'desc' });
    state = { ...state, sort: nextSort(state, 'title') };
    expect(state.sort).toBeNull();
  });

  it('turns the default newest-first order on start into oldest first', () => {
    expect(nextSort(DEFAULT_STATE, 'start')).toEqual({ field: 'start', direction: 'asc' });
    expect(nextSort({ ...DEFAULT_STATE, sort: { field: 'start', direction: 'asc' } }, 'start')).toEqual({
      field: 'start',
      direction: 'desc',
    });
  });

  it('has no column order with a search and no chosen sort (relevance)', () => {
    expect(effectiveSort({ q: 'visit', sort: null })).toBeNull();
    expect(nextSort({ q: 'visit', sort: { field: 'start', direction: 'desc' } }, 'start')).toBeNull();
  });
});

describe('API parameters', () => {
  it('sends days as moments in the site zone, the last day inclusive', () => {
    expect(dayRange('2026-03-01', '2026-03-31', 'Europe/London')).toEqual({
      from: '2026-03-01T00:00:00+00:00',
      to: '2026-04-01T00:00:00+01:00',
    });
    expect(dayRange('2026-03-01', '', 'Asia/Kolkata')).toEqual({ from: '2026-03-01T00:00:00+05:30', to: undefined });
  });

  it('reads a saved view’s moments back as the same days', () => {
    const range = dayRange('2026-03-01', '2026-03-31', 'America/New_York');
    expect(daysOf(range.from, range.to, 'America/New_York')).toEqual({ from: '2026-03-01', to: '2026-03-31' });
    expect(daysOf(undefined, 'not a date', 'America/New_York')).toEqual({ from: '', to: '' });
  });

  it('builds the question and page parameters', () => {
    const page = pageParams(full, 'Europe/London');
    expect(page.getAll('type')).toEqual(['Meeting', 'Phone call']);
    expect(page.get('q')).toBe('quarterly review');
    expect(page.get('sort')).toBe('title,desc');
    expect(page.get('size')).toBe('25');
    expect(page.get('cursor')).toBe('bW9yZQ');
    expect(page.get('createdBy')).toBe(USER);
    const question = questionParams(full, 'Europe/London');
    expect(question.has('size')).toBe(false);
    expect(question.has('cursor')).toBe(false);
    expect(pageParams(DEFAULT_STATE, 'Europe/London').toString()).toBe('size=50');
  });

  it('starts again at the first page when the question changes', () => {
    const changed = withQuestion(full, { lead: 'Grace Hopper' });
    expect(changed.cursors).toEqual([]);
    expect(changed.view).toBe(VIEW);
    expect(activeFilterCount(changed)).toBe(7);
  });
});

describe('saved views', () => {
  it('stores and restores the question, order and columns', () => {
    const view = toView(full, 'Europe/London');
    expect(view.query?.from).toBe('2026-03-01T00:00:00+00:00');
    expect(view.sort).toBe('title,desc');
    const applied = fromView({ ...view, id: VIEW }, DEFAULT_STATE, 'Europe/London');
    expect(applied).toEqual({ ...full, size: 50, cursors: [] });
    expect(matchesView(view, full, 'Europe/London')).toBe(true);
    expect(matchesView(view, { ...full, lead: 'someone else' }, 'Europe/London')).toBe(false);
  });

  it('applies a view with no columns as the default columns and drops what it cannot show', () => {
    const applied = fromView({ query: { type: ['Visit'] }, sort: 'bogus', columns: [] }, full, 'Europe/London');
    expect(applied.columns).toEqual([...DEFAULT_COLUMNS]);
    expect(applied.sort).toBeNull();
    expect(applied.types).toEqual(['Visit']);
    expect(applied.size).toBe(25);
    expect(applied.cursors).toEqual([]);
    expect(applied.view).toBeNull();
  });
});

describe('totals', () => {
  it('counts exactly, or says about when estimated', () => {
    expect(describeTotal(1234, true)).toBe('1,234 interactions');
    expect(describeTotal(1, true)).toBe('1 interaction');
    expect(describeTotal(0, true)).toBe('0 interactions');
    expect(describeTotal(1_234_567, false)).toBe('about 1.2 million interactions');
    expect(describeTotal(45_210, false)).toBe('about 45 thousand interactions');
  });
});
