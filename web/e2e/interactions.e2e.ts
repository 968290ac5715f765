import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { apiAs, demo, expectAccessible, launch, newContext, screenshot, signIn } from './browser';

/** Unique words for this run, so tests never meet each other's data. */
const token = () => Math.random().toString(36).slice(2, 8);

interface Me {
  organisations: Array<{ id: string; sites: Array<{ id: string; name: string }> }>;
}

async function sitesOf(email: string): Promise<{ organisationId: string; site: (name: string) => string }> {
  const { json } = await (await apiAs(email)).call('GET', '/api/v1/auth/me');
  const me = json as Me;
  const organisation = me.organisations[0]!;
  return {
    organisationId: organisation.id,
    site: (name) => {
      const found = organisation.sites.find((s) => s.name === name);
      if (!found) throw new Error(`${email} has no site ${name}`);
      return found.id;
    },
  };
}

interface Stored {
  id: string;
  title: string;
  type: string;
  lead: string;
  start: string;
  startUtc: string;
  end: string | null;
  endUtc: string | null;
  timezone: string;
  location: string | null;
  description: string | null;
  notes: string | null;
  version: number;
  deletedAt: string | null;
}

async function record(email: string, siteId: string, changes: Partial<Stored> = {}): Promise<Stored> {
  const api = await apiAs(email);
  const { status, json } = await api.call('POST', `/api/v1/sites/${siteId}/interactions`, {
    title: `Interaction ${token()}`,
    type: 'Meeting',
    lead: 'Ada Lovelace',
    start: '2026-06-10T14:00',
    end: '2026-06-10T15:00',
    timezone: 'Europe/London',
    location: 'Room 1',
    ...changes,
  });
  expect(status).toBe(201);
  return json as Stored;
}

/** The fields a PUT takes, from what the API answered. */
function formOf(interaction: Stored) {
  const { title, type, lead, start, end, timezone, location, description, notes } = interaction;
  return { title, type, lead, start, end, timezone, location, description, notes };
}

async function stored(email: string, siteId: string, id: string) {
  return (await apiAs(email)).call('GET', `/api/v1/sites/${siteId}/interactions/${id}`);
}

async function chooseOption(page: Page, field: string, option: string | RegExp, search?: string) {
  const box = page.getByRole('combobox', { name: field });
  await box.click();
  if (search !== undefined) await box.fill(search);
  await page.getByRole('option', { name: option }).click();
}

/** The inline message under a field: Mantine links it to the input with aria-describedby. */
async function fieldError(page: Page, label: string, role: 'textbox' | 'combobox' | 'label' = 'textbox'): Promise<string> {
  // a required field's label ends with an asterisk that screen readers skip
  const input = role === 'label' ? page.getByLabel(new RegExp(`^${label}`)) : page.getByRole(role, { name: label, exact: true });
  await expect.poll(() => input.getAttribute('aria-invalid')).toBe('true');
  const ids = ((await input.getAttribute('aria-describedby')) ?? '').split(/\s+/).filter(Boolean);
  const texts = await Promise.all(ids.map((id) => page.locator(`[id="${id}"]`).textContent()));
  return texts.filter(Boolean).join(' ');
}

async function notification(page: Page, text: string | RegExp) {
  await page.locator('.mantine-Notification-root').filter({ hasText: text }).first().waitFor();
}

