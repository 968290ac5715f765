import { z } from 'zod';
import { isZone } from './timezones';

// These mirror the server's rules (SitesController, MembersController, InteractionTypes), so
// people learn about a mistake before sending; the server checks again and its field errors are
// shown on the same fields.

const SINGLE_LINE = /^[^\r\n\t]*$/;
/** The server's rule: something, an @, something with a dot. */
const EMAIL = /^[^@\s]+@[^@\s]+\.[^@\s]+$/;
const CONTROL = /[\u0000-\u001f\u007f]/;

export const ORGANISATION_ROLES = ['OWNER', 'ADMIN', 'MEMBER'] as const;
export const SITE_ROLES = ['ADMINISTRATOR', 'EDITOR', 'VIEWER'] as const;
/** A site role, or NONE for no role at that site (the API leaves such a site out). */
export const SITE_ROLE_CHOICES = ['NONE', 'VIEWER', 'EDITOR', 'ADMINISTRATOR'] as const;

export type OrganisationRole = (typeof ORGANISATION_ROLES)[number];
export type SiteRole = (typeof SITE_ROLES)[number];
export type SiteRoleChoice = (typeof SITE_ROLE_CHOICES)[number];

export const siteSchema = z.object({
  name: z
    .string()
    .trim()
    .min(1, { error: 'Enter the site’s name.', abort: true })
    .max(200, 'Use at most 200 characters.')
    .regex(SINGLE_LINE, 'Keep the name on one line.'),
  description: z.string().max(2000, 'Use at most 2,000 characters.'),
  timezone: z
    .string()
    .min(1, { error: 'Choose the time zone the site works in.', abort: true })
    .refine(isZone, 'Choose a time zone from the list.'),
});
export type SiteValues = z.input<typeof siteSchema>;

const siteRoles = z.record(z.string(), z.enum(SITE_ROLE_CHOICES));

export const newMemberSchema = z.object({
  email: z
    .string()
    .trim()
    .min(1, { error: 'Enter the person’s email address.', abort: true })
    .max(320, 'Use at most 320 characters.')
    .regex(EMAIL, 'Enter an email address such as name@example.com.'),
  displayName: z
    .string()
    .trim()
    .max(200, 'Use at most 200 characters.')
    .regex(SINGLE_LINE, 'Keep the name on one line.'),
  role: z.enum(ORGANISATION_ROLES),
  onboarding: z.enum(['INVITATION', 'TEMPORARY_PASSWORD']),
  sites: siteRoles,
});
export type NewMemberValues = z.input<typeof newMemberSchema>;

export const memberRolesSchema = z.object({
  role: z.enum(ORGANISATION_ROLES),
  sites: siteRoles,
});
export type MemberRolesValues = z.input<typeof memberRolesSchema>;

/** An interaction type's name; `taken` holds the organisation's other names (unique regardless of case). */
export function typeNameSchema(taken: readonly string[]) {
  const lower = new Set(taken.map((name) => name.toLowerCase()));
  return z.object({
    name: z
      .string()
      .trim()
      .min(1, { error: 'Enter a name.', abort: true })
      .refine((name) => [...name].length <= 50, 'Use at most 50 characters.')
      .refine((name) => !CONTROL.test(name), 'Keep the name on one line, without tabs.')
      .refine((name) => !lower.has(name.toLowerCase()), 'This organisation already has an interaction type with this name.'),
  });
}
export type TypeNameValues = z.input<ReturnType<typeof typeNameSchema>>;

/** Site roles as the API takes them: {siteId: role}, sites with no role left out. */
export function siteRolesForApi(choices: Record<string, SiteRoleChoice>): Record<string, SiteRole> {
  const roles: Record<string, SiteRole> = {};
  for (const [siteId, choice] of Object.entries(choices)) if (choice !== 'NONE') roles[siteId] = choice;
  return roles;
}

/** The form's choices for every site: the member's role there, or NONE. */
export function siteRoleChoices(
  siteIds: readonly string[],
  held: readonly { siteId?: string; role?: SiteRole }[] = [],
): Record<string, SiteRoleChoice> {
  const choices: Record<string, SiteRoleChoice> = {};
  for (const id of siteIds) choices[id] = 'NONE';
  for (const { siteId, role } of held) if (siteId && role) choices[siteId] = role;
  return choices;
}
