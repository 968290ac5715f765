import { z } from 'zod';
import { DateTime } from 'luxon';
import type { components } from '../api/schema';
import type { FieldProblem } from '../api/problems';
import { forApi, fromApi, isValidZone, parseLocal, resolveLocal, toInstant, type Occurrence } from './time';

export type Interaction = components['schemas']['InteractionResource'];
export type InteractionRequest = components['schemas']['InteractionForm'];

/** The server's limits (InteractionForm.java), counted in characters (code points) as the server counts them. */
export const LIMITS = { title: 200, lead: 100, location: 200, description: 20_000, notes: 20_000 } as const;

export const FIELDS = ['title', 'type', 'lead', 'start', 'end', 'timezone', 'location', 'description', 'notes'] as const;
export type InteractionField = (typeof FIELDS)[number];

export const LABELS: Record<InteractionField, string> = {
  title: 'Title',
  type: 'Type',
  lead: 'Lead',
  start: 'Start',
  end: 'End',
  timezone: 'Time zone',
  location: 'Location',
  description: 'Description',
  notes: 'Notes',
};

// the server's patterns: single-line fields allow no tab or line break, texts no other control characters
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;
const LINE_BREAK = /[\r\n\t]/;

export const characters = (text: string) => [...text].length;

const occurrence = z.enum(['earlier', 'later']);

const shape = z.object({
  title: z.string(),
  type: z.string(),
  lead: z.string(),
  start: z.string(),
  startOccurrence: occurrence,
  end: z.string(),
  endOccurrence: occurrence,
  timezone: z.string(),
  location: z.string(),
  description: z.string(),
  notes: z.string(),
});

export type InteractionValues = z.infer<typeof shape>;

type Issue = (field: keyof InteractionValues, message: string) => void;

function line(value: string, field: 'title' | 'lead' | 'location', required: string | null, issue: Issue) {
  const text = value.trim();
  if (!text) {
    if (required) issue(field, required);
    return;
  }
  if (CONTROL.test(text) || LINE_BREAK.test(text)) {
    issue(field, `${LABELS[field]} must be a single line, without tabs or line breaks.`);
    return;
  }
  const length = characters(text);
  if (length > LIMITS[field]) issue(field, `Keep the ${field} to ${LIMITS[field]} characters or fewer (it has ${length}).`);
}

function longText(value: string, field: 'description' | 'notes', issue: Issue) {
  if (!value.trim()) return;
  if (CONTROL.test(value)) {
    issue(field, `${LABELS[field]} contains invisible control characters; remove them (retyping the text helps).`);
    return;
  }
  const length = characters(value);
  if (length > LIMITS[field]) issue(field, `Shorten the ${field} to ${LIMITS[field].toLocaleString('en-GB')} characters or fewer (it has ${length.toLocaleString('en-GB')}).`);
}

/** Checks a start or end time; answers the moment it names (null when it names none, with an issue when wrong). */
function moment(values: InteractionValues, field: 'start' | 'end', issue: Issue): DateTime | null {
  const text = values[field].trim();
  const name = field === 'start' ? 'when it started' : 'when it ended';
  if (!text) {
    if (field === 'start') issue(field, `Enter ${name}: a date and a time.`);
    return null;
  }
  const parts = parseLocal(text);
  if (!parts) {
    issue(field, `Enter ${name} as a full date and time (day, month, year, hours and minutes).`);
    return null;
  }
  if (parts.year > 9999) {
    issue(field, 'Choose a year between 0001 and 9999.');
    return null;
  }
  if (/[1-9]/.test(parts.fraction.slice(6))) {
    issue(field, 'Seconds may have at most six decimal places.');
    return null;
  }
  const zone = values.timezone.trim();
  if (!isValidZone(zone)) return null; // the time zone's own message says what to do
  const resolution = resolveLocal(text, zone);
  if (resolution.kind === 'gap') {
    const day = DateTime.fromObject({ year: parts.year, month: parts.month, day: parts.day }).toFormat('d LLLL yyyy');
    issue(
      field,
      `${text.slice(11, 16)} does not exist in ${zone} on ${day}: the clocks go forward from ${resolution.gapStart} to ${resolution.gapEnd}. ` +
        `Choose a time before ${resolution.gapStart} or from ${resolution.gapEnd}.`,
    );
    return null;
  }
  const occurrenceOf = field === 'start' ? values.startOccurrence : values.endOccurrence;
  return toInstant(text, zone, occurrenceOf);
}

