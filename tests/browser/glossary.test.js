// Glossary words in a course of the built sample site, in headless Chromium: the definition
// shows beside the word on focus, within the screen at 320 px, and describes the link for
// screen readers; the link leads to the glossary page.
//
//   cd tests/browser && npm install && PARCOURS_SITE=/path/to/public npm test

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { servedSite } from './helpers.js';

const served = servedSite();

test('a glossary word shows its definition on focus and leads to the glossary', { timeout: 60_000 }, async () => {
  const page = await served.browser.newPage({ viewport: { width: 320, height: 800 } });
  await page.goto(`${served.server.url}/fr/securite/mots-de-passe-solides/`);
  const link = page.locator('.term a').first();
  const tip = page.locator('.term-tip').first();
  assert.equal(await tip.isVisible(), false);
  await link.focus();
  assert.equal(await tip.isVisible(), true);
  const box = await tip.boundingBox();
  assert.ok(box.x >= 0 && box.x + box.width <= 320, `the definition stays on screen: ${JSON.stringify(box)}`);
  await page.keyboard.press('Escape');
  assert.equal(await tip.isVisible(), false, 'Escape hides the definition');
  await page.locator('h1').hover();
  await link.hover();
  assert.equal(await tip.isVisible(), true, 'it shows again on the next hover');
  const description = await link.evaluate((a) => document.getElementById(a.getAttribute('aria-describedby')).textContent);
  assert.equal(description, await tip.textContent());
  await link.click();
  await page.waitForURL(/\/fr\/glossary\/#/);
  assert.equal(await page.textContent('h1'), 'Les mots du numérique');
  await page.close();
});
