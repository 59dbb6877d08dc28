// The search of a built parcours site, in headless Chromium: results as you type in the
// header box, typos and missing accents forgiven, synonyms, filters that narrow the results,
// a search page that opens from a shareable address, and the keyboard.
//
//   cd tests/browser && npm install && PARCOURS_SITE=/path/to/public npm test

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
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
    assert.equal(await page.$$eval('.search-result', (r) => r.length), 10);
    await page.click('.search-more');
    await page.waitForFunction((n) => document.querySelectorAll('.search-result').length === n, total);
    const focused = await page.evaluate(() => [...document.querySelectorAll('.search-result')].indexOf(document.activeElement.closest('.search-result')));
    assert.equal(focused, 10);
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
});
