// The weight and axe result of every kind of page of a built site, as a Markdown table:
// what the README records for the sample site.
//
//   PARCOURS_SITE=/path/to/public node report.mjs [--readme ../../README.md]
//
// With --readme, the table replaces the one between the README's `report` markers.

import fs from 'node:fs';
import { PAGE_KINDS, siteFromEnv, startServer, launchBrowser, runAxe, pageWeight } from './helpers.js';

const WIDTHS = [320, 1280];
const site = siteFromEnv();
const server = await startServer(site);
const browser = await launchBrowser();

const rows = [];
for (const p of PAGE_KINDS) {
  const violations = [];
  for (const width of WIDTHS) {
    const context = await browser.newContext({ viewport: { width, height: 800 } });
    const page = await context.newPage();
    await page.goto(server.url + p.path, { waitUntil: 'load' });
    if (p.ready) await page.waitForSelector(p.ready);
    violations.push((await runAxe(page)).violations.length);
    await context.close();
  }
  const { bytes } = pageWeight(site, p.path);
  rows.push(`| ${p.kind} | \`${p.path}\` | ${(bytes / 1024).toFixed(1)} KB | ${violations.join(' / ')} |`);
}
await browser.close();
await server.close();

const table = [
  '| page | address | HTML + CSS + JS, gzipped | axe violations at 320 / 1280 px |',
  '| --- | --- | --- | --- |',
  ...rows,
].join('\n');
const at = process.argv.indexOf('--readme');
if (at >= 0) {
  const file = process.argv[at + 1];
  const readme = fs.readFileSync(file, 'utf8');
  const marked = /(<!-- report:start -->\n)[\s\S]*?(<!-- report:end -->)/;
  if (!marked.test(readme)) throw new Error(`${file} has no <!-- report:start --> ... <!-- report:end --> markers`);
  fs.writeFileSync(file, readme.replace(marked, `$1${table}\n$2`));
}
console.log(table);
