import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { demo, expectAccessible, launch, newContext, screenshot, signIn } from './browser';

describe('the app shell', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('asks for sign-in, then takes a one-site user straight to their site', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await page.goto('/');
    await page.waitForURL('**/sign-in');
    await page.getByRole('heading', { name: 'Sign in to Atrium' }).waitFor();
    await expectAccessible(page, 'sign-in');
    await screenshot(page, 'sign-in');

    await signIn(page, demo.siteAdmin);
    await page.waitForURL(/\/sites\/[0-9a-f-]+\/interactions$/);
    await expect(page.getByRole('combobox', { name: 'Current site' }).inputValue()).resolves.toBe('London');
    await context.close();
  });

  it('lets a user with several sites choose one, remembers it, and switches from the header', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await signIn(page, demo.editor);
    await page.waitForURL('**/choose-site');
    await page.getByRole('heading', { name: 'Choose a site' }).waitFor();
    await expectAccessible(page, 'choose site');
    await screenshot(page, 'choose-site');
    await page.getByRole('button', { name: 'Open New York' }).click();
    await page.waitForURL(/\/sites\/.+\/interactions$/);

    await page.getByRole('combobox', { name: 'Current site' }).click();
    await page.getByRole('option', { name: 'London' }).click();
    await page.waitForFunction(() => document.querySelector<HTMLInputElement>('input[aria-label="Current site"]')?.value === 'London');
    const londonUrl = page.url();

    // a new browser session lands on the remembered site
    const again = await (await newContext(browser)).newPage();
    await signIn(again, demo.editor);
    await again.waitForURL(/\/sites\/.+\/interactions$/);
    expect(again.url()).toBe(londonUrl);
    await context.close();
  });
});
