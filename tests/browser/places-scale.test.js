// A directory of many places (the sample site with places of the national standard made by
// bench/gen_places.py), in headless Chromium: without JavaScript, links lead from the first
// page through the areas down to pages of at most 100 places; a postcode or a town typed
// loads only small files of the index and shows the places, or the towns to choose from; a
// service chosen keeps the areas that offer it and carries the filter in their links. The same
// directory built portable finds a postcode or a town on file://.
//
//   PARCOURS_PLACES_SITE=/path/to/built/site PARCOURS_PLACES_PORTABLE_SITE=/path/to/portable/site
//   npm test   (scripts/test.sh builds both)

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { launchBrowser, startServer } from './helpers.js';

const TIMEOUT = 60_000;
const PLACES = '/fr/places/';
const site = process.env.PARCOURS_PLACES_SITE;

/** A town of the index of the directory built in `root` with places at one postcode only. */
function townWithOnePostcode(root) {
  const index = JSON.parse(fs.readFileSync(path.join(root, 'places/index.json'), 'utf8'));
  for (const key of index.keys.filter((k) => /^\d\d$/.test(k))) {
    const towns = JSON.parse(fs.readFileSync(path.join(root, `places/where/${key}.json`), 'utf8'));
    const town = towns.find(([, postcodes, count]) => postcodes.length === 1 && count >= 2);
    if (town) return { name: town[0], postcode: town[1][0], count: town[2] };
  }
  throw new Error('no town with one postcode and two places');
}

describe('a directory of many places', { skip: !site && 'PARCOURS_PLACES_SITE is not set', timeout: TIMEOUT * 6 }, () => {
  let server;
  let browser;

  /** Opens `path` in a new context, counting the bytes of the index it loads. */
  async function open(urlPath, options = {}) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, ...options });
    const page = await context.newPage();
    const errors = [];
    page.loaded = [];
    page.on('pageerror', (error) => errors.push(error.message));
    page.on('response', async (response) => {
      if (/\/places\/.*\.json$/.test(new URL(response.url()).pathname)) {
        page.loaded.push({ url: response.url(), bytes: (await response.body()).length });
      }
    });
    await page.goto(server.url + urlPath, { waitUntil: 'load' });
    page.done = async () => {
      assert.deepEqual(errors, [], 'no script error');
      await context.close();
    };
    return page;
  }

  before(async () => {
    server = await startServer(site);
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close().catch(() => {});
    await server?.close();
  });

  test('without JavaScript, links lead from the first page down to pages of places', { timeout: TIMEOUT * 2 }, async () => {
    const page = await open(PLACES, { javaScriptEnabled: false });
    assert.equal(await page.locator('.place-card').count(), 0, 'the first page lists areas');
    let steps = 0;
    while ((await page.locator('.place-card').count()) === 0) {
      const areas = page.locator('#place-listing .place-areas a');
      assert.ok((await areas.count()) > 0, `${page.url()} lists areas or places`);
      await Promise.all([page.waitForNavigation(), areas.first().click()]);
      steps += 1;
      assert.ok(steps < 8, 'a page of places within a few links');
    }
    const cards = await page.locator('.place-card').count();
    assert.ok(cards > 0 && cards <= 100, `${cards} places on ${page.url()}`);
    assert.equal(await page.isVisible('#place-filters'), false);
    await page.done();
  });

  test('a postcode typed shows its places, from a few small files', { timeout: TIMEOUT }, async () => {
    const town = townWithOnePostcode(site);
    const page = await open(PLACES);
    await page.fill('#place-where', town.postcode);
    await page.waitForSelector('#place-found .place-card');
    const addresses = await page.$$eval('#place-found .place-card .place-address', (all) => all.map((a) => a.textContent));
    assert.ok(addresses.length >= town.count, `${addresses.length} places at ${town.postcode}`);
    assert.ok(addresses.every((a) => a.includes(town.postcode)), addresses.join('\n'));
    const first = page.locator('#place-found .place-card a').first();
    assert.equal((await page.request.get(new URL(await first.getAttribute('href'), page.url()).href)).status(), 200);
    const bytes = page.loaded.reduce((sum, file) => sum + file.bytes, 0);
    assert.ok(page.loaded.length <= 6, `${page.loaded.length} files`);
    assert.ok(bytes < 200_000, `${bytes} bytes of index (before compression)`);
    await page.done();
  });

  test('a town typed that many towns share lists the towns to choose from', { timeout: TIMEOUT }, async () => {
    const page = await open(PLACES);
    await page.fill('#place-where', 'sa');
    await page.waitForSelector('#place-found .place-areas a');
    const links = await page.$$eval('#place-found .place-areas a', (all) => all.map((a) => a.href));
    assert.ok(links.length > 4, `${links.length} towns`);
    for (const link of links.slice(0, 3)) {
      assert.equal((await page.request.get(link)).status(), 200, link);
    }
    assert.match(await page.textContent('#place-count'), /\d/);
    await page.done();
  });

  test('a service chosen keeps the areas that offer it and goes along their links', { timeout: TIMEOUT }, async () => {
    const page = await open(`${PLACES}?service=parentalite`);
    const areas = await page.$$eval('#place-listing .place-areas > li', (all) => all.map((li) => ({
      hidden: li.hidden, services: li.dataset.services, href: li.querySelector('a').getAttribute('href'),
    })));
    assert.ok(areas.some((a) => !a.hidden), 'some area offers it');
    for (const area of areas) {
      assert.equal(area.hidden, !/(^| )parentalite:/.test(area.services), area.href);
      if (!area.hidden) assert.match(area.href, /\?service=parentalite$/);
    }
    const shown = page.locator('#place-listing .place-areas > li:not([hidden]) a').first();
    await Promise.all([page.waitForNavigation(), shown.click()]);
    assert.equal(await page.inputValue('#place-service'), 'parentalite');
    await page.done();
  });
});

