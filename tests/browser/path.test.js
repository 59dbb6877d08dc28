// Learning paths of the built sample site, in headless Chromium: a course marked as finished
// shows as done on its path's page, the progress stays in this browser after a reload, and
// nothing of it is sent anywhere (localStorage only).
//
//   cd tests/browser && npm install && PARCOURS_SITE=/path/to/public npm test

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { servedSite } from './helpers.js';

const COURSE = '/fr/securite/mots-de-passe-solides/';
const PATH = '/fr/parcours/socle-commun/';
const served = servedSite();

test('finished courses show on the path page, and stay after a reload', { timeout: 60_000 }, async () => {
  const context = await served.browser.newContext();
  const page = await context.newPage();
  const posts = [];
  page.on('request', (request) => request.method() !== 'GET' && posts.push(request.url()));
  await page.goto(served.server.url + PATH);
  assert.match(await page.textContent('.path-progress'), /Cours terminés : 0 sur 5/);

  await page.goto(served.server.url + COURSE);
  const nav = page.locator('.path-nav', { hasText: 'Socle commun' });
  assert.match(await nav.textContent(), /étape 3 sur 5/);
  const button = nav.getByRole('button', { name: "J'ai terminé ce cours" });
  assert.equal(await button.getAttribute('aria-pressed'), 'false');
  await button.click();
  assert.equal(await button.getAttribute('aria-pressed'), 'true');
  await nav.locator('a[rel=next]').click();
  await page.waitForURL(/reperer-l-hameconnage/);

  await page.goto(served.server.url + PATH);
  await page.reload();
  assert.match(await page.textContent('.path-progress'), /Cours terminés : 1 sur 5/);
  const done = page.locator('.path-steps > li.is-done');
  assert.equal(await done.count(), 1);
  assert.match(await done.textContent(), /Des mots de passe solides/);
  assert.deepEqual(posts, [], 'nothing is sent');
  await context.close();
});
