// The self-diagnostic of the built sample site, in headless Chromium: one statement at a
// time, a level per DigComp area at the end, and the courses and paths to follow for what
// is not yet mastered; nothing is sent anywhere.
//
//   cd tests/browser && npm install && PARCOURS_SITE=/path/to/public npm test

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { servedSite } from './helpers.js';

const served = servedSite();

test('the self-diagnostic asks one statement at a time and recommends courses and paths', { timeout: 60_000 }, async () => {
  const page = await served.browser.newPage({ viewport: { width: 320, height: 800 } });
  const sent = [];
  page.on('request', (request) => request.method() !== 'GET' && sent.push(request.url()));
  await page.goto(`${served.server.url}/en/parcours/autodiagnostic/`);
  const shown = page.locator('.selftest-statements > li:not([hidden])');
  assert.equal(await shown.count(), 1, 'one statement at a time');
  assert.equal(await page.textContent('.selftest-progress'), 'Question 1 of 15');
  // Everything alone, except the statements about protection and safety (area 4).
  for (let n = 0; n < 15; n++) {
    const legend = await shown.locator('legend').textContent();
    const safety = /password|fake message|social network|breaks/.test(legend);
    await shown.getByRole('button', { name: safety ? 'Not yet' : 'Yes, I can do it alone' }).click();
    if (n === 1) {
      await page.getByRole('button', { name: 'Previous question' }).click();
      assert.equal(await page.textContent('.selftest-progress'), 'Question 2 of 15');
      await shown.getByRole('button', { name: 'Yes, I can do it alone' }).click();
    }
  }
  const result = page.locator('.selftest-result');
  await result.waitFor();
  const areas = await result.locator('.selftest-areas > div').allInnerTexts();
  assert.match(areas[0], /^1\. .*\s+Foundation 2$/);
  assert.match(areas[3], /To discover/);
  const links = await result.locator('a').allInnerTexts();
  assert.ok(links.includes('Strong passwords'), `recommended: ${links}`);
  assert.ok(links.some((l) => l.startsWith('Common core')), 'a learning path is recommended');
  assert.deepEqual(sent, []);
  await page.getByRole('button', { name: 'Start again' }).click();
  assert.equal(await page.textContent('.selftest-progress'), 'Question 1 of 15');
  await page.close();
});

test('without JavaScript the self-diagnostic is a questionnaire to fill in', { timeout: 60_000 }, async () => {
  const context = await served.browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(`${served.server.url}/nl/parcours/autodiagnostic/`);
  assert.equal(await page.locator('.selftest-statement').count(), 15);
  assert.equal(await page.locator('.selftest-statement input[type=radio]').count(), 45);
  await context.close();
});
