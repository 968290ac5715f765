import type { OrganisationView, Permission } from '../auth/me';

export type SectionPath = 'sites' | 'members' | 'interaction-types' | 'audit';

export interface Section {
  path: SectionPath;
  label: string;
  /** The permission in the organisation that opens the section (the server checks it again). */
  permission: Permission;
}

export const SECTIONS: readonly Section[] = [
  { path: 'sites', label: 'Sites', permission: 'SITE_MANAGE' },
  { path: 'members', label: 'Members', permission: 'MEMBER_READ' },
  { path: 'interaction-types', label: 'Interaction types', permission: 'INTERACTION_TYPE_MANAGE' },
  { path: 'audit', label: 'Audit log', permission: 'AUDIT_READ' },
];

/** The sections this user may open in the organisation, in menu order. */
export function sectionsFor(organisation: OrganisationView | undefined): Section[] {
  const held = new Set(organisation?.permissions ?? []);
  return SECTIONS.filter((section) => held.has(section.permission));
}
