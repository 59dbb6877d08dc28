// Bytes and time per query of the search of a built site, beside Pagefind on the same pages.
//
// Usage (from tests/browser, where playwright-core is installed):
//   node ../../bench/search_bench.mjs SITE_DIR [--lang fr] [--queries 40] [--pagefind]
//
// SITE_DIR is a site built by parcours; with --pagefind, `npx pagefind --site SITE_DIR` must
// have been run on it first (its files in SITE_DIR/pagefind/). Each engine runs the queries one
// after the other in one page, as a reader would: the first with an empty cache, the others
// with what the first kept. The script counts the bytes of every search file fetched until the
// first ten results show, raw and gzipped (what a host that compresses sends; Pagefind's own
// files are compressed already), and the time to results on this machine (no throttling;
// for parcours it includes the 120 ms the search box waits for typing to pause). Misspelt queries
// take words of the index, each with one letter dropped, doubled or swapped after the first
// two; a result is relevant when its page contains the intended word in any of its forms.

import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { startServer, launchBrowser } from '../tests/browser/helpers.js';

const args = process.argv.slice(2);
const site = path.resolve(args[0]);
const option = (name, fallback) => {
  const at = args.indexOf(name);
  return at >= 0 ? args[at + 1] : fallback;
};
const lang = option('--lang', 'fr');
const count = Number(option('--queries', '40'));
const withPagefind = args.includes('--pagefind');

const fold = (t) => t.toLowerCase().normalize('NFD').replace(/[\u0300-\u036f]/g, '');
const index = path.join(site, 'search', lang);
const meta = JSON.parse(fs.readFileSync(path.join(index, 'meta.json')));

/** The stem of every form of the vocabulary. */
const stems = new Map();
for (let n = 0; n < meta.vocabulary.length; n++) {
  const shard = JSON.parse(fs.readFileSync(path.join(index, 'v', `${n}.json`)));
  for (const [form, stem] of Object.entries(shard)) if (stem !== 0) stems.set(form, stem === 1 ? form : stem);
}

/** Deterministic choice of words: the vocabulary's forms of 6 letters or more, spread out. */
function chooseWords() {
  const forms = [...stems.keys()].filter((form) => form.length >= 6 && /^[a-z]+$/.test(form));
  const step = Math.max(1, Math.floor(forms.length / count));
  return forms.filter((_, i) => i % step === 0).slice(0, count);
}

/** One typo after the first two letters: dropped, doubled or swapped, in turn. */
function misspell(word, n) {
  const at = 2 + (n % (word.length - 3));
  switch (n % 3) {
    case 0: return word.slice(0, at) + word.slice(at + 1);
    case 1: return word.slice(0, at) + word[at] + word.slice(at);
    default: return word.slice(0, at) + word[at + 1] + word[at] + word.slice(at + 2);
  }
}

/** The stems of each page by address, to judge relevance: a page is relevant when it has
 * the intended word in any of its forms ("accepter" for "accepte"). */
const pageStems = new Map();
for (let n = 0; n < meta.pages; n++) {
  const doc = JSON.parse(fs.readFileSync(path.join(index, 'd', `${n}.json`)));
  const words = fold(`${doc.t} ${doc.d || ''} ${doc.b}`).match(/[\p{L}\p{N}]+/gu) || [];
  pageStems.set(doc.u, new Set(words.map((w) => stems.get(w))));
}
const relevant = (url, word) => pageStems.get(new URL(url).pathname.replace(/^\//, ''))?.has(stems.get(word)) || false;

const server = await startServer(site);
const browser = await launchBrowser();

/** A session of one engine in one page: `open` loads it, then each query's files under
 * `prefix` are counted, the first with an empty cache, the others with what it kept. */
async function session(prefix, open, search) {
  const context = await browser.newContext();
  const page = await context.newPage();
  let files = [];
  page.on('response', async (response) => {
    const url = new URL(response.url());
    if (!url.pathname.startsWith(prefix)) return;
    try {
      const body = await response.body();
      files.push({ raw: body.length, gzip: zlib.gzipSync(body).length });
    } catch { /* redirects have no body */ }
  });
  await open(page);
  return {
    async query(q) {
      const started = Date.now();
      const urls = await search(page, q);
      const ms = Date.now() - started;
      await page.waitForTimeout(50);
      const sum = (key) => files.reduce((total, f) => total + f[key], 0);
      const measured = { ms, urls, files: files.length, raw: sum('raw'), gzip: sum('gzip') };
      files = [];
      return measured;
    },
    close: () => context.close(),
  };
}

const parcours = () => session(
  '/search',
  (page) => page.goto(`${server.url}/${lang}/search/`),
  async (page, q) => {
    await page.fill('#search-q', q);
    await page.waitForFunction((query) => document.querySelector('.search-status')?.textContent.includes(query), q);
    return page.$$eval('.search-result a', (links) => links.map((a) => a.href));
  },
);

const pagefind = () => session(
  '/pagefind/',
  (page) => page.goto(`${server.url}/${lang}/`),
  (page, q) => page.evaluate(async (query) => {
    const pf = await import('/pagefind/pagefind.js');
    await pf.init();
    const search = await pf.search(query);
    const data = await Promise.all(search.results.slice(0, 10).map((r) => r.data()));
    return data.map((d) => new URL(d.url, location.href).href);
  }, q),
);

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

async function run(name, engine, queries) {
  const rows = [];
  const open = await engine();
  for (const [query, word] of queries) {
    const r = await open.query(query);
    rows.push({ ...r, hits: r.urls.filter((u) => relevant(u, word)).length, found: r.urls.length });
  }
  await open.close();
  const rest = rows.slice(1);
  const found = rows.filter((r) => r.hits > 0).length;
  console.log(
    `${name.padEnd(9)} ${String(queries.length).padStart(3)} queries: ` +
      `first ${rows[0].gzip} B gzipped (${rows[0].raw} raw, ${rows[0].files} files, ${rows[0].ms} ms); ` +
      `then median ${median(rest.map((r) => r.gzip))} B gzipped (${median(rest.map((r) => r.raw))} raw, ` +
      `${median(rest.map((r) => r.files))} files, ${median(rest.map((r) => r.ms))} ms); ` +
      `a relevant result in the top 10 for ${found}/${queries.length}; ` +
      `${rows.reduce((t, r) => t + r.hits, 0)}/${rows.reduce((t, r) => t + r.found, 0)} results relevant`,
  );
}

const words = chooseWords();
const exact = words.map((w) => [w, w]);
const misspelt = words.map((w, n) => [misspell(w, n), w]);
console.log(`${lang}: ${meta.pages} pages; words such as ${misspelt.slice(0, 4).map(([q, w]) => `${q} (${w})`).join(', ')}`);
await run('parcours', parcours, exact);
await run('parcours~', parcours, misspelt);
if (withPagefind) {
  await run('pagefind', pagefind, exact);
  await run('pagefind~', pagefind, misspelt);
}
await browser.close();
await server.close();