/**
 * The form's rules: the server's (InteractionForm.check) in words a person can act on. `types`
 * are the organisation's interaction types (matched case-insensitively, like the server); when
 * they are not known yet any non-blank type passes and the server has the last word.
 */
export function interactionSchema(types: readonly string[] = []) {
  return shape.superRefine((values, context) => {
    const issue: Issue = (field, message) => context.addIssue({ code: 'custom', path: [field], message });
    line(values.title, 'title', 'Enter a title.', issue);
    line(values.lead, 'lead', 'Enter who led it.', issue);
    line(values.location, 'location', null, issue);
    longText(values.description, 'description', issue);
    longText(values.notes, 'notes', issue);

    const type = values.type.trim();
    if (!type) issue('type', 'Choose a type.');
    else if (types.length > 0 && !types.some((known) => known.toLowerCase() === type.toLowerCase())) {
      issue('type', `Choose one of the organisation's types: ${types.join(', ')}.`);
    }

    if (!values.timezone.trim()) issue('timezone', 'Choose a time zone.');
    else if (!isValidZone(values.timezone)) issue('timezone', 'Choose a time zone from the list, such as Europe/London.');

    const start = moment(values, 'start', issue);
    const end = moment(values, 'end', issue);
    if (start && end && end < start) issue('end', 'The end must not be before the start.');
  });
}

/** A blank form for a new interaction at a site. */
export function emptyValues(timezone: string, type = ''): InteractionValues {
  return {
    title: '',
    type,
    lead: '',
    start: '',
    startOccurrence: 'earlier',
    end: '',
    endOccurrence: 'earlier',
    timezone,
    location: '',
    description: '',
    notes: '',
  };
}

/** The form's values for a stored interaction. */
export function valuesFrom(interaction: Interaction): InteractionValues {
  const zone = interaction.timezone ?? '';
  const start = fromApi(interaction.start, zone);
  const end = fromApi(interaction.end, zone);
  return {
    title: interaction.title ?? '',
    type: interaction.type ?? '',
    lead: interaction.lead ?? '',
    start: start.local,
    startOccurrence: start.occurrence,
    end: end.local,
    endOccurrence: end.occurrence,
    timezone: zone,
    location: interaction.location ?? '',
    description: interaction.description ?? '',
    notes: interaction.notes ?? '',
  };
}

const optional = (text: string) => (text.trim() ? text.trim() : undefined);

/** The request body for POST/PUT: trimmed, blanks left out, an offset only where a time happens twice. */
export function toRequest(values: InteractionValues): InteractionRequest {
  const zone = values.timezone.trim();
  const time = (text: string, which: Occurrence) => (text.trim() ? forApi(text, zone, which) : undefined);
  return {
    title: values.title.trim(),
    type: values.type.trim(),
    lead: values.lead.trim(),
    start: time(values.start, values.startOccurrence) ?? '',
    end: time(values.end, values.endOccurrence),
    timezone: zone,
    location: optional(values.location),
    description: values.description.trim() ? values.description : undefined,
    notes: values.notes.trim() ? values.notes : undefined,
  };
}

/**
 * The server's field problems as sentences for the form: its messages read after the field's
 * name ("is required"), so they get it in front. Problems for fields the form does not have are
 * returned apart, to be shown in a notification.
 */
export function serverFieldErrors(problems: FieldProblem[]): {
  fields: Array<{ field: InteractionField; message: string }>;
  others: string[];
} {
  const fields: Array<{ field: InteractionField; message: string }> = [];
  const others: string[] = [];
  for (const { field, message } of problems) {
    const known = (FIELDS as readonly string[]).includes(field) ? (field as InteractionField) : null;
    const label = known ? LABELS[known] : field;
    const sentence = /^[a-z]/.test(message) ? `${label} ${message}` : message;
    const ended = /[.!?]$/.test(sentence) ? sentence : `${sentence}.`;
    if (known) fields.push({ field: known, message: ended });
    else others.push(ended);
  }
  return { fields, others };
}

/**
 * A counter for a field close to its limit ("18,500 of 20,000 characters"), or null while there
 * is plenty of room: a running count is noise until it matters.
 */
export function counterText(text: string, limit: number, near = 0.8): string | null {
  const length = characters(text);
  if (length < limit * near) return null;
  const count = `${length.toLocaleString('en-GB')} of ${limit.toLocaleString('en-GB')} characters`;
  return length > limit ? `${count}: ${(length - limit).toLocaleString('en-GB')} too many` : count;
}
