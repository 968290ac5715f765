import { createHmac, randomBytes } from 'node:crypto';
import type { Page } from 'playwright-core';
import { apiAs, baseUrl, demo } from './browser';

/**
 * Fresh accounts for the sign-in and profile tests (which change passwords, MFA and sessions, so
 * they never use the shared demo users for that), and RFC 6238 codes for their authenticators.
 */

export function unique(): string {
  return randomBytes(4).toString('hex');
}

export interface Account {
  email: string;
  password: string;
  userId: string;
  displayName: string;
}

interface Member {
  email: string;
  displayName: string;
  userId: string;
  temporaryPassword: string;
  londonId: string;
}

/** A new member of the demo organisation (VIEWER at London) with a temporary password, added by its admin. */
export async function newMember(label: string): Promise<Member> {
  const admin = await apiAs(demo.admin);
  const me = await admin.call('GET', '/api/v1/auth/me');
  const organisation = me.json.organisations.find((o: { name: string }) => o.name === 'Demo Organisation');
  const london = organisation.sites.find((s: { name: string }) => s.name === 'London');
  const token = unique();
  const email = `${label}-${token}@e2e.atrium.local`;
  const displayName = `${label[0]!.toUpperCase()}${label.slice(1)} ${token}`;
  const added = await admin.call('POST', `/api/v1/organisations/${organisation.id}/members`, {
    email,
    displayName,
    role: 'MEMBER',
    sites: { [london.id]: 'VIEWER' },
    onboarding: 'TEMPORARY_PASSWORD',
  });
  if (added.status !== 201) throw new Error(`adding ${email} failed: ${added.status} ${JSON.stringify(added.json)}`);
  return { email, displayName, userId: added.json.userId, temporaryPassword: added.json.temporaryPassword, londonId: london.id };
}

/** A new member who has already replaced the temporary password with their own. */
export async function newAccount(label: string): Promise<Account> {
  return choosePassword(await newMember(label));
}

async function choosePassword(member: Omit<Member, 'londonId'>): Promise<Account> {
  const password = `quiet harbour lantern ${unique()}`;
  const signedIn = await post('/api/v1/auth/login', { email: member.email, password: member.temporaryPassword });
  const changed = await post(
    '/api/v1/auth/password/change',
    { currentPassword: member.temporaryPassword, newPassword: password },
    signedIn.json.accessToken,
  );
  if (changed.status !== 200) throw new Error(`password change of ${member.email} failed: ${changed.status}`);
  // leaves no session behind, so the account starts with none
  await post('/api/v1/auth/logout', undefined, changed.json.accessToken);
  return { email: member.email, password, userId: member.userId, displayName: member.displayName };
}

export const SUPER_ADMIN = { email: 'admin@e2e.atrium.local', password: 'browser tests super admin' };

/**
 * The admin of a new organisation (made by the super admin) that requires two-factor sign-in of
 * its admins, so the demo organisation's policy stays as other tests expect it.
 */
export async function newAdminOfStrictOrganisation(label: string): Promise<Account & { organisation: string }> {
  const operator = await apiAs(SUPER_ADMIN.email, SUPER_ADMIN.password);
  const token = unique();
  const organisation = await operator.call('POST', '/api/v1/organisations', { name: `Strict ${token}`, slug: `strict-${token}`, industry: 'OTHER' });
  if (organisation.status >= 300) throw new Error(`creating an organisation failed: ${organisation.status} ${JSON.stringify(organisation.json)}`);
  const email = `${label}-${token}@e2e.atrium.local`;
  const added = await operator.call('POST', `/api/v1/organisations/${organisation.json.id}/members`, {
    email,
    displayName: `Strict admin ${token}`,
    role: 'ADMIN',
    onboarding: 'TEMPORARY_PASSWORD',
  });
  if (added.status !== 201) throw new Error(`adding ${email} failed: ${added.status} ${JSON.stringify(added.json)}`);
  const policy = await operator.call('PUT', `/api/v1/organisations/${organisation.json.id}/security-policy`, { adminMfaRequired: true });
  if (policy.status !== 200) throw new Error(`requiring MFA failed: ${policy.status} ${JSON.stringify(policy.json)}`);
  const account = await choosePassword({ email, displayName: added.json.displayName, userId: added.json.userId, temporaryPassword: added.json.temporaryPassword });
  return { ...account, organisation: organisation.json.name };
}

