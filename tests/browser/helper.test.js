// Helper notes on a course page of the built sample site, in headless Chromium: the
// `:::helper` box has its own frame and title, at 320 px and 1280 px, in light and dark
// mode, with enough contrast (axe-core); the helper sheet is linked with a large target;
// printing the page leaves the box out.
//
//   cd tests/browser && npm install && PARCOURS_SITE=/path/to/public npm test

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { servedSite, AXE_PATH, AXE_TAGS } from './helpers.js';

const TIMEOUT = 60_000;
const COURSE = '/fr/securite/mots-de-passe-solides/';

describe('helper notes', { timeout: TIMEOUT * 6 }, () => {
  const served = servedSite();

  for (const width of [320, 1280]) {
    for (const colorScheme of ['light', 'dark']) {
      test(`the helper box stands apart at ${width} px, ${colorScheme}`, { timeout: TIMEOUT }, async () => {
        const page = await served.browser.newPage({ viewport: { width, height: 900 }, colorScheme });
        await page.goto(served.server.url + COURSE);
        const box = page.locator('aside.callout-helper');
        assert.equal(await box.count(), 1);
        assert.equal(await box.getAttribute('aria-label'), "Pour l'aidant");
        assert.match(await box.locator('.callout-title').textContent(), /Pour l'aidant/);
        const style = await box.evaluate((el) => getComputedStyle(el).borderTopStyle);
        assert.equal(style, 'dashed');
        const link = page.locator('.print-helper a');
        assert.match(await link.getAttribute('href'), /mots-de-passe-solides-helper\.pdf$/);
        const height = await link.evaluate((el) => el.getBoundingClientRect().height);
        assert.ok(height >= 44, `the link is ${height} px high`);
        await page.addScriptTag({ path: AXE_PATH });
        const result = await page.evaluate(
          (tags) => window.axe.run('aside.callout-helper, .print-helper', { runOnly: { type: 'tag', values: tags } }),
          AXE_TAGS,
        );
        assert.deepEqual(result.violations.map((v) => v.id), []);
        await page.close();
      });
    }
  }

  test('printing the page leaves the helper notes out', { timeout: TIMEOUT }, async () => {
    const page = await served.browser.newPage();
    await page.goto(served.server.url + COURSE);
    await page.emulateMedia({ media: 'print' });
    assert.equal(await page.locator('aside.callout-helper').isVisible(), false);
    await page.close();
  });
});
