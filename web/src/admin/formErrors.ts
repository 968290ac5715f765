import type { FieldValues, Path, UseFormSetError } from 'react-hook-form';
import { ApiError, describeError, type FieldProblem } from '../api/problems';

/**
 * The server words field errors for developers ("is required", "must be a single line"); on a
 * form they read as a sentence naming the field: "Display name is required."
 */
export function fieldSentence(label: string, message: string): string {
  const trimmed = message.trim();
  const sentence = /^[a-z]/.test(trimmed) ? `${label} ${trimmed}` : trimmed;
  return /[.!?]$/.test(sentence) ? sentence : `${sentence}.`;
}

/**
 * Splits the server's field errors into those the form shows on a field (`field` → sentence)
 * and the rest, described in words for an alert above the form.
 */
export function placeFieldErrors(
  problems: readonly FieldProblem[],
  labelOf: (field: string) => string | undefined,
): { onFields: Record<string, string>; elsewhere: string[] } {
  const onFields: Record<string, string> = {};
  const elsewhere: string[] = [];
  for (const { field, message } of problems) {
    const label = labelOf(field);
    if (label) onFields[field] = fieldSentence(label, message);
    else elsewhere.push(fieldSentence(field, message));
  }
  return { onFields, elsewhere };
}

/**
 * Shows a failed submission: field errors on their fields; returns the sentence for the form's
 * alert (null when every problem has found its field).
 */
export function showSubmitError<T extends FieldValues>(
  error: unknown,
  setError: UseFormSetError<T>,
  labelOf: (field: string) => string | undefined,
): string | null {
  if (!(error instanceof ApiError) || error.fieldErrors.length === 0) return describeError(error);
  const { onFields, elsewhere } = placeFieldErrors(error.fieldErrors, labelOf);
  for (const [field, message] of Object.entries(onFields)) setError(field as Path<T>, { type: 'server', message }, { shouldFocus: true });
  return elsewhere.length > 0 ? elsewhere.join(' ') : null;
}
