// The search of a built site beside Pagefind on the same pages: recall on misspelt queries,
// bytes per query served plain and gzipped, the first query's bytes, time to results, and,
// given the site's sources, the build time the index adds and the files it writes.
//
// Usage (from tests/browser, where playwright-core is installed):
//   node ../../bench/search_bench.mjs SITE_DIR [--lang fr] [--queries 60] [--pagefind]
//   node ../../bench/search_bench.mjs --build SOURCE_DIR --parcours BIN [--runs 3] [--lang fr] ...
//
// SITE_DIR is a site built by parcours; with --pagefind, Pagefind is run on it first
// (`npx pagefind --site SITE_DIR`, the `pagefind` npm package). With --build, the sources are
// built in this run, alternately with `search: false` (in a copy of the sources) and as they
// are, --runs times each, under /dev/shm when it exists; Pagefind is run on the last build
// as many times; and the browser part then runs on that build.
//
// Queries: bench/search_queries.mjs (titles and headings of the pages, each with one error by
// a fixed rule); a query is found when the page it came from is among the first 5 (or 10)
// results. Each engine runs them one after the other in one browser page, as a reader would:
// the first with an empty cache, the next ones with what the first ones kept. Bytes are those
// of every file of the engine (its script and index) fetched until ten results show, with
// what they show: as served by a host that compresses nothing, and by one that gzips text
// (JSON, JavaScript; files compressed at build time are sent as they are). Time to results is
// measured on this machine, without throttling; for parcours it includes the 120 ms the search
// box waits for typing to pause.

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { spawnSync } from 'node:child_process';
import { startServer, launchBrowser } from '../tests/browser/helpers.js';
import { misspeltQueries } from './search_queries.mjs';

const args = process.argv.slice(2);
const option = (name, fallback) => (args.includes(name) ? args[args.indexOf(name) + 1] : fallback);
const lang = option('--lang', 'fr');
const count = Number(option('--queries', '60'));
const runs = Number(option('--runs', '3'));
const source = option('--build', null);
const withPagefind = args.includes('--pagefind') || Boolean(source);

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor((values.length - 1) / 2)] ?? 0;
const quantile = (values, q) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(q * values.length))] ?? 0;
const mean = (values) => values.reduce((a, b) => a + b, 0) / Math.max(1, values.length);
const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;

/** Runs a command, timed, with its processor time and peak memory (GNU time):
 * { seconds, cpu, peakMB, stdout }. Processor time (user + system) is what a loaded machine
 * blurs least. */
function timed(command, commandArgs) {
  const started = process.hrtime.bigint();
  const run = spawnSync('/usr/bin/time', ['-f', '%M %U %S', command, ...commandArgs], { encoding: 'utf8', maxBuffer: 1 << 26 });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  if (run.status !== 0) throw new Error(`${command} ${commandArgs.join(' ')} failed:\n${run.stderr}`);
  const [kilobytes, user, system] = run.stderr.trim().split('\n').pop().split(' ').map(Number);
  return { seconds, cpu: user + system, peakMB: kilobytes / 1024, stdout: run.stdout };
}

/** How many files a folder holds, at any depth. */
function files(dir) {
  if (!fs.existsSync(dir)) return 0;
  return fs.readdirSync(dir, { withFileTypes: true })
    .reduce((n, e) => n + (e.isDirectory() ? files(path.join(dir, e.name)) : 1), 0);
}

