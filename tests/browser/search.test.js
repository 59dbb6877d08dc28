// The search of a built parcours site, in headless Chromium: results as you type in the
// header box, typos and missing accents forgiven, synonyms, filters that narrow the results,
// a search page that opens from a shareable address, and the keyboard.
//
//   cd tests/browser && npm install && PARCOURS_SITE=/path/to/public npm test

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { servedSite } from './helpers.js';

const TIMEOUT = 60_000;
const PASSWORDS = { fr: 'Des mots de passe solides', nl: 'Sterke wachtwoorden', en: 'Strong passwords' };

describe('search', { timeout: TIMEOUT * 10 }, () => {
  let context;
  const served = servedSite(async ({ browser }) => {
    context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  });

  /** Opens `path`, failing on any script error. */
  async function open(path) {
    const page = await context.newPage();
    const errors = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(served.server.url + path, { waitUntil: 'load' });
    page.errors = errors;
    return page;
  }

  /** Types `query` in the header box and returns the titles shown under it. */
  async function typeInBox(page, query) {
    await page.fill('#search-box-q', '');
    await page.type('#search-box-q', query, { delay: 10 });
    await page.waitForFunction(
      (q) => document.querySelector('.search-panel .search-status')?.textContent.includes(q),
      query,
    );
    return titles(page);
  }

  const titles = (page) =>
    page.$$eval('.search-results .search-title', (items) => items.map((e) => e.textContent.trim()));

  const count = (page) =>
    page.$eval('.search-status', (e) => Number((e.textContent.match(/\d+/) || ['0'])[0]));

  /** The text of the built page at `href`, a result's address: what it shows and the text
   * alternatives of its images, as the index reads them. */
  const pageText = (href) => {
    const file = path.join(served.site, decodeURI(new URL(href).pathname), 'index.html');
    return fs.readFileSync(file, 'utf8').replace(/<img[^>]*\salt="([^"]*)"[^>]*>/g, ' $1 ')
      .replace(/<[^>]+>/g, ' ').replace(/&nbsp;|\s+/g, ' ');
  };

  /** Opens the search page at `query` and returns its results' titles and addresses. */
  async function results(page, query) {
    await page.goto(`${served.server.url}/fr/search/?q=${encodeURIComponent(query)}`);
    await page.waitForFunction((q) => document.querySelector('.search-status')?.textContent.includes(q), query);
    return page.$$eval('.search-result .search-title a', (links) => links.map((a) => ({ title: a.textContent, href: a.href })));
  }

  for (const [lang, query] of [['fr', 'mot de pase'], ['nl', 'wachtwoort'], ['en', 'pasword']]) {
    test(`a misspelt query finds the password course first (${lang}: "${query}")`, { timeout: TIMEOUT }, async () => {
      const page = await open(`/${lang}/`);
      const found = await typeInBox(page, query);
      assert.equal(found[0], PASSWORDS[lang], `results: ${found.join(' | ')}`);
      assert.deepEqual(page.errors, []);
      await page.close();
    });
  }

  test('words without their accents are found, and the found words are marked', { timeout: TIMEOUT }, async () => {
    const page = await open('/fr/securite/');
    const found = await typeInBox(page, 'demarches administratives');
    assert.equal(found[0], 'Faire ses démarches administratives en ligne');
    const marked = await page.$$eval('.search-panel mark', (marks) => marks.map((m) => m.textContent.toLowerCase()));
    assert.ok(marked.some((m) => m.startsWith('démarche')), `marked: ${marked}`);
    await page.close();
  });

  test('a synonym finds pages that use the other word', { timeout: TIMEOUT }, async () => {
    const page = await open('/fr/');
    const found = await typeInBox(page, 'courriel');
    assert.ok(found.includes('Créer une adresse mail'), `results: ${found.join(' | ')}`);
    await page.close();
  });

  test('the search page opens from its address and shows the results', { timeout: TIMEOUT }, async () => {
    const page = await open('/en/search/?q=strong+pasword');
    await page.waitForSelector('.search-result');
    assert.equal(await page.inputValue('#search-q'), 'strong pasword');
    assert.equal((await titles(page))[0], PASSWORDS.en);
    assert.deepEqual(page.errors, []);
    await page.close();
  });

  test('a filter narrows the results, and the address keeps it', { timeout: TIMEOUT }, async () => {
    const page = await open('/fr/search/?q=arnaque');
    await page.waitForSelector('.search-result');
    const before = await count(page);
    const all = await titles(page);
    const narrow = async (select, value, than) => {
      await page.selectOption(select, value);
      await page.waitForFunction((n) => {
        const m = document.querySelector('.search-status').textContent.match(/\d+/);
        return m && Number(m[0]) < n;
      }, than);
      return titles(page);
    };
    const workshops = await narrow('#search-format', 'atelier', before);
    assert.ok(workshops.length > 0 && workshops.length < all.length, `${workshops.length} of ${all.length}`);
    assert.ok(workshops.every((t) => all.includes(t)), 'a filter only removes results');
    const both = await narrow('#search-competence', '4.1', workshops.length);
    assert.ok(both.length > 0 && both.every((t) => workshops.includes(t)), 'filters add up');
    assert.match(page.url(), /[?&]format=atelier/);
    assert.match(page.url(), /[?&]competence=4\.1/);
    assert.match(page.url(), /[?&]q=arnaque/);
    await page.close();
  });

  test('more results come ten at a time, and the first new one takes the focus', { timeout: TIMEOUT }, async () => {
    const page = await open('/fr/search/?q=internet');
    await page.waitForSelector('.search-result');
    const total = await count(page);
    assert.ok(total > 10, `${total} results`);
    let shown = await page.$$eval('.search-result', (r) => r.length);
    assert.equal(shown, 10);
    while (shown < total) {
      await page.click('.search-more');
      const expected = Math.min(total, shown + 10);
      await page.waitForFunction((n) => document.querySelectorAll('.search-result').length === n, expected);
      const focused = await page.evaluate(() => [...document.querySelectorAll('.search-result')].indexOf(document.activeElement.closest('.search-result')));
      assert.equal(focused, shown);
      shown = expected;
    }
    assert.equal(await page.$('.search-more'), null, 'no more button once all are shown');
    await page.close();
  });

  test('typing keeps the query in the address of the search page', { timeout: TIMEOUT }, async () => {
    const page = await open('/nl/search/');
    await page.type('#search-q', 'phishing', { delay: 10 });
    await page.waitForSelector('.search-result');
    assert.match(page.url(), /\?q=phishing$/);
    await page.close();
  });

  test('the keyboard moves from the box to the results and back, Escape closes them', { timeout: TIMEOUT }, async () => {
    const page = await open('/fr/');
    await typeInBox(page, 'photos');
    await page.keyboard.press('ArrowDown');
    const focused = await page.evaluate(() => document.activeElement.closest('.search-result') !== null);
    assert.ok(focused, 'ArrowDown focuses the first result');
    await page.keyboard.press('ArrowUp');
    assert.equal(await page.evaluate(() => document.activeElement.id), 'search-box-q');
    await page.keyboard.press('Escape');
    assert.equal(await page.inputValue('#search-box-q'), '');
    assert.equal(await page.$$eval('.search-result', (r) => r.length), 0);
    await page.close();
  });

  test('the box leads to the search page with the query', { timeout: TIMEOUT }, async () => {
    const page = await open('/fr/');
    await page.fill('#search-box-q', 'mot de passe');
    await Promise.all([page.waitForURL(/\/fr\/search\/\?q=mot\+de\+passe/), page.press('#search-box-q', 'Enter')]);
    await page.waitForSelector('.search-result');
    assert.equal((await titles(page))[0], PASSWORDS.fr);
    await page.close();
  });

  test('pages where the words of "mot de pase" stand together come first, each with "passe"', { timeout: TIMEOUT }, async () => {
    const page = await open('/fr/');
    const found = await results(page, 'mot de pase');
    assert.ok(found.length >= 3, `${found.length} results`);
    for (const { title, href } of found.slice(0, 3)) {
      assert.match(pageText(href), /\bmots? de passe\b/i, `${title} has "mot de passe"`);
    }
    await page.close();
  });

  test('a typo is forgiven only when no word closer to the query is found', { timeout: TIMEOUT }, async () => {
    // "libre" is one letter from "livre", and many pages have it without "livre": "lixre",
    // one letter from both, finds them.
    const page = await open('/fr/');
    const withTypo = await results(page, 'lixre');
    assert.ok(withTypo.some(({ href }) => !/\blivr/i.test(pageText(href))), 'a typo finds "libre" too');
    const exact = await results(page, 'livre');
    assert.ok(exact.length > 0);
    for (const { title, href } of exact) assert.match(pageText(href), /\blivr/i, `${title} has "livre"`);
    await page.close();
  });

  test('help places are found, and their result says it is a place and where', { timeout: TIMEOUT }, async () => {
    const page = await open('/fr/');
    const found = await results(page, 'médiathèque lyon');
    assert.equal(found[0].title, 'Médiathèque des Trois-Horloges (exemple)');
    const first = await page.$$eval('.search-result:first-child p', (ps) => ps.map((p) => p.textContent));
    assert.ok(first.includes("Lieu d'aide au numérique"), first.join(' | '));
    assert.ok(first.includes('27 avenue des Trois-Horloges, 69008 Lyon'), first.join(' | '));
    assert.match(found[0].href, /\/fr\/places\/[^/]+\/$/);
    await page.close();
  });

  test('the index opens without DecompressionStream, and when the host opened it already', { timeout: TIMEOUT }, async () => {
    const scripts = (page) => {
      const seen = [];
      page.on('request', (request) => seen.push(new URL(request.url()).pathname));
      return seen;
    };
    const modern = await open('/fr/');
    const modernSeen = scripts(modern);
    const expected = (await results(modern, 'mot de pase')).map((r) => r.title);
    assert.ok(!modernSeen.includes('/inflate.js'), 'a browser with DecompressionStream needs no inflate.js');
    const old = await context.browser().newContext();
    await old.addInitScript(() => { delete window.DecompressionStream; });
    const withoutStream = await old.newPage();
    const oldSeen = scripts(withoutStream);
    await withoutStream.goto(`${served.server.url}/fr/`);
    assert.equal(await withoutStream.evaluate(() => typeof DecompressionStream), 'undefined');
    assert.deepEqual((await results(withoutStream, 'mot de pase')).map((r) => r.title), expected);
    assert.equal(oldSeen.filter((p) => p === '/inflate.js').length, 1, 'inflate.js is loaded once, when needed');
    await old.close();
    const opened = await context.newPage();
    await opened.route('**/search/fr/**/*.gz', async (route) => {
      const response = await route.fetch();
      await route.fulfill({ response, body: zlib.gunzipSync(await response.body()) });
    });
    assert.deepEqual((await results(opened, 'mot de pase')).map((r) => r.title), expected);
    await opened.close();
  });

  test('search works under any base URL', { timeout: TIMEOUT }, async () => {
    // The site as a partner publishes it under /partner/ (no service worker, which would
    // answer before the route).
    const partner = await context.browser().newContext({ serviceWorkers: 'block' });
    await partner.route('**/partner/**', (route) => route.continue({ url: route.request().url().replace('/partner/', '/') }));
    const page = await partner.newPage();
    await page.goto(`${served.server.url}/partner/fr/`);
    const found = await typeInBox(page, 'mot de pase');
    assert.equal(found[0], PASSWORDS.fr);
    const href = await page.$eval('.search-results a', (a) => a.href);
    assert.match(href, /\/partner\/fr\/securite\/mots-de-passe-solides\/$/);
    await partner.close();
  });
});
