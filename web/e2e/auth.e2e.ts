import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { baseUrl, demo, expectAccessible, launch, mailLog, newContext, screenshot, signIn } from './browser';
import {
  apiSignIn,
  call,
  changeStoredTokens,
  enrolMfa,
  newAccount,
  newMember,
  post,
  signInAs,
  signOut,
  storedTokens,
  totp,
  unique,
} from './accounts';

/** Waits for an alert saying this (the page's own, or a notification). */
const seeAlert = (page: Page, text: RegExp) => page.getByRole('alert').filter({ hasText: text }).first().waitFor();

/** Waits until the page shows this path and query. */
const at = (page: Page, path: string) => page.waitForURL((url) => url.pathname + url.search === path);

/** Submits the sign-in form and waits for the server's answer. */
async function submitSignIn(page: Page) {
  await Promise.all([
    page.waitForResponse((response) => new URL(response.url()).pathname.startsWith('/api/v1/auth/login')),
    page.getByRole('button', { name: /^(Sign in|Verify and sign in)$/ }).click(),
  ]);
}

/** The mail log so far; a fresh server writes none until its first mail. */
function mailSoFar(): string {
  try {
    return mailLog();
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return '';
    throw e;
  }
}

/** The reset link mailed last to an address, as a path on the server under test. */
function resetLinkFor(email: string): string {
  const log = mailLog();
  const mail = log.slice(log.lastIndexOf(`To: ${email}`));
  const token = /\/reset-password\?token=([A-Za-z0-9_-]+)/.exec(mail)?.[1];
  if (!token) throw new Error(`no reset link was mailed to ${email}`);
  return `/reset-password?token=${token}`;
}