/** A POST to the API, optionally with a bearer token; never throws on an error status. */
export async function post(path: string, body?: unknown, token?: string) {
  const response = await fetch(`${baseUrl()}${path}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, json: text ? JSON.parse(text) : undefined };
}

export async function call(method: string, path: string, token: string, body?: unknown) {
  const response = await fetch(`${baseUrl()}${path}`, {
    method,
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, json: text ? JSON.parse(text) : undefined };
}

/** Signs in through the API (a session of its own), with a TOTP or recovery code where MFA is on. */
export async function apiSignIn(account: Pick<Account, 'email' | 'password'>, second?: { code?: string; recoveryCode?: string }) {
  const first = await post('/api/v1/auth/login', { email: account.email, password: account.password });
  if (first.status !== 200 || !first.json.mfaRequired || !second) return first;
  return post('/api/v1/auth/login/mfa', { mfaToken: first.json.mfaToken, ...second });
}

function base32(secret: string): Buffer {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  let bits = '';
  for (const char of secret.replace(/[\s=]/g, '').toUpperCase()) {
    const value = alphabet.indexOf(char);
    if (value < 0) throw new Error(`not base32: ${char}`);
    bits += value.toString(2).padStart(5, '0');
  }
  const bytes = bits.match(/.{8}/g) ?? [];
  return Buffer.from(bytes.map((byte) => parseInt(byte, 2)));
}

/** The RFC 6238 code (HMAC-SHA1, 30-second steps, 6 digits) of a base32 secret at a time. */
export function totp(secret: string, at = Date.now()): string {
  const counter = Buffer.alloc(8);
  counter.writeBigUInt64BE(BigInt(Math.floor(at / 1000 / 30)));
  const hmac = createHmac('sha1', base32(secret)).update(counter).digest();
  const offset = hmac[hmac.length - 1]! & 0x0f;
  const binary = (hmac.readUInt32BE(offset) & 0x7fffffff) % 1_000_000;
  return String(binary).padStart(6, '0');
}

/** The server refuses a code of a time step already used: waits until the next step starts. */
export async function nextTotpStep(): Promise<void> {
  const wait = 30_000 - (Date.now() % 30_000) + 500;
  await new Promise((resolve) => setTimeout(resolve, wait));
}

/** Turns MFA on for an account through the API; answers the secret and the recovery codes. */
export async function enrolMfa(account: Account): Promise<{ secret: string; recoveryCodes: string[] }> {
  const signedIn = await apiSignIn(account);
  const enrolment = await post('/api/v1/auth/mfa/totp/enrolment', undefined, signedIn.json.accessToken);
  const confirmed = await post('/api/v1/auth/mfa/totp/confirm', { code: totp(enrolment.json.secret) }, signedIn.json.accessToken);
  if (confirmed.status !== 200) throw new Error(`MFA confirmation failed: ${confirmed.status}`);
  return { secret: enrolment.json.secret, recoveryCodes: confirmed.json.recoveryCodes };
}

export interface StoredTokens {
  accessToken: string;
  refreshToken: string;
  refreshAfter: number;
}

/** The browser's stored session (localStorage `atrium.session`, see src/api/session.ts). */
export async function storedTokens(page: Page): Promise<StoredTokens | null> {
  return page.evaluate(() => {
    const raw = localStorage.getItem('atrium.session');
    return raw ? (JSON.parse(raw) as StoredTokens) : null;
  });
}

export async function changeStoredTokens(page: Page, change: Partial<StoredTokens>): Promise<void> {
  await page.evaluate((patch) => {
    const stored = JSON.parse(localStorage.getItem('atrium.session')!);
    localStorage.setItem('atrium.session', JSON.stringify({ ...stored, ...patch }));
  }, change);
}

/** Signs in through the sign-in page and waits until it is left (the shared helper's steps, any password). */
export async function signInAs(page: Page, account: Pick<Account, 'email' | 'password'>, path = '/sign-in'): Promise<void> {
  await page.goto(path);
  await page.getByRole('textbox', { name: 'Email' }).fill(account.email);
  await page.getByRole('textbox', { name: 'Password' }).fill(account.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

/** Signs out through the account menu in the header. */
export async function signOut(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Account menu' }).click();
  await page.getByRole('menuitem', { name: 'Sign out' }).click();
  await page.waitForURL((url) => url.pathname === '/sign-in');
}

/**
 * Closes the notifications on show. One fading out (opacity below 1) trips axe's contrast check,
 * which says nothing about the screen under test.
 */
export async function dismissNotifications(page: Page): Promise<void> {
  const close = page.getByRole('button', { name: 'Dismiss notification' });
  while ((await close.count()) > 0) {
    await close.first().click({ timeout: 2000 }).catch(() => undefined);
    await page.waitForTimeout(100);
  }
}
