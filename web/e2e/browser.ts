import { mkdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Locator, type Page } from 'playwright-core';
import AxeBuilder from '@axe-core/playwright';
import { expect, inject } from 'vitest';

/** Debian's chromium (installed by .ci/run); a test tool never downloads its own browser. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const SCREENSHOTS = resolve(process.env.ATRIUM_SCREENSHOTS ?? 'screenshots');
export const DEMO_PASSWORD = 'atrium demo organisation';

export const demo = {
  owner: 'owner@demo.atrium.local',
  admin: 'admin@demo.atrium.local',
  siteAdmin: 'site-admin@demo.atrium.local',
  editor: 'editor@demo.atrium.local',
  viewer: 'viewer@demo.atrium.local',
};

export function baseUrl(): string {
  return inject('baseUrl');
}

export async function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** A fresh browser profile (no stored session) at desktop or phone width. */
export async function newContext(browser: Browser, width: 'desktop' | 'phone' = 'desktop'): Promise<BrowserContext> {
  return browser.newContext({
    baseURL: baseUrl(),
    viewport: width === 'phone' ? { width: 375, height: 812 } : { width: 1366, height: 900 },
    timezoneId: 'Europe/London',
    // no fade-ins: axe must judge colours as they settle, not half-way through a transition
    reducedMotion: 'reduce',
    locale: 'en-GB',
  });
}

/**
 * Types into several fields within one browser task, faster than any person: the page has rendered
 * none of the changes when the next one arrives, so each field's change must build on the ones
 * before it, not on what the page last showed.
 */
export async function fillAtOnce(fields: [Locator, string][]): Promise<void> {
  const page = fields[0][0].page();
  const inputs = await Promise.all(fields.map(([field]) => field.elementHandle()));
  await page.evaluate(
    ([elements, values]) => {
      const setValue = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!;
      elements.forEach((element, i) => {
        setValue.call(element, values[i]);
        element!.dispatchEvent(new Event('input', { bubbles: true }));
      });
    },
    [inputs, fields.map(([, value]) => value)] as const,
  );
}

/** Signs in through the sign-in screen and waits until the app has left it. */
export async function signIn(page: Page, email: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto('/sign-in');
  await page.getByRole('textbox', { name: 'Email' }).fill(email);
  await page.getByRole('textbox', { name: 'Password' }).fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL((url) => !url.pathname.startsWith('/sign-in'));
}

/** Fails on any serious or critical WCAG 2.1 AA violation on the page as it is now. */
export async function expectAccessible(page: Page, screen: string): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const blocking = results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`);
  expect(blocking, `accessibility violations on ${screen}`).toEqual([]);
}

/** Writes a full-page screenshot to the README's screenshots folder (web/screenshots). */
export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });
}

/** Mail the server wrote to its mail log (no SMTP in tests), newest last. */
export function mailLog(): string {
  return readFileSync(join(inject('dataDir'), 'mail.log'), 'utf8');
}

/** Calls the API directly (for test setup), signed in as the given user. */
export async function apiAs(email: string, password = DEMO_PASSWORD) {
  const url = baseUrl();
  const login = await fetch(`${url}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  if (!login.ok) throw new Error(`sign-in of ${email} failed: ${login.status} ${await login.text()}`);
  const { accessToken } = (await login.json()) as { accessToken: string };
  const call = async (method: string, path: string, body?: unknown, headers: Record<string, string> = {}) => {
    const response = await fetch(`${url}${path}`, {
      method,
      headers: { Authorization: `Bearer ${accessToken}`, 'Content-Type': 'application/json', ...headers },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    return { status: response.status, headers: response.headers, json: text ? JSON.parse(text) : undefined };
  };
  return { call, accessToken };
}
