// The directory of help places of the built sample site, in headless Chromium: the filters
// (postcode or town, service, spoken language, open now) narrow the list as the reader types
// or chooses, say how many places are left, and stay in the address; a link with the filters
// opens the list already filtered; "open now" follows the clock in each place's time zone;
// without JavaScript the whole list shows, grouped by town.
//
//   cd tests/browser && npm install && PARCOURS_SITE=/path/to/public npm test

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { servedSite } from './helpers.js';

const TIMEOUT = 60_000;
const PLACES = '/fr/places/';
// A Monday at 10:00 and a Sunday at 23:00 in Paris and Brussels (the same time in winter).
const MONDAY_10 = new Date('2025-01-06T10:00:00+01:00');
const SUNDAY_23 = new Date('2025-01-05T23:00:00+01:00');

describe('directory of help places', { timeout: TIMEOUT * 12 }, () => {
  const served = servedSite();

  /** Opens `path` in a new context (its own clock), failing on any script error. */
  async function open(path, { time, ...options } = {}) {
    const context = await served.browser.newContext({ viewport: { width: 1280, height: 900 }, ...options });
    const page = await context.newPage();
    const errors = [];
    page.on('pageerror', (error) => errors.push(error.message));
    if (time) await page.clock.setFixedTime(time);
    await page.goto(served.server.url + path, { waitUntil: 'load' });
    page.errors = errors;
    page.done = async () => {
      assert.deepEqual(errors, [], 'no script error');
      await context.close();
    };
    return page;
  }

  /** Every place of the page, as its data says, and whether it shows. */
  const places = (page) => page.$$eval('.place-card', (cards) => cards.map((card) => ({
    name: card.querySelector('h3').textContent.trim(),
    postcode: card.dataset.postcode,
    city: card.closest('.place-city').querySelector('h2').textContent.trim(),
    services: card.dataset.services.split(/\s+/),
    languages: card.dataset.languages.split(/\s+/),
    hours: JSON.parse(card.dataset.hours),
    status: card.querySelector('.place-status').hidden ? null : card.querySelector('.place-status').textContent,
    shown: card.checkVisibility(),
  })));

  const names = (list) => list.map((p) => p.name).sort();
  const shown = async (page) => names((await places(page)).filter((p) => p.shown));
  const towns = (page) => page.$$eval('.place-city', (all) => all.filter((s) => s.checkVisibility())
    .map((s) => s.querySelector('h2').textContent.trim()));

  /** What the count says for n places, in the page's own words. */
  const countText = (page, n) => page.$eval('#place-filters', (form, n) => {
    const text = n === 1 ? form.dataset.countOne : (n === 0 && form.dataset.countNone) || form.dataset.countMany;
    return text.replace('{n}', n);
  }, n);

  /** Waits until the count says n places (it waits for the reader to pause). */
  async function waitForCount(page, n) {
    const text = await countText(page, n);
    await page.waitForFunction((t) => document.getElementById('place-count').textContent === t, text);
  }

  test('with JavaScript the filters show, every place says whether it is open', { timeout: TIMEOUT }, async () => {
    const page = await open(PLACES);
    assert.equal(await page.isVisible('#place-filters'), true);
    const all = await places(page);
    assert.ok(all.length >= 10, `${all.length} places`);
    assert.ok(all.every((p) => p.shown), 'every place shows before any filter');
    await waitForCount(page, all.length);
    const { open: openText, closed } = await page.$eval('#place-filters', (f) => ({
      open: f.dataset.openUntil.split('{time}')[0], closed: f.dataset.closed,
    }));
    for (const p of all) {
      assert.ok(p.status === closed || /^.+\d\d:\d\d/.test(p.status) && p.status.startsWith(openText), `${p.name}: ${p.status}`);
    }
    assert.equal(await page.isVisible('#place-none'), false);
    await page.done();
  });

  test('choosing a service keeps the places offering it, says how many, and goes in the address', { timeout: TIMEOUT }, async () => {
    const page = await open(PLACES);
    const all = await places(page);
    const expected = names(all.filter((p) => p.services.includes('ateliers')));
    assert.ok(expected.length > 0 && expected.length < all.length);
    await page.selectOption('#place-service', 'ateliers');
    await waitForCount(page, expected.length);
    assert.deepEqual(await shown(page), expected);
    assert.equal(new URL(page.url()).search, '?service=ateliers');
    // Towns without a workshop are hidden altogether.
    const withWorkshops = new Set(all.filter((p) => p.services.includes('ateliers')).map((p) => p.city));
    assert.deepEqual(new Set(await towns(page)), withWorkshops);

    await page.selectOption('#place-service', '');
    await waitForCount(page, all.length);
    assert.equal(new URL(page.url()).search, '', 'an empty filter leaves the address');
    await page.done();
  });

  test('a postcode prefix keeps the places of that postcode area', { timeout: TIMEOUT }, async () => {
    const page = await open(PLACES);
    const all = await places(page);
    const lyon = all.filter((p) => p.postcode.startsWith('69'));
    assert.ok(lyon.length > 0);
    await page.fill('#place-where', '69');
    await waitForCount(page, lyon.length);
    assert.deepEqual(await shown(page), names(lyon));
    assert.deepEqual(await towns(page), ['Lyon']);
    assert.equal(new URL(page.url()).searchParams.get('where'), '69');
    await page.done();
  });

  test('a town is found without its accents or hyphens, and the count waits for a pause in typing', { timeout: TIMEOUT }, async () => {
    const page = await open(PLACES);
    const all = await places(page);
    await waitForCount(page, all.length);
    await page.$eval('#place-count', (count) => {
      window.countChanges = 0;
      new MutationObserver(() => window.countChanges++).observe(count, { childList: true, characterData: true, subtree: true });
    });
    const saintGilles = all.filter((p) => p.city === 'Saint-Gilles');
    assert.ok(saintGilles.length > 0);
    await page.locator('#place-where').pressSequentially('saint gilles', { delay: 40 });
    await waitForCount(page, saintGilles.length);
    assert.deepEqual(await shown(page), names(saintGilles));
    assert.deepEqual(await towns(page), ['Saint-Gilles']);
    assert.equal(await page.evaluate(() => window.countChanges), 1, 'the count is said once, not at every key');

    await page.fill('#place-where', 'LIEGE');
    await waitForCount(page, all.filter((p) => p.city === 'Liège').length);
    assert.deepEqual(await towns(page), ['Liège']);

    // Enter does not send the form: the page stays, with its filter.
    await page.evaluate(() => { window.stayed = true; });
    await page.press('#place-where', 'Enter');
    assert.equal(await page.evaluate(() => window.stayed), true);
    assert.equal(new URL(page.url()).search, '?where=LIEGE');
    await page.done();
  });

  test('the spoken language filter keeps the places where it is spoken', { timeout: TIMEOUT }, async () => {
    const page = await open(PLACES);
    const all = await places(page);
    const turkish = all.filter((p) => p.languages.includes('tr'));
    assert.ok(turkish.length > 0 && turkish.length < all.length);
    await page.selectOption('#place-language', 'tr');
    await waitForCount(page, turkish.length);
    assert.deepEqual(await shown(page), names(turkish));
    assert.equal(new URL(page.url()).search, '?language=tr');

    // Filters add up.
    const both = turkish.filter((p) => p.services.includes('demarches'));
    await page.selectOption('#place-service', 'demarches');
    await waitForCount(page, both.length);
    assert.deepEqual(await shown(page), names(both));
    const params = new URL(page.url()).searchParams;
    assert.equal(params.get('language'), 'tr');
    assert.equal(params.get('service'), 'demarches');
    await page.done();
  });

  test('a link with a filter opens the list already filtered', { timeout: TIMEOUT }, async () => {
    const page = await open(`${PLACES}?service=demarches`);
    assert.equal(await page.inputValue('#place-service'), 'demarches');
    const all = await places(page);
    const expected = all.filter((p) => p.services.includes('demarches'));
    assert.ok(expected.length > 0 && expected.length < all.length);
    await waitForCount(page, expected.length);
    assert.deepEqual(await shown(page), names(expected));
    await page.done();
  });

  test('"open now" keeps the places open at this moment in their time zone', { timeout: TIMEOUT }, async () => {
    const page = await open(PLACES, { time: MONDAY_10 });
    const all = await places(page);
    // Monday is day 0; 10:00 is minute 600.
    const openAt = (p) => p.hours.find(([day, opens, closes]) => day === 0 && opens <= 600 && 600 < closes);
    const openNow = all.filter(openAt);
    assert.ok(openNow.length > 0 && openNow.length < all.length, `${openNow.length} of ${all.length} open`);
    await page.check('#place-open');
    await waitForCount(page, openNow.length);
    assert.deepEqual(await shown(page), names(openNow));
    assert.equal(new URL(page.url()).search, '?open=1');
    const template = await page.$eval('#place-filters', (f) => f.dataset.openUntil);
    for (const p of (await places(page)).filter((q) => q.shown)) {
      const closes = openAt(p)[2];
      const until = `${String(Math.floor(closes / 60) % 24).padStart(2, '0')}:${String(closes % 60).padStart(2, '0')}`;
      assert.equal(p.status, template.replace('{time}', until), p.name);
    }
    await page.done();
  });

  test('"open now" late on a Sunday leaves none, and says so', { timeout: TIMEOUT }, async () => {
    const page = await open(`${PLACES}?open=1`, { time: SUNDAY_23 });
    assert.equal(await page.isChecked('#place-open'), true);
    await waitForCount(page, 0);
    assert.deepEqual(await shown(page), []);
    assert.deepEqual(await towns(page), []);
    assert.equal(await page.isVisible('#place-none'), true);
    const closed = await page.$eval('#place-filters', (f) => f.dataset.closed);
    assert.ok((await places(page)).every((p) => p.status === closed));
    await page.done();
  });

  test('without JavaScript every place shows, grouped by town, and the filters stay hidden', { timeout: TIMEOUT }, async () => {
    const page = await open(PLACES, { javaScriptEnabled: false });
    assert.equal(await page.isVisible('#place-filters'), false);
    const all = await places(page);
    assert.ok(all.length >= 10);
    assert.ok(all.every((p) => p.shown), 'every place shows');
    assert.ok(all.every((p) => p.status === null), 'no open or closed without the script');
    const heads = await towns(page);
    assert.equal(heads.length, new Set(all.map((p) => p.city)).size);
    assert.deepEqual(heads, [...heads].sort((a, b) => a.localeCompare(b, 'fr')), 'towns in alphabetical order');
    assert.equal(await page.isVisible('#place-none'), false);
    await page.done();
  });

  test('at 320 px the filters and places fit, with targets of 44 px', { timeout: TIMEOUT }, async () => {
    const page = await open(PLACES, { viewport: { width: 320, height: 800 } });
    assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= 320), 'no sideways scrolling');
    const small = await page.$$eval('#place-filters input[type=search], #place-filters select, #place-filters label[for=place-open], .place-card h3 a, .place-print a',
      (all) => all.map((e) => [e.id || e.textContent.trim().slice(0, 30), e.getBoundingClientRect().height]).filter(([, h]) => h < 44));
    assert.deepEqual(small, []);
    await page.done();
  });

  for (const lang of ['nl', 'en']) {
    test(`the ${lang} directory works the same way`, { timeout: TIMEOUT }, async () => {
      const page = await open(`/${lang}/places/?service=ateliers`);
      assert.equal(await page.isVisible('#place-filters'), true);
      const all = await places(page);
      const expected = all.filter((p) => p.services.includes('ateliers'));
      await waitForCount(page, expected.length);
      assert.deepEqual(await shown(page), names(expected));
      assert.ok(all.every((p) => p.status), 'every place says whether it is open');
      await page.done();
    });
  }
});
