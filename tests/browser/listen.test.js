// Read aloud, in headless Chromium with a stubbed speech synthesis (the test plays the
// voice: it records each utterance and ends it when told): the "Listen" button shows only
// when a voice speaks the page's language, reads the main text sentence by sentence in that
// language with the sentence highlighted, pauses, resumes, reads slower, stops (Escape too),
// and reads a quiz's questions and choices but never its answers.
//
//   cd tests/browser && npm install && PARCOURS_SITE=/path/to/public npm test

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { servedSite, stubSpeech } from './helpers.js';

const TIMEOUT = 60_000;
const COURSE = '/fr/securite/mots-de-passe-solides/';

describe('read aloud', { timeout: TIMEOUT * 5 }, () => {
  const served = servedSite();

  async function open(path, voices = ['fr-FR', 'en-GB']) {
    const page = await served.browser.newPage();
    await page.addInitScript(stubSpeech, voices);
    await page.goto(served.server.url + path);
    return page;
  }
  const spoken = (page) => page.evaluate(() => window.__speech.spoken.slice());
  const finish = (page, times = 1) => page.evaluate((n) => { for (let i = 0; i < n; i++) window.__speech.finish(); }, times);

  test('a course is read sentence by sentence in its language, each sentence highlighted', { timeout: TIMEOUT }, async () => {
    const page = await open(COURSE);
    const listen = page.getByRole('button', { name: 'Écouter' });
    await listen.click();
    let said = await spoken(page);
    assert.deepEqual(said, [{ text: 'Des mots de passe solides', lang: 'fr', rate: 1, voice: 'fr-FR' }]);
    assert.equal(await page.evaluate(() => window.__speech.highlighted()), 'Des mots de passe solides');
    assert.equal(await page.textContent('.listen-status'), 'Lecture à voix haute en cours');

    await finish(page);
    said = await spoken(page);
    assert.equal(said.length, 2);
    assert.match(said[1].text, /^Ce que vous saurez faire : /);
    assert.equal(await page.evaluate(() => window.__speech.highlighted()), said[1].text);
    // Sentence by sentence: a paragraph of several sentences is said in several utterances.
    await finish(page, 40);
    said = await spoken(page);
    assert.ok(said.every((s) => s.lang === 'fr' && !/[.!?]\s+\p{Lu}/u.test(s.text)), 'one sentence an utterance');
    await page.close();
  });

  test('pause, resume, slower and stop, by the buttons and the keyboard', { timeout: TIMEOUT }, async () => {
    const page = await open(COURSE);
    await page.getByRole('button', { name: 'Écouter' }).focus();
    await page.keyboard.press('Enter');
    await finish(page, 2);
    await page.keyboard.press('Enter'); // the same button now says Pause
    assert.equal(await page.textContent('.listen-status'), 'Lecture en pause');
    assert.equal(await page.textContent('.listen-play'), 'Reprendre');
    const before = (await spoken(page)).length;
    await finish(page);
    assert.equal((await spoken(page)).length, before, 'nothing more is said while paused');

    await page.getByRole('button', { name: 'Reprendre' }).click();
    let said = await spoken(page);
    assert.equal(said.length, before + 1);
    assert.equal(said.at(-1).text, said.at(-2).text, 'resuming says the paused sentence again');

    await page.getByRole('button', { name: 'Plus lentement' }).click();
    assert.equal(await page.getAttribute('.listen-slower', 'aria-pressed'), 'true');
    await page.waitForFunction((n) => window.__speech.spoken.length > n, said.length);
    said = await spoken(page);
    assert.equal(said.at(-1).rate, 0.7);
    assert.equal(said.at(-1).text, said.at(-2).text);

    await page.getByRole('button', { name: 'Arrêter' }).click();
    assert.equal(await page.textContent('.listen-status'), 'Lecture arrêtée');
    assert.equal(await page.evaluate(() => window.__speech.highlighted()), null);
    assert.equal(await page.isHidden('.listen-stop'), true);

    await page.getByRole('button', { name: 'Écouter' }).click();
    assert.equal((await spoken(page)).at(-1).text, 'Des mots de passe solides', 'a new reading starts at the top');
    await page.keyboard.press('Escape');
    assert.equal(await page.textContent('.listen-status'), 'Lecture arrêtée');
    await page.close();
  });

  test('a quiz is read with its questions and choices, never its answers', { timeout: TIMEOUT }, async () => {
    const page = await open(COURSE);
    await page.getByRole('button', { name: 'Écouter' }).click();
    await finish(page, 400);
    const said = (await spoken(page)).map((s) => s.text);
    assert.equal(await page.textContent('.listen-status'), 'Lecture terminée');
    assert.ok(said.includes('Quel mot de passe est le plus solide ?'), 'the question');
    assert.ok(said.includes('girafe-tulipe-bateau-arrose'), 'a choice');
    const answers = await page.$$eval('.quiz-answer', (ds) => ds.map((d) => d.textContent));
    assert.ok(answers.length > 0);
    assert.ok(!said.some((s) => /Voir la réponse|^Réponse|Quatre mots sans lien/.test(s)), 'no answer is read');
    assert.ok(!said.includes('Vérifier ma réponse'), 'buttons are not read');
    await page.close();
  });

  test('the button shows only with a voice for the page language, on paths and the glossary too', { timeout: TIMEOUT }, async () => {
    let page = await open(COURSE, ['en-GB', 'de-DE']);
    assert.equal(await page.isHidden('.listen'), true, 'no French voice: no button');
    await page.close();
    page = await open('/nl/glossary/', ['nl-BE']);
    await page.getByRole('button', { name: 'Voorlezen' }).click();
    const said = await spoken(page);
    assert.equal(said[0].lang, 'nl');
    assert.equal(said[0].text, 'Digitale woorden');
    await page.close();
    page = await open('/en/parcours/socle-commun/', ['en-US']);
    assert.equal(await page.getByRole('button', { name: 'Listen' }).isVisible(), true);
    await page.close();
  });
});
