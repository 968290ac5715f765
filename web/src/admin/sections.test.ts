import { describe, expect, it } from 'vitest';
import { sectionsFor } from './sections';

describe('administration sections', () => {
  it('are those the user’s permissions in the organisation open', () => {
    expect(sectionsFor({ permissions: ['MEMBER_READ', 'AUDIT_READ'] }).map((s) => s.path)).toEqual(['members', 'audit']);
    expect(sectionsFor({ permissions: ['SITE_MANAGE', 'MEMBER_READ', 'INTERACTION_TYPE_MANAGE', 'AUDIT_READ'] }).map((s) => s.label)).toEqual([
      'Sites',
      'Members',
      'Interaction types',
      'Audit log',
    ]);
  });

  it('are none for a member or an organisation the user does not belong to', () => {
    expect(sectionsFor({ role: 'MEMBER', permissions: ['ORGANISATION_READ'] })).toEqual([]);
    expect(sectionsFor(undefined)).toEqual([]);
  });
});
