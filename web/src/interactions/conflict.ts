import type { InteractionValues } from './interactionSchema';

export type ValueKey = keyof InteractionValues;

export interface Merge {
  /** The latest saved values with the user's own edits on top. */
  values: InteractionValues;
  /** Fields the user changed (kept as the user typed them). */
  mine: ValueKey[];
  /** Fields both changed to different values: the user's value is kept, the other one is worth showing. */
  conflicting: ValueKey[];
  /** Fields only the other person changed: they now show the latest saved value. */
  theirs: ValueKey[];
}

/**
 * Three-way merge after a 412: `base` is what the user started from, `mine` what the form holds,
 * `latest` what someone else saved meanwhile. Only the user's own edits are kept, so fields they
 * never touched take the other person's change instead of silently undoing it.
 */
export function mergeEdits(base: InteractionValues, mine: InteractionValues, latest: InteractionValues): Merge {
  const keys = Object.keys(latest) as ValueKey[];
  const values = { ...latest };
  const changedByMe: ValueKey[] = [];
  const conflicting: ValueKey[] = [];
  const theirs: ValueKey[] = [];
  for (const key of keys) {
    const mineChanged = mine[key] !== base[key];
    const theirsChanged = latest[key] !== base[key];
    if (mineChanged) {
      changedByMe.push(key);
      (values as Record<ValueKey, string>)[key] = mine[key];
      if (theirsChanged && latest[key] !== mine[key]) conflicting.push(key);
    } else if (theirsChanged) {
      theirs.push(key);
    }
  }
  return { values, mine: changedByMe, conflicting, theirs };
}
