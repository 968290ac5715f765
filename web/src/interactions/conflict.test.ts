import { describe, expect, it } from 'vitest';
import { emptyValues, type InteractionValues } from './interactionSchema';
import { mergeEdits } from './conflict';

const base: InteractionValues = { ...emptyValues('Europe/London'), title: 'Review', type: 'Meeting', lead: 'Ann', start: '2026-03-14T09:30', notes: 'first' };

describe('mergeEdits', () => {
  it('keeps my edits and takes their changes to fields I did not touch', () => {
    const mine = { ...base, title: 'Review (moved)', notes: 'mine' };
    const latest = { ...base, lead: 'Bob', notes: 'theirs' };
    const merge = mergeEdits(base, mine, latest);
    expect(merge.values).toEqual({ ...base, title: 'Review (moved)', lead: 'Bob', notes: 'mine' });
    expect(merge.mine).toEqual(['title', 'notes']);
    expect(merge.conflicting).toEqual(['notes']);
    expect(merge.theirs).toEqual(['lead']);
  });

  it('sees no conflict where we both made the same change', () => {
    const same = { ...base, location: 'Room 4' };
    expect(mergeEdits(base, same, same)).toMatchObject({ values: same, conflicting: [], theirs: [], mine: ['location'] });
  });

  it('with no edits of mine, is simply the latest version', () => {
    const latest = { ...base, title: 'Renamed', startOccurrence: 'later' as const };
    expect(mergeEdits(base, base, latest)).toEqual({ values: latest, mine: [], conflicting: [], theirs: ['title', 'startOccurrence'] });
  });
});