describe('signing in', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('says what is missing or wrong, then signs in and returns to the page the user asked for', async () => {
    const account = await newAccount('signin');
    const context = await newContext(browser);
    const page = await context.newPage();
    await page.goto('/profile');
    await at(page, '/sign-in?next=%2Fprofile');
    await page.getByText('Sign in to continue where you were.').waitFor();
    await expectAccessible(page, 'sign-in');
    await screenshot(page, 'sign-in');

    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByText('Enter your email address.').waitFor();
    await page.getByText('Enter your password.').waitFor();
    expect(await page.getByRole('textbox', { name: 'Email' }).getAttribute('aria-invalid')).toBe('true');

    await page.getByRole('textbox', { name: 'Email' }).fill(account.email);
    await page.getByRole('textbox', { name: 'Password' }).fill('not the password at all');
    await submitSignIn(page);
    await seeAlert(page, /The email or password is not right.*reset your password/);
    await expectAccessible(page, 'sign-in with wrong password');

    await page.getByRole('textbox', { name: 'Password' }).fill(account.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL('**/profile');
    await page.getByRole('heading', { name: 'Profile and security' }).waitFor();
    await page.getByText(account.email, { exact: false }).first().waitFor();
    await context.close();
  });

  it('never follows a next that leaves the site', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await page.goto('/sign-in?next=%2F%2Fevil.example%2Fsteal');
    await expect(page.getByText('Sign in to continue where you were.').count()).resolves.toBe(0);
    await page.getByRole('textbox', { name: 'Email' }).fill(demo.siteAdmin);
    await page.getByRole('textbox', { name: 'Password' }).fill('atrium demo organisation');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(/\/sites\/[0-9a-f-]+\/interactions$/);
    expect(new URL(page.url()).origin).toBe(new URL(baseUrl()).origin);
    await context.close();
  });

  it('explains that repeated failures lock the account, even when the password is then right', async () => {
    const account = await newAccount('locked');
    const context = await newContext(browser);
    const page = await context.newPage();
    await page.goto('/sign-in');
    await page.getByRole('textbox', { name: 'Email' }).fill(account.email);
    for (let attempt = 0; attempt < 5; attempt++) {
      await page.getByRole('textbox', { name: 'Password' }).fill(`wrong password number ${attempt}`);
      await submitSignIn(page);
      await seeAlert(page, /The email or password is not right/);
    }
    // the server now refuses the right password too, and answers exactly as for a wrong one
    await page.getByRole('textbox', { name: 'Password' }).fill(account.password);
    await submitSignIn(page);
    await seeAlert(page, /locked for a while after too many failed attempts/);
    expect(new URL(page.url()).pathname).toBe('/sign-in');
    await expect(apiSignIn(account).then((r) => r.status)).resolves.toBe(401);
    await context.close();
  });

  it('asks for the second factor at phone width, refuses a wrong code and accepts a recovery code once', async () => {
    const account = await newAccount('mfa');
    const { secret, recoveryCodes } = await enrolMfa(account);
    const context = await newContext(browser, 'phone');
    const page = await context.newPage();
    await signInAs(page, account);
    await page.getByRole('heading', { name: 'Two-factor sign-in' }).waitFor();
    await page.getByText(`Enter the 6-digit code your authenticator app shows for Atrium (${account.email}).`).waitFor();
    await expectAccessible(page, 'sign-in MFA step');
    await screenshot(page, 'sign-in-mfa');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);

    await page.getByRole('button', { name: 'Verify and sign in' }).click();
    await page.getByText('Enter the 6 digits your authenticator app shows.').waitFor();

    // a code that is not the current one (nor the one before or after, which the server also accepts)
    const near = [-30_000, 0, 30_000].map((offset) => totp(secret, Date.now() + offset));
    const wrong = ['000000', '111111', '222222', '333333'].find((code) => !near.includes(code))!;
    await page.getByRole('textbox', { name: 'Authentication code' }).fill(wrong);
    await submitSignIn(page);
    await seeAlert(page, /That code is not right or was already used/);
    await expectAccessible(page, 'sign-in MFA step with wrong code');

    await page.getByRole('button', { name: 'Use a recovery code instead' }).click();
    await page.getByRole('textbox', { name: 'Recovery code' }).fill(recoveryCodes[0]!);
    await page.getByRole('button', { name: 'Verify and sign in' }).click();
    await page.waitForURL(/\/sites\/[0-9a-f-]+\/interactions$/);

    // the server used the code up: it signs nobody in a second time
    const again = await apiSignIn(account, { recoveryCode: recoveryCodes[0]! });
    expect(again.status).toBe(401);
    await context.close();
  });

  it('makes a member with a temporary password choose their own, with the server’s reasons on the right field', async () => {
    const member = await newMember('temporary');
    const context = await newContext(browser);
    const page = await context.newPage();
    await signInAs(page, { email: member.email, password: member.temporaryPassword });
    await page.waitForURL('**/change-password');
    await page.getByRole('heading', { name: 'Choose a new password' }).waitFor();
    await page.getByText(/Your password was set by an administrator/).waitFor();
    // every other page sends the user back here until the password is changed
    await page.goto('/profile');
    await at(page, '/change-password?next=%2Fprofile');
    await expectAccessible(page, 'change password');
    await screenshot(page, 'change-password');

    const temporary = page.getByRole('textbox', { name: 'Temporary password' });
    const fresh = page.getByRole('textbox', { name: 'New password', exact: true });
    const repeat = page.getByRole('textbox', { name: 'Repeat the new password' });
    await temporary.fill(member.temporaryPassword);
    await fresh.fill('too short');
    await repeat.fill('too short!');
    await page.getByRole('button', { name: 'Change password' }).click();
    await page.getByText('Use at least 12 characters (this has 9). A few words make a good password.').waitFor();
    await page.getByText('The two new passwords differ. Type the same password in both fields.').waitFor();

    await fresh.fill(member.temporaryPassword);
    await repeat.fill(member.temporaryPassword);
    await page.getByRole('button', { name: 'Change password' }).click();
    await page.getByText('Choose a password different from your current one.').waitFor();

    // long enough, but on the list of breached passwords: only the server knows
    await fresh.fill('passwordpassword');
    await repeat.fill('passwordpassword');
    await page.getByRole('button', { name: 'Change password' }).click();
    await page.getByText('This password is too common; choose a password that is not on lists of known passwords.').waitFor();
    expect(await fresh.getAttribute('aria-invalid')).toBe('true');
    expect(await temporary.getAttribute('aria-invalid')).not.toBe('true');
    await expectAccessible(page, 'change password with server error');

    const chosen = `lighthouse keeper ${unique()}`;
    await fresh.fill(chosen);
    await repeat.fill(chosen);
    await page.getByRole('button', { name: 'Change password' }).click();
    await page.waitForURL('**/profile');
    await page.getByText('Password changed').first().waitFor();

    await expect(apiSignIn({ email: member.email, password: member.temporaryPassword }).then((r) => r.status)).resolves.toBe(401);
    const signedIn = await apiSignIn({ email: member.email, password: chosen });
    expect(signedIn.status).toBe(200);
    expect(signedIn.json.passwordChangeRequired).toBe(false);
    await context.close();
  });

  it('resets a forgotten password with the emailed link, which then works no more', async () => {
    const account = await newAccount('forgot');
    const context = await newContext(browser);
    const page = await context.newPage();
    await page.goto('/sign-in');
    await page.getByRole('textbox', { name: 'Email' }).fill(account.email);
    await page.getByRole('link', { name: 'Forgot your password?' }).click();
    await page.waitForURL('**/forgot-password');
    await page.getByRole('heading', { name: 'Reset your password' }).waitFor();
    // the address typed on the sign-in page comes along
    await expect(page.getByRole('textbox', { name: 'Email' }).inputValue()).resolves.toBe(account.email);
    await expectAccessible(page, 'forgot password');
    await screenshot(page, 'forgot-password');

    // an unknown address gets the same answer, so the page does not tell who has an account
    const nobody = `nobody-${unique()}@e2e.atrium.local`;
    await page.getByRole('textbox', { name: 'Email' }).fill(nobody);
    await page.getByRole('button', { name: 'Email me a link' }).click();
    await page.getByText(`If an account exists for ${nobody}, we sent it a link to choose a new password.`, { exact: false }).waitFor();
    expect(mailSoFar()).not.toContain(nobody);
    await page.getByRole('button', { name: 'Use a different email address' }).click();

    await page.getByRole('textbox', { name: 'Email' }).fill(account.email);
    await page.getByRole('button', { name: 'Email me a link' }).click();
    await page.getByRole('status').getByText('Check your email').waitFor();
    await page.getByText(`If an account exists for ${account.email}, we sent it a link`, { exact: false }).waitFor();
    await expectAccessible(page, 'forgot password sent');

    const link = resetLinkFor(account.email);
    await page.goto(link);
    await page.getByRole('heading', { name: 'Choose a new password' }).waitFor();
    await expectAccessible(page, 'reset password');
    await screenshot(page, 'reset-password');

    const chosen = `copper kettle morning ${unique()}`;
    await page.getByRole('textbox', { name: 'New password', exact: true }).fill(chosen);
    await page.getByRole('textbox', { name: 'Repeat the new password' }).fill(`${chosen} typo`);
    await page.getByRole('button', { name: 'Set the new password' }).click();
    await page.getByText('The two new passwords differ.', { exact: false }).waitFor();
    await page.getByRole('textbox', { name: 'Repeat the new password' }).fill(chosen);
    await page.getByRole('button', { name: 'Set the new password' }).click();
    await page.waitForURL('**/sign-in');
    await page.getByText('Sign in with your new password.').waitFor();

    await signInAs(page, { email: account.email, password: chosen });
    await page.waitForURL(/\/sites\/[0-9a-f-]+\/interactions$/);
    await expect(apiSignIn(account).then((r) => r.status)).resolves.toBe(401);

    // the link was used up
    const other = await (await newContext(browser)).newPage();
    await other.goto(link);
    await other.getByRole('textbox', { name: 'New password', exact: true }).fill(`another fine phrase ${unique()}`);
    await other.getByRole('textbox', { name: 'Repeat the new password' }).fill(await other.getByRole('textbox', { name: 'New password', exact: true }).inputValue());
    await other.getByRole('button', { name: 'Set the new password' }).click();
    await other.getByText('This link is invalid, already used or expired; ask for a new password reset email.').waitFor();
    await other.getByRole('link', { name: 'Ask for a new link' }).waitFor();
    await expectAccessible(other, 'reset password with a used link');
    await other.goto('/reset-password');
    await other.getByText('This link is incomplete.', { exact: false }).waitFor();
    await other.context().close();
    await context.close();
  });
});

