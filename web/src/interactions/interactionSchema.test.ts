import { describe, expect, it } from 'vitest';
import { counterText, emptyValues, interactionSchema, serverFieldErrors, toRequest, valuesFrom, type InteractionValues } from './interactionSchema';

const TYPES = ['Call', 'Email', 'Meeting'];

const valid = (changes: Partial<InteractionValues> = {}): InteractionValues => ({
  ...emptyValues('Europe/London'),
  title: 'Quarterly review',
  type: 'Meeting',
  lead: 'Priya Shah',
  start: '2026-03-14T09:30',
  ...changes,
});

/** Every field with a problem, and its message. */
function problems(values: InteractionValues, types = TYPES): Record<string, string> {
  const result = interactionSchema(types).safeParse(values);
  if (result.success) return {};
  return Object.fromEntries(result.error.issues.map((issue) => [issue.path.join('.'), issue.message]));
}

describe('interactionSchema', () => {
  it('accepts a complete interaction', () => {
    expect(problems(valid({ end: '2026-03-14T10:30', location: 'Room 4', description: 'Agenda', notes: 'Follow up' }))).toEqual({});
  });

  it('reports every missing required field at once', () => {
    const found = problems(emptyValues(''));
    expect(Object.keys(found).sort()).toEqual(['lead', 'start', 'timezone', 'title', 'type']);
    expect(found.title).toBe('Enter a title.');
    expect(found.type).toBe('Choose a type.');
    expect(found.lead).toBe('Enter who led it.');
    expect(found.timezone).toBe('Choose a time zone.');
  });

  it('treats whitespace as empty', () => {
    expect(problems(valid({ title: '   ', lead: '\u00a0' }))).toEqual({ title: 'Enter a title.', lead: 'Enter who led it.' });
  });

  it('counts characters as the server does (an emoji is one)', () => {
    expect(problems(valid({ title: '😀'.repeat(200) }))).toEqual({});
    expect(problems(valid({ title: 'x'.repeat(201) })).title).toBe('Keep the title to 200 characters or fewer (it has 201).');
    expect(problems(valid({ lead: 'x'.repeat(101) })).lead).toMatch(/100 characters/);
    expect(problems(valid({ location: 'x'.repeat(201) })).location).toMatch(/200 characters/);
    expect(problems(valid({ description: 'x'.repeat(20_000), notes: 'y'.repeat(20_000) }))).toEqual({});
    expect(problems(valid({ notes: 'y'.repeat(20_001) })).notes).toBe('Shorten the notes to 20,000 characters or fewer (it has 20,001).');
  });

  it('keeps single-line fields on one line, and control characters out of texts', () => {
    expect(problems(valid({ title: 'two\nlines' })).title).toMatch(/single line/);
    expect(problems(valid({ location: 'a\tb' })).location).toMatch(/single line/);
    expect(problems(valid({ description: 'line one\nline two\ttabbed' }))).toEqual({});
    expect(problems(valid({ notes: 'bell\u0007' })).notes).toMatch(/control characters/);
  });

  it('accepts only the organisation types, in any case', () => {
    expect(problems(valid({ type: 'meeting' }))).toEqual({});
    expect(problems(valid({ type: 'Lunch' })).type).toBe("Choose one of the organisation's types: Call, Email, Meeting.");
    // types not loaded yet: the server decides
    expect(problems(valid({ type: 'Lunch' }), [])).toEqual({});
  });

  it('refuses an end before the start, and accepts an end equal to it', () => {
    expect(problems(valid({ end: '2026-03-14T09:29' }))).toEqual({ end: 'The end must not be before the start.' });
    expect(problems(valid({ end: '2026-03-14T09:30' }))).toEqual({});
  });

  it('compares moments, not wall-clock readings, across the fall-back hour', () => {
    // 01:50 first time (BST) is before 01:10 second time (GMT)
    const base = { start: '2026-10-25T01:50', end: '2026-10-25T01:10', timezone: 'Europe/London' };
    expect(problems(valid({ ...base, startOccurrence: 'earlier', endOccurrence: 'later' }))).toEqual({});
    expect(problems(valid({ ...base, startOccurrence: 'earlier', endOccurrence: 'earlier' })).end).toBe('The end must not be before the start.');
  });

  it('explains a time the clocks skip, and how to avoid it', () => {
    expect(problems(valid({ start: '2026-03-29T01:30' })).start).toBe(
      '01:30 does not exist in Europe/London on 29 March 2026: the clocks go forward from 01:00 to 02:00. Choose a time before 01:00 or from 02:00.',
    );
    expect(problems(valid({ timezone: 'America/New_York', start: '2026-03-08T01:00', end: '2026-03-08T02:15' })).end).toMatch(
      /^02:15 does not exist in America\/New_York on 8 March 2026/,
    );
    expect(problems(valid({ timezone: 'Australia/Lord_Howe', start: '2026-10-04T02:10' })).start).toMatch(/from 02:00 to 02:30/);
    // the same wall time exists where there is no daylight saving
    expect(problems(valid({ timezone: 'Asia/Kolkata', start: '2026-03-29T01:30' }))).toEqual({});
  });

  it('refuses unreadable times and unknown zones', () => {
    expect(problems(valid({ start: '2026-02-30T09:00' })).start).toMatch(/full date and time/);
    expect(problems(valid({ end: '10:30' })).end).toMatch(/full date and time/);
    expect(problems(valid({ timezone: 'GMT+1' })).timezone).toBe('Choose a time zone from the list, such as Europe/London.');
  });
});

