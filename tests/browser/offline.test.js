// Offline reading of a built parcours site whose site.yaml says `offline: true`: after a
// visit, the pages and worksheets the reader opened keep working without a connection, and
// a page never opened says so in the reader's language.
//
//   cd tests/browser && npm install && PARCOURS_SITE=/path/to/public npm test

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { servedSite } from './helpers.js';

const TIMEOUT = 60_000;
const COURSE = '/fr/securite/mots-de-passe-solides/';
const WORKSHEET = `${COURSE}mots-de-passe-solides.pdf`;

describe('offline reading', { timeout: TIMEOUT * 4 }, () => {
  const served = servedSite(({ site }) => {
    assert.ok(fs.existsSync(path.join(site, 'sw.js')), 'the sample site has `offline: true`, so sw.js exists');
  });

  test('pages and worksheets opened once stay readable without a connection', { timeout: TIMEOUT }, async () => {
    const context = await served.browser.newContext();
    const page = await context.newPage();
    await page.goto(served.server.url + COURSE);
    await page.evaluate(() => navigator.serviceWorker.ready);
    // The first visit installs the worker; from the next one, it answers.
    await page.reload();
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
    const pdf = await page.evaluate(async (url) => (await fetch(url)).status, WORKSHEET);
    assert.equal(pdf, 200);

    await context.setOffline(true);
    served.server.setOffline(true);
    await page.goto(served.server.url + COURSE);
    assert.equal(await page.textContent('h1'), 'Des mots de passe solides');
    const offlinePdf = await page.evaluate(async (url) => {
      const response = await fetch(url);
      return [response.status, response.headers.get('content-type'), (await response.arrayBuffer()).byteLength];
    }, WORKSHEET);
    assert.equal(offlinePdf[0], 200);
    assert.match(offlinePdf[1], /pdf/);
    assert.ok(offlinePdf[2] > 1000);

    // A page never opened: the worker's own page, in the language of the address.
    await page.goto(served.server.url + '/nl/communiquer/');
    assert.equal(await page.getAttribute('html', 'lang'), 'nl');
    assert.equal(await page.textContent('h1'), 'Geen verbinding');
    // The home pages were kept at installation.
    await page.goto(served.server.url + '/en/');
    assert.notEqual(await page.textContent('h1'), 'No connection');
    served.server.setOffline(false);
    await context.close();
  });
});