/** Builds `source` with and without search, then runs Pagefind on it; returns the built site. */
function buildSide(binary) {
  const scratch = fs.mkdtempSync(path.join(fs.existsSync('/dev/shm') ? '/dev/shm' : os.tmpdir(), 'search-bench-'));
  const plain = path.join(scratch, 'no-search');
  fs.cpSync(source, plain, { recursive: true });
  const config = path.join(plain, 'site.yaml');
  const yaml = fs.readFileSync(config, 'utf8').replace(/^search:.*\n?/m, '');
  fs.writeFileSync(config, `${yaml.trimEnd()}\nsearch: false\n`);
  const measured = { without: [], with: [], pagefind: [] };
  const out = (name) => path.join(scratch, name);
  for (let run = 0; run < runs; run++) {
    for (const [side, root] of [['without', plain], ['with', source]]) {
      fs.rmSync(out(side), { recursive: true, force: true });
      measured[side].push(timed(binary, ['build', '--root', root, '--output', out(side)]));
    }
  }
  for (let run = 0; run < runs; run++) {
    fs.rmSync(path.join(out('with'), 'pagefind'), { recursive: true, force: true });
    measured.pagefind.push(timed('npx', ['--yes', 'pagefind', '--site', out('with')]));
  }
  const [without, withSearch, pagefind] = ['without', 'with', 'pagefind'].map((side) => ({
    seconds: median(measured[side].map((r) => r.seconds)),
    cpu: median(measured[side].map((r) => r.cpu)),
    peakMB: median(measured[side].map((r) => r.peakMB)),
  }));
  const added = (key, more, base) => `${(more[key] - base[key]).toFixed(2)} s (+${((more[key] / base[key] - 1) * 100).toFixed(0)}%)`;
  const more = (key, extra, base) => `${extra[key].toFixed(2)} s more (+${((extra[key] / base[key]) * 100).toFixed(0)}%)`;
  console.log(`build of ${source}, median of ${runs} runs each, alternately (processor time: user + system):`);
  console.log(`  search: false  ${without.seconds.toFixed(2)} s, processor ${without.cpu.toFixed(2)} s, ${without.peakMB.toFixed(0)} MB peak, ${files(out('without'))} files`);
  console.log(`  search         ${withSearch.seconds.toFixed(2)} s, processor ${withSearch.cpu.toFixed(2)} s, ${withSearch.peakMB.toFixed(0)} MB peak: ` +
    `the index adds ${added('seconds', withSearch, without)}, processor ${added('cpu', withSearch, without)}, ` +
    `${(withSearch.peakMB - without.peakMB).toFixed(0)} MB, and writes ${files(path.join(out('with'), 'search'))} files`);
  console.log(`  Pagefind       ${more('seconds', pagefind, without)}, processor ${more('cpu', pagefind, without)}, ` +
    `${pagefind.peakMB.toFixed(0)} MB peak, ${files(path.join(out('with'), 'pagefind'))} files`);
  console.log(`  each run, s (search: false / search): ${measured.without.map((r, i) => `${r.seconds.toFixed(1)}/${measured.with[i].seconds.toFixed(1)}`).join(', ')}`);
  fs.rmSync(out('without'), { recursive: true, force: true });
  fs.rmSync(plain, { recursive: true, force: true });
  return { site: out('with'), scratch };
}

/** What a file costs over the network: as served (plain), and from a host that gzips text. */
function cost(body, type) {
  const text = /json|javascript|text|xml|css|html/.test(type || '');
  const compressed = body[0] === 0x1f && body[1] === 0x8b;
  return { plain: body.length, gzip: text && !compressed ? zlib.gzipSync(body).length : body.length };
}

/** A session of one engine in one browser page: `open` loads it, then each query's files
 * whose address starts with one of `prefixes` are counted. */
async function session(browser, prefixes, open, search) {
  const context = await browser.newContext();
  const page = await context.newPage();
  let fetched = [];
  page.on('response', async (response) => {
    const { pathname } = new URL(response.url());
    if (!prefixes.some((p) => pathname.startsWith(p))) return;
    try {
      fetched.push(cost(await response.body(), response.headers()['content-type']));
    } catch { /* a redirect has no body */ }
  });
  await open(page);
  return {
    async query(q) {
      const started = Date.now();
      const urls = await search(page, q);
      const ms = Date.now() - started;
      await page.waitForTimeout(30);
      const sum = (key) => fetched.reduce((total, f) => total + f[key], 0);
      const measured = { ms, urls, files: fetched.length, plain: sum('plain'), gzip: sum('gzip') };
      fetched = [];
      return measured;
    },
    close: () => context.close(),
  };
}

