// The portable site (`parcours build --portable`) opened from its folder (file://) in headless
// Chromium, as from a USB stick: links lead to pages (never to a folder's listing), the
// search index loads without fetch, worksheets open, learning-path progress stays after a
// reload, the page reads itself aloud, and the scripts of every kind of page run without an
// error.
//
//   cd tests/browser && PARCOURS_PORTABLE_SITE=/path/to/portable-site npm test

import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { launchBrowser, PAGE_KINDS, stubSpeech } from './helpers.js';

const TIMEOUT = 60_000;

/** The portable site to test, from PARCOURS_PORTABLE_SITE: the tests fail without one. */
function portableSite() {
  const dir = process.env.PARCOURS_PORTABLE_SITE;
  if (!dir || !fs.existsSync(path.join(dir, 'index.html'))) {
    throw new Error('PARCOURS_PORTABLE_SITE must name a site built with `parcours build --portable`');
  }
  return path.resolve(dir);
}

describe('the portable site, opened from its folder', { timeout: TIMEOUT * 6 }, () => {
  let site;
  let browser;
  before(async () => {
    site = portableSite();
    browser = await launchBrowser();
  });
  after(async () => browser?.close());

  /** A page of the site by its address (`fr/glossary/`), as a file URL. */
  const fileUrl = (address) => pathToFileURL(path.join(site, address, address.endsWith('/') || !address ? 'index.html' : '')).href;

  /** A new page that records the errors of its scripts and the requests that failed. */
  async function open(context) {
    const page = await context.newPage();
    page.problems = [];
    page.on('pageerror', (error) => page.problems.push(error.message));
    page.on('console', (m) => m.type() === 'error' && page.problems.push(m.text()));
    page.on('requestfailed', (r) => page.problems.push(`${r.url()}: ${r.failure()?.errorText}`));
    return page;
  }

  test('from the home page to a section and a course, every link names a page', { timeout: TIMEOUT }, async () => {
    const context = await browser.newContext();
    const page = await open(context);
    await page.goto(pathToFileURL(path.join(site, 'index.html')).href);
    await page.getByRole('link', { name: /Français/ }).click();
    assert.equal(page.url(), fileUrl('fr/'));
    await page.locator('.main-nav').getByRole('link', { name: 'Sécurité' }).click();
    assert.equal(page.url(), fileUrl('fr/securite/'));
    await page.locator('main').getByRole('link', { name: 'Des mots de passe solides' }).first().click();
    assert.equal(page.url(), fileUrl('fr/securite/mots-de-passe-solides/'));
    assert.equal(await page.textContent('h1'), 'Des mots de passe solides');
    const links = await page.$$eval('a[href]', (as) => as.map((a) => a.href).filter((h) => h.startsWith('file:')));
    for (const link of links) {
      const file = fileURLToPath(link.split('#')[0]);
      assert.ok(fs.statSync(file).isFile(), `${link} is a file of the site`);
    }
    assert.deepEqual(page.problems, []);
    await context.close();
  });

  test('a search with a typo finds pages, in the box and on the search page', { timeout: TIMEOUT }, async () => {
    const context = await browser.newContext();
    const page = await open(context);
    await page.goto(fileUrl('fr/'));
    await page.fill('#search-box-q', 'mot de pase');
    const first = page.locator('.search-panel .search-result a').first();
    await first.waitFor();
    assert.match(await page.locator('.search-panel').textContent(), /mots de passe/i);
    await page.press('#search-box-q', 'Enter');
    await page.locator('.search-found .search-result').first().waitFor();
    assert.ok(page.url().startsWith(fileUrl('fr/search/')), page.url());
    const result = page.locator('.search-found .search-result a').first();
    const href = await result.getAttribute('href');
    assert.match(href, /index\.html$/);
    await result.click();
    assert.equal(await page.locator('h1').count(), 1);
    assert.ok(page.url().endsWith('/index.html'), page.url());
    assert.deepEqual(page.problems, []);
    await context.close();
  });

  test('a course opens its worksheet', { timeout: TIMEOUT }, async () => {
    const context = await browser.newContext();
    const page = await open(context);
    await page.goto(fileUrl('fr/securite/mots-de-passe-solides/'));
    // Opened from files, the browser shows the PDF in its viewer (`download` applies to the web).
    await page.locator('a[href$=".pdf"]').first().click();
    await page.waitForURL(/mots-de-passe-solides\.pdf$/);
    const bytes = fs.readFileSync(fileURLToPath(page.url()));
    assert.equal(bytes.subarray(0, 5).toString(), '%PDF-');
    await context.close();
  });

  test('a step ticked in a course stays ticked after a reload, and shows on its path', { timeout: TIMEOUT }, async () => {
    const context = await browser.newContext();
    const page = await open(context);
    await page.goto(fileUrl('fr/securite/mots-de-passe-solides/'));
    const button = page.locator('.path-nav', { hasText: 'Socle commun' }).getByRole('button', { name: "J'ai terminé ce cours" });
    await button.click();
    assert.equal(await button.getAttribute('aria-pressed'), 'true');
    await page.reload();
    assert.equal(await button.getAttribute('aria-pressed'), 'true');
    await page.goto(fileUrl('fr/parcours/socle-commun/'));
    assert.match(await page.textContent('.path-progress'), /Cours terminés : 1 sur 5/);
    assert.deepEqual(page.problems, []);
    await context.close();
  });

  test('the quiz, the self-diagnostic, the glossary and the directory work there', { timeout: TIMEOUT }, async () => {
    const context = await browser.newContext();
    const page = await open(context);
    await page.goto(fileUrl('fr/securite/mots-de-passe-solides/'));
    const question = page.locator('.quiz-question').first();
    await question.getByLabel('girafe-tulipe-bateau-arrose').check();
    await question.getByRole('button', { name: 'Vérifier ma réponse' }).click();
    assert.match(await question.locator('[role=status]').textContent(), /Bravo/);

    await page.goto(fileUrl('fr/parcours/autodiagnostic/'));
    await page.locator('.selftest-statements > li:not([hidden])').getByRole('button').first().click();
    assert.equal(await page.textContent('.selftest-progress'), 'Question 2 sur 15');

    await page.goto(fileUrl('fr/glossary/'));
    assert.ok(await page.locator('dt').count() > 5);

    await page.goto(fileUrl('fr/places/'));
    const shown = () => page.locator('.place-card:not([hidden])').count();
    const all = await shown();
    await page.selectOption('#place-service', 'ateliers');
    await page.waitForFunction((n) => document.querySelectorAll('.place-card:not([hidden])').length < n, all);
    assert.ok(page.url().endsWith('index.html?service=ateliers'), page.url());
    await page.reload();
    assert.equal(await page.inputValue('#place-service'), 'ateliers');
    assert.deepEqual(page.problems, []);
    await context.close();
  });

  test('a course is read aloud there too', { timeout: TIMEOUT }, async () => {
    const context = await browser.newContext();
    await context.addInitScript(stubSpeech, ['fr-FR']);
    const page = await open(context);
    await page.goto(fileUrl('fr/securite/mots-de-passe-solides/'));
    await page.getByRole('button', { name: 'Écouter' }).click();
    await page.evaluate(() => window.__speech.finish());
    const said = await page.evaluate(() => window.__speech.spoken.map((s) => s.text));
    assert.deepEqual(said.slice(0, 1), ['Des mots de passe solides']);
    assert.equal(said.length, 2);
    assert.deepEqual(page.problems, []);
    await context.close();
  });

  test('every kind of page opens without an error, and has no service worker', { timeout: TIMEOUT }, async () => {
    const context = await browser.newContext();
    for (const kind of PAGE_KINDS.filter((k) => !k.status)) {
      const page = await open(context);
      const [address, query] = kind.path.slice(1).split('?');
      await page.goto(fileUrl(address) + (query ? `?${query}` : ''));
      if (kind.ready) await page.locator(kind.ready).first().waitFor();
      assert.deepEqual(page.problems, [], kind.kind);
      assert.equal(await page.locator('script:not([src])', { hasText: 'serviceWorker' }).count(), 0);
      await page.close();
    }
    assert.ok(!fs.existsSync(path.join(site, 'sw.js')));
    await context.close();
  });
});
