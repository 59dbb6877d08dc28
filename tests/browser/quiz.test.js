// Quizzes in a course of the built sample site, in headless Chromium: the reader ticks an
// answer, checks it, and is told in words (a live region) whether it is right; the answer
// opens. Without JavaScript the answer is in a <details>.
//
//   cd tests/browser && npm install && PARCOURS_SITE=/path/to/public npm test

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { servedSite } from './helpers.js';

const TIMEOUT = 60_000;
const COURSE = '/fr/securite/mots-de-passe-solides/';

describe('quizzes', { timeout: TIMEOUT * 4 }, () => {
  const served = servedSite();

  test('checking an answer says whether it is right and opens the explanation', { timeout: TIMEOUT }, async () => {
    const page = await served.browser.newPage();
    await page.goto(served.server.url + COURSE);
    const first = page.locator('.quiz-question').first();
    await first.getByLabel('123456789').check();
    await first.getByRole('button', { name: 'Vérifier ma réponse' }).click();
    assert.match(await first.locator('[role=status]').textContent(), /Pas tout à fait/);
    assert.equal(await first.locator('details').evaluate((d) => d.open), true);
    assert.equal(await first.locator('li.is-wrong').count(), 1);

    await first.getByLabel('girafe-tulipe-bateau-arrose').check();
    await first.getByRole('button', { name: 'Vérifier ma réponse' }).click();
    assert.match(await first.locator('[role=status]').textContent(), /Bravo/);

    // Several right answers: all of them must be ticked.
    const second = page.locator('.quiz-question').nth(1);
    assert.equal(await second.locator('input[type=checkbox]').count(), 3);
    await second.getByLabel('Celui de la messagerie').check();
    await second.getByRole('button', { name: 'Vérifier ma réponse' }).click();
    assert.match(await second.locator('[role=status]').textContent(), /Pas tout à fait/);
    await second.getByLabel('Celui de la banque').check();
    await second.getByRole('button', { name: 'Vérifier ma réponse' }).click();
    assert.match(await second.locator('[role=status]').textContent(), /Bravo/);
    await page.close();
  });

  test('without JavaScript, the answer opens by itself', { timeout: TIMEOUT }, async () => {
    const context = await served.browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(served.server.url + COURSE);
    assert.equal(await page.locator('.quiz-check').count(), 0);
    const details = page.locator('.quiz-answer').first();
    await details.locator('summary').click();
    assert.match(await details.textContent(), /girafe-tulipe-bateau-arrose/);
    await context.close();
  });
});