describe('toRequest and valuesFrom', () => {
  it('trims, leaves blanks out and adds an offset only where a time happens twice', () => {
    expect(toRequest(valid({ title: '  Review ', location: '  ', end: '2026-10-25T01:30', endOccurrence: 'later', start: '2026-10-25T01:00' }))).toEqual({
      title: 'Review',
      type: 'Meeting',
      lead: 'Priya Shah',
      start: '2026-10-25T01:00:00+01:00',
      end: '2026-10-25T01:30:00+00:00',
      timezone: 'Europe/London',
      location: undefined,
      description: undefined,
      notes: undefined,
    });
  });

  it('reads a stored interaction back into the form, including the second 01:30', () => {
    const values = valuesFrom({
      title: 'Late call',
      type: 'Call',
      lead: 'Sam',
      start: '2026-10-25T01:30:00Z',
      timezone: 'Europe/London',
      location: 'Desk',
      description: 'About things',
      notes: undefined,
    });
    expect(values).toMatchObject({ start: '2026-10-25T01:30', startOccurrence: 'later', end: '', location: 'Desk', notes: '' });
    expect(toRequest(values).start).toBe('2026-10-25T01:30:00+00:00');
  });
});

describe('serverFieldErrors', () => {
  it('puts the field name in front of the server message and keeps unknown fields apart', () => {
    expect(
      serverFieldErrors([
        { field: 'title', message: 'is required' },
        { field: 'start', message: '2026-03-29T01:30 does not exist in Europe/London: the clocks go forward then. Choose a time outside the gap.' },
        { field: 'colour', message: 'is not a field' },
      ]),
    ).toEqual({
      fields: [
        { field: 'title', message: 'Title is required.' },
        { field: 'start', message: '2026-03-29T01:30 does not exist in Europe/London: the clocks go forward then. Choose a time outside the gap.' },
      ],
      others: ['colour is not a field.'],
    });
  });
});

describe('counterText', () => {
  it('stays quiet until a field nears its limit, then counts, then says how many are too many', () => {
    expect(counterText('x'.repeat(15_999), 20_000)).toBeNull();
    expect(counterText('x'.repeat(16_000), 20_000)).toBe('16,000 of 20,000 characters');
    expect(counterText('x'.repeat(20_003), 20_000)).toBe('20,003 of 20,000 characters: 3 too many');
    expect(counterText('😀'.repeat(160), 200)).toBe('160 of 200 characters');
  });
});
