import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { apiAs, demo, expectAccessible, launch, newContext, screenshot, signIn } from './browser';

/** A word no other test's data contains, so every search below sees only what this file seeded. */
function randomWord(): string {
  return Array.from({ length: 9 }, () => 'abcdefghijklmnopqrstuvwxyz'[Math.floor(Math.random() * 26)]).join('');
}

const TYPES = ['Meeting', 'Call', 'Visit'];
const LEADS = ['Ada Byron', 'Grace Hopper', 'Alan Turing', 'Mary Somerville'];

interface Seeded {
  id: string;
  title: string;
  type: string;
  lead: string;
  harbour: boolean;
  startIndex: number;
}

/** Polls until the page catches up: loading a page and its data takes longer than expect.poll's default second. */
const eventually = <T>(read: () => T | Promise<T>) => expect.poll(read, { timeout: 15_000, interval: 100 });

/** Minimal RFC 4180 reader for the export (quotes, doubled quotes, CRLF inside quotes). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(cell);
      cell = '';
    } else if (c === '\n') {
      row.push(cell.replace(/\r$/, ''));
      rows.push(row);
      row = [];
      cell = '';
    } else cell += c;
  }
  if (cell || row.length) rows.push([...row, cell]);
  return rows;
}

describe('the Interactions Finder', () => {
  let browser: Browser;
  const token = randomWord();
  const nyToken = randomWord();
  let london = '';
  let newYork = '';
  const seeded: Seeded[] = [];

  const finder = (query = '') => `/sites/${london}/interactions${query ? `?${query}` : ''}`;
  const titles = (page: Page) => page.locator('table tbody tr td:first-child a').allTextContents();
  const status = (page: Page) => page.getByRole('status').filter({ hasText: /interaction|page/ }).first();

  async function openAs(email: string, width: 'desktop' | 'phone' = 'desktop'): Promise<{ context: BrowserContext; page: Page }> {
    const context = await newContext(browser, width);
    const page = await context.newPage();
    await signIn(page, email);
    return { context, page };
  }

  beforeAll(async () => {
    browser = await launch();
    const editor = await apiAs(demo.editor);
    const me = await editor.call('GET', '/api/v1/auth/me');
    const sites = me.json.organisations.flatMap((o: { sites: { id: string; name: string }[] }) => o.sites);
    london = sites.find((s: { name: string }) => s.name === 'London').id;
    newYork = sites.find((s: { name: string }) => s.name === 'New York').id;

    for (let i = 0; i < 60; i++) {
      const day = new Date(Date.UTC(2025, 0, 1 + i, 9, 0, 0));
      const start = day.toISOString().slice(0, 19);
      const number = String((i * 37) % 60).padStart(2, '0');
      const body = {
        title: `${token} item ${number}`,
        type: TYPES[i % 3],
        lead: LEADS[i % 4],
        start,
        end: i % 6 === 0 ? undefined : new Date(day.getTime() + 3_600_000).toISOString().slice(0, 19),
        timezone: 'Europe/London',
        location: i % 2 === 0 ? 'Room A' : 'Room B',
        description: i % 5 === 0 ? `A walk along the harbour, number ${i}.` : `Notes on ${token} number ${i}.`,
      };
      const created = await editor.call('POST', `/api/v1/sites/${london}/interactions`, body);
      expect(created.status, JSON.stringify(created.json)).toBe(201);
      seeded.push({ id: created.json.id, title: body.title, type: body.type!, lead: body.lead!, harbour: i % 5 === 0, startIndex: i });
    }
    for (let i = 0; i < 3; i++) {
      const created = await editor.call('POST', `/api/v1/sites/${newYork}/interactions`, {
        title: `${nyToken} New York call ${i}`,
        type: 'Call',
        lead: 'Ada Byron',
        start: `2025-06-0${i + 1}T10:00:00`,
        timezone: 'America/New_York',
      });
      expect(created.status).toBe(201);
    }
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('searches as you type, replacing the history entry, and narrows to the matching rows', async () => {
    const { context, page } = await openAs(demo.editor);
    await page.goto(finder());
    await page.getByRole('heading', { name: 'Interactions' }).waitFor();
    await expect(page.getByRole('link', { name: 'New interaction' }).isVisible()).resolves.toBe(true);
    const historyBefore = await page.evaluate(() => history.length);

    const search = page.getByRole('searchbox', { name: 'Search interactions' });
    await search.pressSequentially(token, { delay: 40 });
    await eventually(() => new URL(page.url()).searchParams.get('q')).toBe(token);
    await eventually(() => status(page).textContent()).toBe('1–50 of 60 interactions');
    await search.pressSequentially(' harbour', { delay: 40 });
    const harbour = seeded.filter((s) => s.harbour).map((s) => s.title);
    await eventually(async () => (await titles(page)).sort()).toEqual([...harbour].sort());
    await expect(status(page).textContent()).resolves.toBe('1–12 of 12 interactions');
    // one search, however many keystrokes: no history entry per letter
    expect(await page.evaluate(() => history.length)).toBe(historyBefore);
    expect(new URL(page.url()).searchParams.get('q')).toBe(`${token} harbour`);

    // times read in the interaction's own zone, with its abbreviation
    const first = seeded.find((s) => s.startIndex === 0)!;
    await page.getByRole('button', { name: 'Clear search' }).click();
    await search.fill(first.title);
    const row = page.getByRole('row').filter({ has: page.getByRole('link', { name: first.title, exact: true }) });
    await eventually(() => row.count()).toBe(1);
    await expect(row.getByRole('cell').nth(3).textContent()).resolves.toBe('1 Jan 2025, 09:00 GMT');
    await search.fill(token);
    await eventually(() => status(page).textContent()).toBe('1–50 of 60 interactions');
    await expectAccessible(page, 'finder');
    await screenshot(page, 'finder');

    // a title opens its interaction
    const link = page.locator('table tbody tr td:first-child a').first();
    const linkText = await link.textContent();
    const opened = seeded.find((s) => s.title === linkText)!;
    await link.click();
    await page.waitForURL(`**/sites/${london}/interactions/${opened.id}`);
    await context.close();
  });

  it('filters by type and lead with removable chips', async () => {
    const { context, page } = await openAs(demo.editor);
    await page.goto(finder(`q=${token}`));
    await eventually(() => status(page).textContent()).toBe('1–50 of 60 interactions');

    await page.getByRole('button', { name: 'Filters' }).click();
    const drawer = page.getByRole('dialog', { name: 'Filter interactions' });
    await drawer.waitFor();
    await drawer.getByRole('combobox', { name: 'Type' }).click();
    await page.getByRole('option', { name: 'Meeting' }).click();
    await drawer.getByRole('textbox', { name: 'Lead' }).fill('ada byron');
    await expectAccessible(page, 'finder filter panel');
    await screenshot(page, 'finder-filters');
    await drawer.getByRole('button', { name: 'Show results' }).click();
    await drawer.waitFor({ state: 'hidden' });

    const both = seeded.filter((s) => s.type === 'Meeting' && s.lead === 'Ada Byron');
    expect(both.length).toBe(5);
    await eventually(async () => (await titles(page)).sort()).toEqual(both.map((s) => s.title).sort());
    const chips = page.getByRole('group', { name: 'Active filters' });
    await expect(chips.getByText('Type: Meeting').isVisible()).resolves.toBe(true);
    await expect(chips.getByText('Lead: ada byron').isVisible()).resolves.toBe(true);
    await expect(page.getByRole('button', { name: 'Filters (2 active)' }).isVisible()).resolves.toBe(true);
    const url = new URL(page.url());
    expect(url.searchParams.getAll('type')).toEqual(['Meeting']);
    expect(url.searchParams.get('lead')).toBe('ada byron');

    // removing the lead widens to every meeting
    await chips.getByRole('button', { name: 'Remove filter Lead: ada byron' }).click();
    const meetings = seeded.filter((s) => s.type === 'Meeting');
    await eventually(() => status(page).textContent()).toBe(`1–${meetings.length} of ${meetings.length} interactions`);
    expect((await titles(page)).sort()).toEqual(meetings.map((s) => s.title).sort());
    expect(new URL(page.url()).searchParams.has('lead')).toBe(false);

    await chips.getByRole('button', { name: 'Clear all filters' }).click();
    await eventually(() => status(page).textContent()).toBe('1–50 of 60 interactions');
    await context.close();
  });

  it('sorts by a column header, pages with keyset cursors, and keeps it all in the URL', async () => {
    const { context, page } = await openAs(demo.editor);
    await page.goto(finder(`q=${token}`));
    await eventually(() => status(page).textContent()).toBe('1–50 of 60 interactions');

    const titleHeader = page.getByRole('columnheader', { name: 'Title' });
    await titleHeader.getByRole('button').click();
    await eventually(() => titleHeader.getAttribute('aria-sort')).toBe('ascending');
    const byTitle = seeded.map((s) => s.title).sort((a, b) => a.toLowerCase().localeCompare(b.toLowerCase()));
    await eventually(() => titles(page)).toEqual(byTitle.slice(0, 50));
    // keyboard operable: Enter on the focused header button turns the order round
    await titleHeader.getByRole('button').focus();
    await page.keyboard.press('Enter');
    await eventually(() => titleHeader.getAttribute('aria-sort')).toBe('descending');
    await eventually(() => titles(page)).toEqual([...byTitle].reverse().slice(0, 50));

    // oldest first, 25 a page: three pages, no repeats, no gaps
    const startHeader = page.getByRole('columnheader', { name: 'Start' });
    await startHeader.getByRole('button').click();
    await eventually(() => startHeader.getAttribute('aria-sort')).toBe('ascending');
    await page.getByRole('combobox', { name: 'Rows per page' }).selectOption('25');
    const byStart = [...seeded].sort((a, b) => a.startIndex - b.startIndex).map((s) => s.title);
    await eventually(() => titles(page)).toEqual(byStart.slice(0, 25));
    await expect(status(page).textContent()).resolves.toBe('1–25 of 60 interactions');
    await page.getByRole('button', { name: 'Next page' }).click();
    await eventually(() => titles(page)).toEqual(byStart.slice(25, 50));
    await eventually(() => status(page).textContent()).toBe('26–50 of 60 interactions');
    await page.getByRole('button', { name: 'Next page' }).click();
    await eventually(() => titles(page)).toEqual(byStart.slice(50));
    await expect(page.getByRole('button', { name: 'Next page' }).isDisabled()).resolves.toBe(true);
    await expect(page.getByText('Page 3').isVisible()).resolves.toBe(true);
    const third = page.url();
    expect(new URL(third).searchParams.getAll('cursor')).toHaveLength(2);

    await page.getByRole('button', { name: 'Previous page' }).click();
    await eventually(() => titles(page)).toEqual(byStart.slice(25, 50));

    // back and forward restore earlier states
    await page.goBack();
    await eventually(() => titles(page)).toEqual(byStart.slice(50));
    await page.goBack();
    await page.goBack();
    await eventually(() => titles(page)).toEqual(byStart.slice(0, 25));
    await page.goBack(); // before the page size: 50 rows, oldest first
    await eventually(() => titles(page)).toEqual(byStart.slice(0, 50));
    await page.goForward();
    await eventually(() => titles(page)).toEqual(byStart.slice(0, 25));

    // the link alone reproduces page 3 in a fresh page
    const fresh = await context.newPage();
    await fresh.goto(third);
    await eventually(() => titles(fresh)).toEqual(byStart.slice(50));
    await eventually(() => status(fresh).textContent()).toBe('51–60 of 60 interactions');
    await expect(fresh.getByRole('combobox', { name: 'Rows per page' }).inputValue()).resolves.toBe('25');
    await expect(fresh.getByRole('columnheader', { name: 'Start' }).getAttribute('aria-sort')).resolves.toBe('ascending');
    await context.close();
  });

  it('shows placeholder rows at first, then keeps the current page on screen while the next one loads', async () => {
    const { context, page } = await openAs(demo.editor);
    let release: () => void = () => {};
    let hold = true;
    await page.route('**/api/v1/sites/*/interactions?*', async (route) => {
      if (hold) await new Promise<void>((resolve) => (release = resolve));
      await route.continue();
    });
    await page.goto(finder(`q=${token}&sort=start,asc&size=25`));
    const table = page.locator('table');
    await eventually(() => table.getAttribute('aria-busy')).toBe('true');
    await expect(page.locator('table tbody .mantine-Skeleton-root').count()).resolves.toBeGreaterThan(0);
    await expect(status(page).textContent()).resolves.toBe('Loading interactions…');
    hold = false;
    release();
    const byStart = [...seeded].sort((a, b) => a.startIndex - b.startIndex).map((s) => s.title);
    await eventually(() => titles(page)).toEqual(byStart.slice(0, 25));

    hold = true;
    await page.getByRole('button', { name: 'Next page' }).click();
    await eventually(() => table.getAttribute('aria-busy')).toBe('true');
    // the first page stays readable (dimmed) until the second arrives
    expect(await titles(page)).toEqual(byStart.slice(0, 25));
    hold = false;
    release();
    await eventually(() => titles(page)).toEqual(byStart.slice(25, 50));
    await expect(table.getAttribute('aria-busy')).resolves.toBe('false');
    await context.close();
  });

  it('hides a column with the column chooser', async () => {
    const { context, page } = await openAs(demo.editor);
    await page.goto(finder(`q=${token}`));
    await eventually(() => status(page).textContent()).toBe('1–50 of 60 interactions');
    await expect(page.getByRole('columnheader', { name: 'Lead' }).count()).resolves.toBe(1);
    await page.getByRole('button', { name: 'Columns' }).click();
    // the checkboxes follow the URL, so they change once the navigation is done
    await page.getByRole('checkbox', { name: 'Lead', exact: true }).click();
    await eventually(() => page.getByRole('checkbox', { name: 'Lead', exact: true }).isChecked()).toBe(false);
    await page.getByRole('checkbox', { name: 'Created by', exact: true }).click();
    await eventually(() => page.getByRole('checkbox', { name: 'Created by', exact: true }).isChecked()).toBe(true);
    await page.keyboard.press('Escape');
    await eventually(() => page.getByRole('columnheader', { name: 'Lead' }).count()).toBe(0);
    await expect(page.getByRole('columnheader', { name: 'Created by' }).count()).resolves.toBe(1);
    // the editor made every row, so each is theirs
    await expect(page.locator('table tbody tr').first().getByRole('cell', { name: 'You', exact: true }).count()).resolves.toBe(1);
    expect(new URL(page.url()).searchParams.get('cols')).toBe('title,type,start,location,createdBy');
    await page.reload();
    await eventually(() => page.getByRole('columnheader', { name: 'Created by' }).count()).toBe(1);
    await expect(page.getByRole('columnheader', { name: 'Lead' }).count()).resolves.toBe(0);
    await context.close();
  });

  it('saves the current view and applies it again', async () => {
    const { context, page } = await openAs(demo.editor);
    await page.goto(finder(`q=${token}&type=Visit&sort=title,asc&cols=title,type,lead`));
    const visits = seeded.filter((s) => s.type === 'Visit');
    await eventually(() => status(page).textContent()).toBe(`1–${visits.length} of ${visits.length} interactions`);

    const name = `${token} visits`;
    await page.getByRole('button', { name: 'Views' }).click();
    await page.getByRole('menuitem', { name: 'Save as a new view…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Save as a new view' });
    await dialog.getByRole('textbox', { name: 'Name' }).fill(name);
    await dialog.getByRole('button', { name: 'Save view' }).click();
    await page.getByText('View saved').waitFor();
    await eventually(() => page.getByRole('button', { name: `View: ${name}` }).count()).toBe(1);

    // what the server stored
    const editor = await apiAs(demo.editor);
    const views = await editor.call('GET', `/api/v1/sites/${london}/interaction-views`);
    const stored = views.json.find((v: { name: string }) => v.name === name);
    expect(stored.query).toMatchObject({ q: token, type: ['Visit'] });
    expect(stored.sort).toBe('title,asc');
    expect(stored.columns).toEqual(['title', 'type', 'lead']);
    expect(stored.shared).toBe(false);

    // from a plain Finder, the menu brings the whole view back
    await page.goto(finder());
    await page.getByRole('button', { name: 'Views' }).click();
    await page.getByRole('menuitem', { name }).click();
    await eventually(() => titles(page)).toEqual(visits.map((s) => s.title).sort());
    const url = new URL(page.url());
    expect(url.searchParams.get('view')).toBe(stored.id);
    expect(url.searchParams.getAll('type')).toEqual(['Visit']);
    expect(url.searchParams.get('q')).toBe(token);
    await expect(page.getByRole('columnheader', { name: 'Location' }).count()).resolves.toBe(0);

    // changing the question marks the view as changed
    await page.getByRole('group', { name: 'Active filters' }).getByRole('button', { name: 'Remove filter Type: Visit' }).click();
    await eventually(() => page.getByRole('button', { name: `View: ${name} (changed)` }).count()).toBe(1);

    // updating keeps what is on screen now, under a new name
    const renamed = `${token} all`;
    await page.getByRole('button', { name: `View: ${name} (changed)` }).click();
    await page.getByRole('menuitem', { name: `Update “${name}”…` }).click();
    const update = page.getByRole('dialog', { name: `Update “${name}”` });
    await update.getByRole('textbox', { name: 'Name' }).fill(renamed);
    await update.getByRole('button', { name: 'Update view' }).click();
    await eventually(() => page.getByRole('button', { name: `View: ${renamed}` }).count()).toBe(1);
    const updated = (await editor.call('GET', `/api/v1/sites/${london}/interaction-views/${stored.id}`)).json;
    expect(updated.name).toBe(renamed);
    expect(updated.query.type).toEqual([]);
    expect(updated.query.q).toBe(token);

    // and deleting removes it
    await page.getByRole('button', { name: `View: ${renamed}` }).click();
    await page.getByRole('menuitem', { name: `Delete “${renamed}”…` }).click();
    await page.getByRole('dialog', { name: `Delete “${renamed}”?` }).getByRole('button', { name: 'Delete view' }).click();
    await page.getByText('View deleted').waitFor();
    await eventually(() => new URL(page.url()).searchParams.has('view')).toBe(false);
    await expect(page.getByRole('button', { name: 'Views' }).count()).resolves.toBe(1);
    expect((await editor.call('GET', `/api/v1/sites/${london}/interaction-views/${stored.id}`)).status).toBe(404);
    await context.close();
  });

  it('exports the whole filtered result as CSV', async () => {
    const { context, page } = await openAs(demo.editor);
    await page.goto(finder(`q=${token}&type=Meeting&size=25`));
    const meetings = seeded.filter((s) => s.type === 'Meeting');
    await eventually(() => status(page).textContent()).toBe(`1–${meetings.length} of ${meetings.length} interactions`);

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export CSV' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^interactions-london-\d{4}-\d{2}-\d{2}\.csv$/);
    const rows = parseCsv(readFileSync((await download.path())!, 'utf8'));
    const header = rows[0]!;
    expect(header.slice(0, 5)).toEqual(['id', 'siteId', 'title', 'type', 'lead']);
    const records = rows.slice(1).filter((r) => r.length > 1);
    expect(records.map((r) => r[header.indexOf('id')]).sort()).toEqual(meetings.map((s) => s.id).sort());
    expect(new Set(records.map((r) => r[header.indexOf('type')]))).toEqual(new Set(['Meeting']));
    await page.getByText('Export ready').waitFor();
    await expect(page.getByText(`${meetings.length} interactions.`, { exact: false }).isVisible()).resolves.toBe(true);

    // a failed export says so, and nothing is downloaded
    await page.route('**/interactions/export?*', (route) =>
      route.fulfill({ status: 503, contentType: 'application/problem+json', json: { title: 'Service Unavailable', status: 503 } }),
    );
    let downloads = 0;
    page.on('download', () => downloads++);
    await page.getByRole('button', { name: 'Export CSV' }).click();
    await page.getByText('The export failed').waitFor();
    await expect(page.getByText('Nothing was downloaded; try again.', { exact: false }).isVisible()).resolves.toBe(true);
    expect(downloads).toBe(0);
    await context.close();
  });

  it('says what to do when nothing matches, and when nothing is there yet', async () => {
    const { context, page } = await openAs(demo.editor);
    await page.goto(finder(`q=${token}+zqxj&lead=Ada+Byron`));
    await page.getByRole('heading', { name: 'No interactions match' }).waitFor();
    await expect(status(page).textContent()).resolves.toBe('0 interactions');
    await expectAccessible(page, 'finder empty state');
    await screenshot(page, 'finder-empty');
    await page.getByRole('button', { name: 'Clear search and filters' }).click();
    await eventually(() => page.getByRole('searchbox', { name: 'Search interactions' }).inputValue()).toBe('');
    await eventually(() => new URL(page.url()).search).toBe('');

    // a link the server refuses (a type that does not exist) says why and offers a way out
    await page.goto(finder(`q=${token}&type=Seance`));
    const refused = page.getByRole('alert').filter({ hasText: 'This search could not be run' });
    await refused.waitFor();
    await expect(refused.textContent()).resolves.toContain('The type filter');
    await expectAccessible(page, 'finder with a refused search');
    await refused.getByRole('button', { name: 'Clear search and filters' }).click();
    await eventually(() => new URL(page.url()).search).toBe('');

    // a site with nothing recorded (answered here by a stub: the shared demo sites fill up as tests run)
    await page.route('**/api/v1/sites/*/interactions?*', (route) =>
      route.fulfill({ json: { items: [], size: 50, total: 0, totalExact: true, nextCursor: null } }),
    );
    await page.goto(finder());
    await page.getByRole('heading', { name: 'No interactions yet' }).waitFor();
    await page.getByRole('main').getByRole('link', { name: 'New interaction' }).nth(1).click();
    await page.waitForURL(`**/sites/${london}/interactions/new`);
    await context.close();
  });

  it('shows a viewer the site’s interactions without a New interaction button', async () => {
    const { context, page } = await openAs(demo.viewer);
    await page.goto(`/sites/${newYork}/interactions?q=${nyToken}`);
    await eventually(async () => (await titles(page)).sort()).toEqual([0, 1, 2].map((i) => `${nyToken} New York call ${i}`));
    await expect(page.getByRole('link', { name: 'New interaction' }).count()).resolves.toBe(0);
    await expect(page.getByRole('button', { name: 'New interaction' }).count()).resolves.toBe(0);
    await context.close();
  });

  it('stays usable on a phone', async () => {
    const { context, page } = await openAs(demo.editor, 'phone');
    await page.goto(finder(`q=${token}&sort=start,asc&size=25`));
    await eventually(() => status(page).textContent()).toBe('1–25 of 60 interactions');
    // the page itself never scrolls sideways; the table does, inside its own region
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    const region = page.getByRole('region', { name: /Interactions table/ });
    await region.evaluate((el) => el.scrollBy({ left: 400 }));
    expect(await region.evaluate((el) => el.scrollLeft)).toBeGreaterThan(0);
    // the title column stays in view while the others scroll past
    const box = await page.locator('table tbody tr td:first-child a').first().boundingBox();
    expect(box!.x).toBeGreaterThanOrEqual(0);
    expect(box!.x).toBeLessThan(100);
    await region.evaluate((el) => el.scrollTo({ left: 0 }));
    await expectAccessible(page, 'finder on a phone');
    await screenshot(page, 'finder-phone');
    await context.close();
  });
});