describe('the session', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('refreshes an expired or refused access token silently', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await signIn(page, demo.viewer);
    const first = (await storedTokens(page))!;

    // the server refuses the token (as it would an expired one): the client refreshes and retries
    await changeStoredTokens(page, { accessToken: 'corrupt' });
    await page.goto('/profile');
    await page.getByRole('heading', { name: 'Profile and security' }).waitFor();
    await page.getByText(demo.viewer, { exact: false }).first().waitFor();
    const second = (await storedTokens(page))!;
    expect(second.accessToken).not.toBe('corrupt');
    expect(second.refreshToken).not.toBe(first.refreshToken);

    // a token past its time is refreshed before it is used
    await changeStoredTokens(page, { refreshAfter: 0 });
    await page.reload();
    await page.getByRole('heading', { name: 'Profile and security' }).waitFor();
    const third = (await storedTokens(page))!;
    expect(third.accessToken).not.toBe(second.accessToken);
    expect(third.refreshAfter).toBeGreaterThan(Date.now());
    expect(await call('GET', '/api/v1/auth/me', third.accessToken).then((r) => r.json.user.email)).toBe(demo.viewer);
    expect(new URL(page.url()).pathname).toBe('/profile');
    await context.close();
  });

  it('sends the user of a revoked session to sign-in, and back to their page afterwards', async () => {
    const account = await newAccount('revoked');
    const context = await newContext(browser);
    const page = await context.newPage();
    await signInAs(page, account);
    await page.waitForURL(/\/sites\/[0-9a-f-]+\/interactions$/);
    await page.goto('/profile');
    await page.getByRole('heading', { name: 'Profile and security' }).waitFor();

    // from another device, the user ends the browser's session
    const elsewhere = await apiSignIn(account);
    const sessions = await call('GET', '/api/v1/auth/sessions', elsewhere.json.accessToken);
    const browserSession = sessions.json.find((s: { current: boolean }) => !s.current);
    expect(await call('DELETE', `/api/v1/auth/sessions/${browserSession.id}`, elsewhere.json.accessToken).then((r) => r.status)).toBe(204);

    // access tokens are checked by signature alone, so the browser notices when it next refreshes
    await changeStoredTokens(page, { refreshAfter: 0 });
    await page.goto('/profile');
    await at(page, '/sign-in?next=%2Fprofile');
    await page.getByText('Your session has ended. Sign in again to continue.').waitFor();
    expect(await storedTokens(page)).toBeNull();

    await page.getByRole('textbox', { name: 'Email' }).fill(account.email);
    await page.getByRole('textbox', { name: 'Password' }).fill(account.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL('**/profile');
    await page.getByRole('heading', { name: 'Profile and security' }).waitFor();
    await context.close();
  });

  it('signing out ends the session on the server', async () => {
    const account = await newAccount('signout');
    const context = await newContext(browser);
    const page = await context.newPage();
    await signInAs(page, account);
    await page.waitForURL(/\/sites\/[0-9a-f-]+\/interactions$/);
    const tokens = (await storedTokens(page))!;
    await signOut(page);
    expect(await storedTokens(page)).toBeNull();
    await page.getByRole('heading', { name: 'Sign in to Atrium' }).waitFor();
    const refreshed = await post('/api/v1/auth/refresh', { refreshToken: tokens.refreshToken });
    expect(refreshed.status).toBe(401);
    await context.close();
  });
});