// The same directory built with --portable and opened from its folder (file://), where the
// browser refuses fetch: the filters read the index through the data files' script twins.
const portable = process.env.PARCOURS_PLACES_PORTABLE_SITE;

describe('a directory of many places, portable, opened from its folder', { skip: !portable && 'PARCOURS_PLACES_PORTABLE_SITE is not set', timeout: TIMEOUT * 3 }, () => {
  let browser;
  before(async () => { browser = await launchBrowser(); });
  after(async () => browser?.close().catch(() => {}));

  /** The directory's first page on file://, recording script errors and every request. */
  async function open() {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const problems = [];
    page.requested = [];
    page.on('pageerror', (error) => problems.push(error.message));
    page.on('requestfailed', (r) => problems.push(`${r.url()}: ${r.failure()?.errorText}`));
    page.on('request', (r) => page.requested.push(r.url()));
    await page.goto(pathToFileURL(path.join(portable, 'fr/places/index.html')).href);
    page.done = async () => {
      assert.deepEqual(problems, [], 'no script error, no failed load');
      await context.close();
    };
    return page;
  }

  /** Whether a link of the page leads to a file of the site (its query and anchor left out). */
  const isFile = (href) => fs.statSync(fileURLToPath(href.split(/[?#]/)[0])).isFile();

  test('a postcode typed shows its places, read from the index\'s scripts', { timeout: TIMEOUT }, async () => {
    const town = townWithOnePostcode(portable);
    const page = await open();
    await page.fill('#place-where', town.postcode);
    await page.waitForSelector('#place-found .place-card');
    const addresses = await page.$$eval('#place-found .place-card .place-address', (all) => all.map((a) => a.textContent));
    assert.ok(addresses.length >= town.count, `${addresses.length} places at ${town.postcode}`);
    assert.ok(addresses.every((a) => a.includes(town.postcode)), addresses.join('\n'));
    const links = await page.$$eval('#place-found .place-card h3 a', (all) => all.map((a) => a.href));
    assert.ok(links.every((href) => href.endsWith('/index.html') && isFile(href)), links.join('\n'));
    const data = page.requested.filter((url) => url.includes('/places/') && /\.json(\.js)?$/.test(url));
    assert.ok(data.length > 0 && data.every((url) => url.endsWith('.json.js')), data.join('\n'));
    await page.done();
  });

  test('a town typed that many towns share links to their pages', { timeout: TIMEOUT }, async () => {
    const page = await open();
    await page.fill('#place-where', 'sa');
    await page.waitForSelector('#place-found .place-areas a');
    const links = await page.$$eval('#place-found .place-areas a', (all) => all.map((a) => a.href));
    assert.ok(links.length > 4, `${links.length} towns`);
    assert.ok(links.every((href) => /\/index\.html(#|$)/.test(href) && isFile(href)), links.slice(0, 5).join('\n'));
    const [, anchor] = links[0].split('#');
    await Promise.all([page.waitForNavigation(), page.locator('#place-found .place-areas a').first().click()]);
    if (anchor) assert.equal(await page.locator(`[id="${anchor}"]`).count(), 1, anchor);
    assert.ok((await page.locator('#place-listing .place-card').count()) > 0, page.url());
    await page.done();
  });
});