/** The address of a result, as the queries name pages (`fr/securite/x/`). */
const address = (href) => decodeURI(new URL(href).pathname).replace(/^\//, '');

const engines = {
  parcours: (browser, server) => session(
    browser,
    ['/search'],
    (page) => page.goto(`${server.url}/${lang}/search/`),
    async (page, q) => {
      await page.fill('#search-q', q);
      await page.waitForFunction((query) => document.querySelector('.search-status')?.textContent.includes(query), q);
      return page.$$eval('.search-result a', (links) => links.map((a) => a.href));
    },
  ),
  pagefind: (browser, server) => session(
    browser,
    ['/pagefind/'],
    (page) => page.goto(`${server.url}/${lang}/`),
    (page, q) => page.evaluate(async (query) => {
      const pf = await import('/pagefind/pagefind.js');
      await pf.init();
      const search = await pf.search(query);
      const data = await Promise.all(search.results.slice(0, 10).map((r) => r.data()));
      return data.map((d) => new URL(d.url, location.href).href);
    }, q),
  ),
};

async function run(browser, server, name, queries) {
  const open = await engines[name](browser, server);
  const rows = [];
  for (const { query, url } of queries) {
    const r = await open.query(query);
    const rank = r.urls.map(address).indexOf(url);
    rows.push({ ...r, rank });
  }
  await open.close();
  const next = rows.slice(1);
  const within = (n) => rows.filter((r) => r.rank >= 0 && r.rank < n).length / rows.length;
  const line = (key) => `mean ${kb(mean(next.map((r) => r[key])))}, median ${kb(median(next.map((r) => r[key])))}, p95 ${kb(quantile(next.map((r) => r[key]), 0.95))}`;
  console.log(`${name}: recall@5 ${within(5).toFixed(2)}, recall@10 ${within(10).toFixed(2)} (${rows.length} queries)`);
  console.log(`  first query: ${kb(rows[0].plain)} plain, ${kb(rows[0].gzip)} gzipped, ${rows[0].files} files, ${rows[0].ms} ms`);
  console.log(`  next queries, plain:   ${line('plain')}; files: median ${median(next.map((r) => r.files))}`);
  console.log(`  next queries, gzipped: ${line('gzip')}`);
  console.log(`  time to results: median ${median(next.map((r) => r.ms))} ms, p95 ${quantile(next.map((r) => r.ms), 0.95)} ms`);
  return rows;
}

const built = source ? buildSide(path.resolve(option('--parcours', 'parcours'))) : null;
const site = built ? built.site : path.resolve(args[0]);
if (withPagefind && !built) timed('npx', ['--yes', 'pagefind', '--site', site]);
const queries = misspeltQueries(site, lang, count);
console.log(`${lang}: ${queries.length} misspelt queries such as ${queries.slice(0, 4).map((q) => `"${q.query}"`).join(', ')}`);
const server = await startServer(site);
const browser = await launchBrowser();
try {
  const ours = await run(browser, server, 'parcours', queries);
  if (withPagefind) {
    const theirs = await run(browser, server, 'pagefind', queries);
    const found = (rows, i) => rows[i].rank >= 0 && rows[i].rank < 5;
    const missed = queries.filter((_, i) => !found(ours, i));
    console.log(`not in parcours's first 5: ${missed.map((q) => `"${q.query}"`).join(', ') || 'none'}`);
    console.log(`in Pagefind's first 5 and not in parcours's: ${queries.filter((_, i) => found(theirs, i) && !found(ours, i)).length}; ` +
      `the other way round: ${queries.filter((_, i) => found(ours, i) && !found(theirs, i)).length}`);
  }
} finally {
  await browser.close();
  await server.close();
  if (built) fs.rmSync(built.scratch, { recursive: true, force: true });
}
