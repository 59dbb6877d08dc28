// The weight and axe result of every kind of page of a built site, in the light and the dark
// colour scheme, as a Markdown table, and the sizes of the portable site, its ZIP and the
// read-aloud script: what the README records for the sample site.
//
//   PARCOURS_SITE=/path/to/public node report.mjs [--portable DIR --zip FILE] [--readme ../../README.md]
//
// With --readme, the tables replace those between the README's `report` and `portable` markers.

import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { PAGE_KINDS, siteFromEnv, startServer, launchBrowser, runAxe, pageWeight, stubSpeech } from './helpers.js';

const WIDTHS = [320, 1280];
const SCHEMES = ['light', 'dark'];
const site = siteFromEnv();
const server = await startServer(site);
const browser = await launchBrowser();

const rows = [];
for (const p of PAGE_KINDS) {
  const cells = [];
  for (const colorScheme of SCHEMES) {
    const violations = [];
    for (const width of WIDTHS) {
      const context = await browser.newContext({ viewport: { width, height: 800 }, colorScheme });
      await context.addInitScript(stubSpeech, ['fr-FR']); // the read-aloud controls shown
      const page = await context.newPage();
      await page.goto(server.url + p.path, { waitUntil: 'load' });
      if (p.ready) await page.waitForSelector(p.ready);
      violations.push((await runAxe(page)).violations.length);
      await context.close();
    }
    cells.push(violations.join(' / '));
  }
  const { bytes } = pageWeight(site, p.path);
  rows.push(`| ${p.kind} | \`${p.path}\` | ${(bytes / 1024).toFixed(1)} KB | ${cells.join(' | ')} |`);
}
await browser.close();
await server.close();

const table = [
  '| page | address | HTML + CSS + JS, gzipped | axe violations at 320 / 1280 px, light | same, dark |',
  '| --- | --- | --- | --- | --- |',
  ...rows,
].join('\n');

const argument = (name) => {
  const at = process.argv.indexOf(name);
  return at >= 0 ? process.argv[at + 1] : null;
};

/** Bytes of every file under a folder, and how many files. */
function folderSize(dir) {
  let bytes = 0;
  let files = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) {
      bytes += fs.statSync(path.join(entry.parentPath ?? entry.path, entry.name)).size;
      files++;
    }
  }
  return { bytes, files };
}

const mb = (bytes) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;
const listen = fs.readFileSync(path.join(site, 'listen.js'));
const sizes = [
  '| what | size |',
  '| --- | --- |',
  `| \`listen.js\`, the read-aloud script | ${kb(listen.length)}, ${kb(zlib.gzipSync(listen, { level: 9 }).length)} gzipped |`,
];
const portable = argument('--portable');
const zip = argument('--zip');
if (portable && zip) {
  const normal = folderSize(site);
  const made = folderSize(portable);
  sizes.push(
    `| the sample site, served on the web | ${mb(normal.bytes)} in ${normal.files} files |`,
    `| the same, portable (\`--portable\`) | ${mb(made.bytes)} in ${made.files} files |`,
    `| its ZIP (\`--zip\`) | ${mb(fs.statSync(zip).size)} |`,
  );
}
const portableTable = sizes.join('\n');

const readmeFile = argument('--readme');
if (readmeFile) {
  let readme = fs.readFileSync(readmeFile, 'utf8');
  for (const [name, text] of [['report', table], ['portable', portableTable]]) {
    const marked = new RegExp(`(<!-- ${name}:start -->\\n)[\\s\\S]*?(<!-- ${name}:end -->)`);
    if (!marked.test(readme)) throw new Error(`${readmeFile} has no <!-- ${name}:start --> ... <!-- ${name}:end --> markers`);
    readme = readme.replace(marked, `$1${text}\n$2`);
  }
  fs.writeFileSync(readmeFile, readme);
}
console.log(`${table}\n\n${portableTable}`);