describe('interaction form, delete and trash', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });

  async function open(email: string, path: string, width: 'desktop' | 'phone' = 'desktop') {
    const context = await newContext(browser, width);
    const page = await context.newPage();
    await signIn(page, email);
    await page.goto(path);
    return { page, context };
  }

  it('records an interaction with every field, stored at the right moment for the chosen zone', async () => {
    const { site } = await sitesOf(demo.editor);
    const london = site('London');
    const { page, context } = await open(demo.editor, `/sites/${london}/interactions/new`);
    await page.getByRole('heading', { name: 'New interaction' }).waitFor();
    // the site's zone is the default
    await expect.poll(() => page.getByRole('combobox', { name: 'Time zone' }).inputValue()).toMatch(/^Europe\/London/);
    await expectAccessible(page, 'new interaction');
    await screenshot(page, 'interaction-new');

    const title = `Board visit ${token()}`;
    await page.getByRole('textbox', { name: 'Title' }).fill(title);
    await chooseOption(page, 'Type', 'Visit');
    await page.getByRole('textbox', { name: 'Lead' }).fill('Grace Hopper');
    await chooseOption(page, 'Time zone', /^America\/New_York/, 'new york');
    // 01:30 happens twice in New York on 1 November 2026: the form asks which one
    await page.getByLabel(/^Start/).fill('2026-11-01T01:30');
    await page.getByRole('radiogroup', { name: 'Which 01:30?' }).waitFor();
    await page.getByRole('radio', { name: /^The second one/ }).check();
    await page.getByLabel(/^End/).fill('2026-11-01T02:15');
    await page.getByRole('textbox', { name: 'Location' }).fill('Head office, floor 3');
    await page.getByRole('textbox', { name: 'Description' }).fill('Walk-through of the new branch.\nSecond line.');
    await page.getByRole('textbox', { name: 'Notes' }).fill('Bring the floor plans.');
    await page.getByRole('button', { name: 'Save', exact: true }).click();

    await page.waitForURL(/\/interactions\/[0-9a-f-]{36}$/);
    await notification(page, 'Interaction recorded');
    const id = page.url().split('/').pop()!;
    const { status, json } = await stored(demo.editor, london, id);
    expect(status).toBe(200);
    expect(json).toMatchObject({
      title,
      type: 'Visit',
      lead: 'Grace Hopper',
      timezone: 'America/New_York',
      start: '2026-11-01T01:30:00-05:00',
      startUtc: '2026-11-01T06:30:00Z',
      end: '2026-11-01T02:15:00-05:00',
      endUtc: '2026-11-01T07:15:00Z',
      location: 'Head office, floor 3',
      description: 'Walk-through of the new branch.\nSecond line.',
      notes: 'Bring the floor plans.',
    });

    // the saved interaction opens for editing with the second 01:30 still chosen
    await page.getByRole('heading', { name: 'Edit interaction' }).waitFor();
    await expect(page.getByRole('textbox', { name: 'Title' }).inputValue()).resolves.toBe(title);
    await expect(page.getByRole('radio', { name: /^The second one/ }).isChecked()).resolves.toBe(true);
    await context.close();
  });

  it('saves and starts a new one, keeping the chosen time zone', async () => {
    const { site } = await sitesOf(demo.editor);
    const newYork = site('New York');
    const { page, context } = await open(demo.editor, `/sites/${newYork}/interactions/new`);
    await expect.poll(() => page.getByRole('combobox', { name: 'Time zone' }).inputValue()).toMatch(/^America\/New_York/);
    await chooseOption(page, 'Time zone', /^Asia\/Kolkata/, 'kolkata');
    const title = `First of two ${token()}`;
    await page.getByRole('textbox', { name: 'Title' }).fill(title);
    await chooseOption(page, 'Type', 'Email');
    await page.getByRole('textbox', { name: 'Lead' }).fill('Mary Jackson');
    await page.getByLabel(/^Start/).fill('2026-03-29T01:30');
    await page.getByRole('button', { name: 'Save and new' }).click();
    await notification(page, `“${title}” is saved. The form is empty again for the next one.`);
    expect(page.url()).toMatch(/\/interactions\/new$/);
    await expect.poll(() => page.getByRole('textbox', { name: 'Title' }).inputValue()).toBe('');
    await expect(page.getByRole('combobox', { name: 'Time zone' }).inputValue()).resolves.toMatch(/^Asia\/Kolkata/);
    // a fresh form: leaving it asks nothing
    await page.getByRole('link', { name: 'Cancel' }).click();
    await page.waitForURL(new RegExp(`/sites/${newYork}/interactions$`));

    const found = await (await apiAs(demo.editor)).call('GET', `/api/v1/sites/${newYork}/interactions?q=${encodeURIComponent(title)}`);
    expect((found.json as { items: Stored[] }).items).toEqual([
      expect.objectContaining({ title, timezone: 'Asia/Kolkata', startUtc: '2026-03-28T20:00:00Z', lead: 'Mary Jackson' }),
    ]);
    await context.close();
  });

  it('shows what is wrong, field by field, before and after the server checks', async () => {
    const { site, organisationId } = await sitesOf(demo.editor);
    const london = site('London');
    const owner = await apiAs(demo.owner);
    const typeName = `Pop-up ${token()}`;
    const added = await owner.call('POST', `/api/v1/organisations/${organisationId}/interaction-types`, { name: typeName });
    expect(added.status).toBe(201);

    const { page, context } = await open(demo.editor, `/sites/${london}/interactions/new`);
    await page.getByRole('heading', { name: 'New interaction' }).waitFor();
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    expect(await fieldError(page, 'Title')).toContain('Enter a title.');
    expect(await fieldError(page, 'Type', 'combobox')).toContain('Choose a type.');
    expect(await fieldError(page, 'Lead')).toContain('Enter who led it.');
    expect(await fieldError(page, 'Start', 'label')).toContain('Enter when it started');
    // focus goes to the first field to fix
    await expect.poll(() => page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.name)).toBe('title');

    // end before start, and a time the clocks skip
    await page.getByLabel(/^Start/).fill('2026-06-10T14:00');
    await page.getByLabel(/^End/).fill('2026-06-10T13:00');
    await page.getByLabel(/^End/).blur();
    expect(await fieldError(page, 'End', 'label')).toContain('The end must not be before the start.');
    await page.getByLabel(/^Start/).fill('2026-03-29T01:30');
    await page.getByLabel(/^Start/).blur();
    expect(await fieldError(page, 'Start', 'label')).toContain(
      '01:30 does not exist in Europe/London on 29 March 2026: the clocks go forward from 01:00 to 02:00.',
    );
    // a counter appears near the limit, and going over it is an error like any other
    await page.getByRole('textbox', { name: 'Description' }).fill('x'.repeat(20_001));
    await page.getByText('20,001 of 20,000 characters: 1 too many').waitFor();
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    expect(await fieldError(page, 'Description')).toContain('Shorten the description to 20,000 characters or fewer (it has 20,001).');
    await expectAccessible(page, 'interaction form with errors');
    await screenshot(page, 'interaction-errors');

    // a type the client still offers but the organisation removed meanwhile: the server's answer lands on Type
    await page.getByRole('textbox', { name: 'Title' }).fill(`Removed type ${token()}`);
    await chooseOption(page, 'Type', typeName);
    await page.getByRole('textbox', { name: 'Lead' }).fill('Katherine Johnson');
    await page.getByLabel(/^Start/).fill('2026-06-10T14:00');
    await page.getByLabel(/^End/).fill('2026-06-10T15:00');
    await page.getByRole('textbox', { name: 'Description' }).fill('Short again.');
    const removed = await owner.call('DELETE', `/api/v1/organisations/${organisationId}/interaction-types/${(added.json as { id: string }).id}`);
    expect(removed.status).toBeLessThan(300);
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    expect(await fieldError(page, 'Type', 'combobox')).toContain("Type must be one of the organisation's interaction types");
    await notification(page, 'One field needs attention');
    expect(page.url()).toMatch(/\/interactions\/new$/);
    await context.close();
  });

  it('edits and saves an interaction', async () => {
    const { site } = await sitesOf(demo.editor);
    const london = site('London');
    const original = await record(demo.editor, london);
    // a link to an interaction that does not exist says so and leads back
    const { page, context } = await open(demo.editor, `/sites/${london}/interactions/00000000-0000-7000-8000-000000000000`);
    await page.getByRole('heading', { name: 'This interaction was not found' }).waitFor();
    await expectAccessible(page, 'interaction not found');
    await page.getByRole('link', { name: 'Back to the interactions' }).click();
    await page.waitForURL(new RegExp(`/sites/${london}/interactions$`));

    await page.goto(`/sites/${london}/interactions/${original.id}`);
    await page.getByRole('heading', { name: 'Edit interaction' }).waitFor();
    await expect.poll(() => page.getByRole('textbox', { name: 'Title' }).inputValue()).toBe(original.title);
    // an editor may change but not delete
    expect(await page.getByRole('button', { name: 'Delete' }).count()).toBe(0);
    await expectAccessible(page, 'edit interaction');
    await screenshot(page, 'interaction-edit');

    const title = `${original.title} (moved)`;
    await page.getByRole('textbox', { name: 'Title' }).fill(title);
    await page.getByRole('textbox', { name: 'Notes' }).fill('Moved to the afternoon.');
    await page.getByLabel(/^End/).fill('');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await notification(page, 'Saved');
    const { json } = await stored(demo.editor, london, original.id);
    expect(json).toMatchObject({ title, notes: 'Moved to the afternoon.', end: null, version: 1, startUtc: original.startUtc });

    // a role taken away while the form is open: the server's 403 is explained and the typed values stay
    await page.route(`**/api/v1/sites/${london}/interactions/${original.id}`, (route) =>
      route.request().method() === 'PUT'
        ? route.fulfill({
            status: 403,
            contentType: 'application/problem+json',
            body: JSON.stringify({
              type: 'https://atrium.dev/problems/forbidden',
              title: 'Forbidden',
              status: 403,
              detail: 'Your role at this site does not allow interaction write.',
            }),
          })
        : route.continue(),
    );
    await page.getByRole('textbox', { name: 'Title' }).fill(`${title} again`);
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await notification(page, 'Your role at this site does not allow interaction write. Your changes are still in the form, not saved.');
    await expect(page.getByRole('textbox', { name: 'Title' }).inputValue()).resolves.toBe(`${title} again`);
    expect((await stored(demo.editor, london, original.id)).json).toMatchObject({ title, version: 1 });
    await context.close();
  });

  it('explains a conflicting save, keeps what the user typed on the latest version, then saves', async () => {
    const { site } = await sitesOf(demo.editor);
    const london = site('London');
    const original = await record(demo.editor, london, { notes: 'first notes' });
    const { page, context } = await open(demo.editor, `/sites/${london}/interactions/${original.id}`);
    await expect.poll(() => page.getByRole('textbox', { name: 'Title' }).inputValue()).toBe(original.title);
    const mine = `${original.title} mine`;
    await page.getByRole('textbox', { name: 'Title' }).fill(mine);
    await page.getByRole('textbox', { name: 'Notes' }).fill('my notes');

    // meanwhile someone else saves a new version
    const theirs = `${original.title} theirs`;
    const other = await (await apiAs(demo.siteAdmin)).call(
      'PUT',
      `/api/v1/sites/${london}/interactions/${original.id}`,
      { ...formOf(original), title: theirs, lead: 'Someone Else' },
      { 'If-Match': '"0"' },
    );
    expect(other.status).toBe(200);

    await page.getByRole('button', { name: 'Save', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Someone else saved this interaction while you were editing' });
    await dialog.waitFor();
    await dialog.getByText('Nothing has been overwritten').waitFor();
    // both changed the title: the two versions side by side; the lead only they changed
    const titleRow = dialog.getByRole('row', { name: /^Title/ });
    await expect(titleRow.textContent()).resolves.toContain(mine);
    await expect(titleRow.textContent()).resolves.toContain(theirs);
    await dialog.getByText('Lead: Someone Else').waitFor();
    await expectAccessible(page, 'conflict dialog');
    await screenshot(page, 'interaction-conflict');
    // nothing of mine was saved
    expect((await stored(demo.editor, london, original.id)).json).toMatchObject({ title: theirs, notes: 'first notes', version: 1 });

    await dialog.getByRole('button', { name: 'Keep my changes on the latest version' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await expect(page.getByRole('textbox', { name: 'Title' }).inputValue()).resolves.toBe(mine);
    await expect(page.getByRole('textbox', { name: 'Notes' }).inputValue()).resolves.toBe('my notes');
    await expect(page.getByRole('textbox', { name: 'Lead' }).inputValue()).resolves.toBe('Someone Else');

    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await notification(page, 'Saved');
    expect((await stored(demo.editor, london, original.id)).json).toMatchObject({
      title: mine,
      notes: 'my notes',
      lead: 'Someone Else',
      version: 2,
    });
    await context.close();
  });

  it('deletes after confirmation and undoes it from the notification', async () => {
    const { site } = await sitesOf(demo.siteAdmin);
    const london = site('London');
    const original = await record(demo.siteAdmin, london);
    const { page, context } = await open(demo.siteAdmin, `/sites/${london}/interactions/${original.id}`);
    await page.getByRole('heading', { name: 'Edit interaction' }).waitFor();
    await page.getByRole('button', { name: 'Delete' }).click();
    const confirm = page.getByRole('dialog', { name: 'Delete this interaction?' });
    await confirm.waitFor();
    await expectAccessible(page, 'delete confirmation');
    // keeping it changes nothing
    await confirm.getByRole('button', { name: 'Keep it' }).click();
    await confirm.waitFor({ state: 'hidden' });
    expect((await stored(demo.siteAdmin, london, original.id)).status).toBe(200);

    await page.getByRole('button', { name: 'Delete' }).click();
    await confirm.getByRole('button', { name: 'Delete' }).click();
    await page.waitForURL(new RegExp(`/sites/${london}/interactions$`));
    await notification(page, `“${original.title}” is in the trash.`);
    expect((await stored(demo.siteAdmin, london, original.id)).status).toBe(404);

    await page.getByRole('button', { name: 'Undo' }).click();
    await notification(page, `“${original.title}” is back`);
    const back = await stored(demo.siteAdmin, london, original.id);
    expect(back.status).toBe(200);
    expect(back.json).toMatchObject({ title: original.title, deletedAt: null });
    await context.close();
  });

  it('lists deleted interactions in the trash and restores one', async () => {
    const { site } = await sitesOf(demo.siteAdmin);
    const london = site('London');
    const original = await record(demo.siteAdmin, london);
    const { page, context } = await open(demo.siteAdmin, `/sites/${london}/interactions/${original.id}`);
    await page.getByRole('button', { name: 'Delete' }).click();
    await page.getByRole('dialog', { name: 'Delete this interaction?' }).getByRole('button', { name: 'Delete' }).click();
    await page.waitForURL(new RegExp(`/sites/${london}/interactions$`));

    await page.goto(`/sites/${london}/interactions/trash`);
    await page.getByRole('heading', { name: 'Trash' }).waitFor();
    const row = page.getByRole('row').filter({ hasText: original.title });
    await row.waitFor();
    const text = await row.textContent();
    expect(text).toContain('You');
    expect(text).toMatch(/(29|30) days/);
    expect(text).toContain('Wed 10 Jun 2026, 14:00 (UTC+01:00)');
    await expectAccessible(page, 'trash');
    await screenshot(page, 'trash');

    await row.getByRole('button', { name: `Restore “${original.title}”` }).click();
    await notification(page, `“${original.title}” is back`);
    await row.waitFor({ state: 'detached' });
    expect((await stored(demo.siteAdmin, london, original.id)).status).toBe(200);
    await context.close();
  });

  it('shows an empty trash with what to do next, and pages through a full one', async () => {
    const { organisationId } = await sitesOf(demo.owner);
    const owner = await apiAs(demo.owner);
    const created = await owner.call('POST', `/api/v1/organisations/${organisationId}/sites`, {
      name: `Trash test ${token()}`,
      timezone: 'Asia/Kolkata',
    });
    expect(created.status).toBeLessThan(300);
    const siteId = (created.json as { id: string }).id;

    const { page, context } = await open(demo.owner, `/sites/${siteId}/interactions/trash`);
    await page.getByRole('heading', { name: 'The trash is empty' }).waitFor();
    await page.getByRole('link', { name: 'Back to the interactions' }).waitFor();
    await expectAccessible(page, 'empty trash');

    // 21 deleted interactions: one more than a page
    const titles: string[] = [];
    for (let i = 0; i < 21; i++) {
      const item = await record(demo.owner, siteId, { title: `Paged ${i} ${token()}`, timezone: 'Asia/Kolkata' });
      titles.push(item.title);
      expect((await owner.call('DELETE', `/api/v1/sites/${siteId}/interactions/${item.id}`)).status).toBe(204);
    }
    await page.reload();
    await page.getByRole('row').filter({ hasText: titles[20]! }).waitFor();
    expect(await page.getByRole('row').count()).toBe(21); // header and 20 rows
    await page.getByRole('button', { name: 'Next page' }).click();
    // the first one deleted is the oldest, alone on page 2
    await page.getByRole('row').filter({ hasText: titles[0]! }).waitFor();
    expect(await page.getByRole('row').count()).toBe(2);
    await expect(page.getByRole('button', { name: 'Next page' }).isDisabled()).resolves.toBe(true);
    await page.getByRole('button', { name: 'Previous page' }).click();
    await page.getByRole('row').filter({ hasText: titles[20]! }).waitFor();
    await context.close();
  });

  it('lets a viewer read but not change, and the server refuses anyway', async () => {
    const { site } = await sitesOf(demo.viewer);
    const newYork = site('New York');
    const original = await record(demo.editor, newYork, { timezone: 'America/New_York', notes: 'Viewer may read this.' });
    const { page, context } = await open(demo.viewer, `/sites/${newYork}/interactions/${original.id}`);
    await page.getByRole('heading', { name: original.title }).waitFor();
    await page.getByText('Your role at this site lets you read interactions but not change or delete them.').waitFor();
    await page.getByText('Viewer may read this.').waitFor();
    await page.getByText('Wed 10 Jun 2026, 14:00 (UTC-04:00)').waitFor();
    expect(await page.getByRole('button', { name: 'Save' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Delete' }).count()).toBe(0);
    expect(await page.getByRole('textbox').count()).toBe(0);
    await expectAccessible(page, 'read-only interaction');

    // no form for new ones either
    await page.goto(`/sites/${newYork}/interactions/new`);
    await page.getByText('lets you read interactions but not record new ones').waitFor();
    expect(await page.getByRole('button', { name: 'Save' }).count()).toBe(0);

    const put = await (await apiAs(demo.viewer)).call(
      'PUT',
      `/api/v1/sites/${newYork}/interactions/${original.id}`,
      { ...formOf(original), title: 'changed by a viewer' },
      { 'If-Match': '"0"' },
    );
    expect(put.status).toBe(403);
    expect((await stored(demo.editor, newYork, original.id)).json).toMatchObject({ title: original.title, version: 0 });
    await context.close();
  });

  it('records an interaction with the keyboard alone, focus always visible', async () => {
    const { site } = await sitesOf(demo.editor);
    const newYork = site('New York');
    const { page, context } = await open(demo.editor, `/sites/${newYork}/interactions/new`);
    await page.getByRole('heading', { name: 'New interaction' }).waitFor();
    const focused = () => page.evaluate(() => document.activeElement?.getAttribute('name') ?? document.activeElement?.textContent ?? '');
    // the form starts in the title
    await expect.poll(focused).toBe('title');
    const title = `Keyboard call ${token()}`;
    await page.keyboard.type(title);
    await page.keyboard.press('Tab');
    await page.keyboard.type('Call');
    // Enter picks the highlighted option; the list highlights its first match just after it shows it,
    // and an Enter before that submits the half-filled form instead (seen twice in CI on a loaded
    // machine: the focus jumped to the first empty field, then Tab went one too far)
    await page.locator('[role="option"][data-combobox-selected]', { hasText: /^Call$/ }).waitFor();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByRole('combobox', { name: 'Type' }).inputValue()).toBe('Call');
    await page.getByRole('listbox').waitFor({ state: 'hidden' });
    await page.keyboard.press('Tab');
    await expect.poll(focused).toBe('lead');
    await page.keyboard.type('Dorothy Vaughan');
    await page.keyboard.press('Tab');
    await expect.poll(focused).toBe('start');
    // the browser's own date-time field, typed segment by segment: 3 March (the same in day-first and
    // month-first orders, whichever the browser's locale uses), Tab to the time, 09:45 (A for AM where clocks have 12 hours)
    await page.keyboard.type('03032026');
    await page.keyboard.press('Tab');
    await page.keyboard.type('0945A');
    await expect.poll(() => page.getByLabel(/^Start/).inputValue()).toBe('2026-03-03T09:45');
    await page.keyboard.press('Enter');

    await page.waitForURL(/\/interactions\/[0-9a-f-]{36}$/);
    const id = page.url().split('/').pop()!;
    const { json } = await stored(demo.editor, newYork, id);
    expect(json).toMatchObject({ title, type: 'Call', lead: 'Dorothy Vaughan', timezone: 'America/New_York', startUtc: '2026-03-03T14:45:00Z' });

    // focus is visible on the buttons reached by Tab, once the saved interaction's form has loaded
    // (focusing while it still renders lost the focus on a loaded machine: CI, 2026-12-07)
    await page.getByRole('heading', { name: 'Edit interaction' }).waitFor();
    await expect.poll(() => page.getByRole('textbox', { name: 'Title' }).inputValue()).toBe(title);
    await page.getByRole('textbox', { name: 'Notes' }).focus();
    await page.keyboard.press('Tab');
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe('Save');
    const outline = await page.evaluate(() => {
      const style = getComputedStyle(document.activeElement!);
      return { text: document.activeElement?.textContent, outline: style.outlineStyle, width: style.outlineWidth };
    });
    expect(outline.text).toBe('Save');
    expect(outline.outline).not.toBe('none');
    expect(outline.width).not.toBe('0px');
    await context.close();
  });

  it('warns before leaving with unsaved changes', async () => {
    const { site } = await sitesOf(demo.editor);
    const london = site('London');
    const { page, context } = await open(demo.editor, `/sites/${london}/interactions/new`);
    await page.getByRole('heading', { name: 'New interaction' }).waitFor();
    // nothing typed: leaving is silent
    await page.getByRole('link', { name: 'Cancel' }).click();
    await page.waitForURL(new RegExp(`/sites/${london}/interactions$`));

    await page.goto(`/sites/${london}/interactions/new`);
    await page.getByRole('textbox', { name: 'Title' }).fill('Half-written');
    await page.getByRole('link', { name: 'Cancel' }).click();
    const warning = page.getByRole('dialog', { name: 'Leave without saving?' });
    await warning.waitFor();
    await expectAccessible(page, 'unsaved changes warning');
    await warning.getByRole('button', { name: 'Stay and keep editing' }).click();
    await warning.waitFor({ state: 'hidden' });
    expect(page.url()).toMatch(/\/interactions\/new$/);
    await expect(page.getByRole('textbox', { name: 'Title' }).inputValue()).resolves.toBe('Half-written');

    // closing or reloading the tab: the browser's own warning
    const prompt = new Promise<import('playwright-core').Dialog>((resolve) => page.once('dialog', resolve));
    await page.close({ runBeforeUnload: true });
    const dialog = await prompt;
    expect(dialog.type()).toBe('beforeunload');
    await dialog.dismiss();
    expect(page.isClosed()).toBe(false);

    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Trash' }).click();
    await warning.waitFor();
    await warning.getByRole('button', { name: 'Leave without saving' }).click();
    await page.waitForURL(/\/trash$/);
    await context.close();
  });

  it('fits a phone screen', async () => {
    const { site } = await sitesOf(demo.editor);
    const { page, context } = await open(demo.editor, `/sites/${site('London')}/interactions/new`, 'phone');
    await page.getByRole('heading', { name: 'New interaction' }).waitFor();
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await fieldError(page, 'Title');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    await expectAccessible(page, 'interaction form on a phone');
    await screenshot(page, 'interaction-phone');
    await context.close();
  });
});
