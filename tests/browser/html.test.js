// Every HTML page of the built site is valid HTML (html-validate, the standard rules),
// and a course page stays within the weight budget for old phones on slow connections.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { HtmlValidate } from 'html-validate';
import { pageWeight, siteFromEnv } from './helpers.js';

/** Every .html file under a folder. */
function htmlFiles(dir) {
  return fs.readdirSync(dir, { recursive: true })
    .filter((name) => name.endsWith('.html'))
    .map((name) => path.join(dir, name));
}

test('every page is valid HTML', async () => {
  const site = siteFromEnv();
  const validator = new HtmlValidate({
    extends: ['html-validate:standard'],
  });
  const files = htmlFiles(site);
  assert.ok(files.length > 50, `only ${files.length} pages found in ${site}`);
  const problems = [];
  for (const file of files) {
    const report = await validator.validateFile(file);
    for (const result of report.results) {
      for (const message of result.messages) {
        problems.push(`${path.relative(site, file)}:${message.line}:${message.column} ${message.ruleId}: ${message.message}`);
      }
    }
  }
  assert.deepEqual(problems.slice(0, 30), [], `${problems.length} HTML problems`);
});

test('a course page, with its CSS and JavaScript, weighs under 40 KB gzipped', () => {
  const { bytes, assets } = pageWeight(siteFromEnv(), '/fr/securite/mots-de-passe-solides/');
  console.log(`course page weight: ${bytes} bytes gzipped (HTML, CSS, JS; ${assets} assets)`);
  assert.ok(assets >= 2, 'the stylesheet and the search script are counted');
  assert.ok(bytes < 40 * 1024, `${bytes} bytes`);
});
