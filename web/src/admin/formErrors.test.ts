import { describe, expect, it } from 'vitest';
import { fieldSentence, placeFieldErrors } from './formErrors';

describe('server field errors on a form', () => {
  it('read as sentences naming the field', () => {
    expect(fieldSentence('Display name', 'is required when no user has this email yet')).toBe('Display name is required when no user has this email yet.');
    expect(fieldSentence('Name', 'Already taken.')).toBe('Already taken.');
  });

  it('go to their fields; the others are described for the form’s alert', () => {
    const placed = placeFieldErrors(
      [
        { field: 'timezone', message: 'must be an IANA time zone such as Europe/London' },
        { field: 'If-Match', message: 'must be an ETag' },
      ],
      (field) => (field === 'timezone' ? 'Time zone' : undefined),
    );
    expect(placed).toEqual({
      onFields: { timezone: 'Time zone must be an IANA time zone such as Europe/London.' },
      elsewhere: ['If-Match must be an ETag.'],
    });
  });
});
