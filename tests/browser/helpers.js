// Helpers for the browser tests: a tiny static file server over a built site,
// a headless Debian Chromium driven by playwright-core, and axe-core.
//
// Nothing here downloads a browser: Chromium comes from Debian
// (`apt-get install -y chromium`) at /usr/bin/chromium.

import http from 'node:http';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import zlib from 'node:zlib';
import path from 'node:path';
import { createRequire } from 'node:module';
import { before, after } from 'node:test';
import { chromium } from 'playwright-core';

const require = createRequire(import.meta.url);

export const CHROMIUM_PATH = process.env.PARCOURS_CHROMIUM || '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];
export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
export const AXE_PATH = require.resolve('axe-core/axe.min.js');

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.pdf': 'application/pdf',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
};

/**
 * The built site to test, from PARCOURS_SITE. Throws a clear error when the
 * variable is unset or does not name a built site, so that the tests fail
 * instead of passing on nothing.
 */
export function siteFromEnv() {
  const dir = process.env.PARCOURS_SITE;
  if (!dir) {
    throw new Error(
      'PARCOURS_SITE is not set: give the folder of a built site, e.g. ' +
        '`cargo run --release -- build && cd tests/browser && PARCOURS_SITE=../../public npm test`',
    );
  }
  const abs = path.resolve(dir);
  if (!fs.existsSync(path.join(abs, 'index.html'))) {
    throw new Error(`PARCOURS_SITE=${dir} is not a built site: ${path.join(abs, 'index.html')} does not exist`);
  }
  return abs;
}

function isInside(root, file) {
  const rel = path.relative(root, file);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}

/**
 * Serves the folder `rootDir` on 127.0.0.1, on a free port.
 * - a folder is served as its index.html (a folder asked without its final
 *   slash is redirected to it, so that relative links resolve);
 * - anything missing is answered with the site's 404.html and status 404;
 * - a path that leads outside the folder (`..`, encoded or not, or a symbolic
 *   link pointing out) is refused with 403.
 * Resolves to { url, port, close() }.
 */
export async function startServer(rootDir) {
  const root = await fsp.realpath(path.resolve(rootDir));

  async function send404(res, method) {
    let body = 'Not found\n';
    let type = 'text/plain; charset=utf-8';
    try {
      body = await fsp.readFile(path.join(root, '404.html'));
      type = TYPES['.html'];
    } catch {
      // no 404.html in the site: plain text
    }
    res.writeHead(404, { 'content-type': type, 'content-length': Buffer.byteLength(body) });
    res.end(method === 'HEAD' ? undefined : body);
  }

  function sendPlain(res, status, text, headers = {}) {
    res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8', ...headers });
    res.end(text + '\n');
  }

  // While "offline", every request fails as a cut network does (the socket is dropped), so
  // that the service worker's own requests fail too, which the browser's offline emulation
  // does not always cover.
  let offline = false;
  const server = http.createServer(async (req, res) => {
    if (offline) return req.socket.destroy();
    try {
      if (req.method !== 'GET' && req.method !== 'HEAD') {
        return sendPlain(res, 405, 'Method not allowed', { allow: 'GET, HEAD' });
      }
      const rawPath = (req.url || '/').split(/[?#]/, 1)[0];
      let urlPath;
      try {
        urlPath = decodeURIComponent(rawPath);
      } catch {
        return sendPlain(res, 400, 'Bad request');
      }
      if (!urlPath.startsWith('/') || urlPath.includes('\0') || urlPath.includes('\\')) {
        return sendPlain(res, 400, 'Bad request');
      }
      // Not path.normalize on the URL: resolve against the root, then check.
      const target = path.resolve(root, '.' + urlPath);
      if (!isInside(root, target)) {
        return sendPlain(res, 403, 'Forbidden');
      }
      let file = target;
      let stat;
      try {
        stat = await fsp.stat(file);
      } catch {
        return send404(res, req.method);
      }
      if (stat.isDirectory()) {
        if (!rawPath.endsWith('/')) {
          const query = (req.url || '').slice(rawPath.length);
          res.writeHead(301, { location: rawPath + '/' + query });
          return res.end();
        }
        file = path.join(file, 'index.html');
        try {
          stat = await fsp.stat(file);
        } catch {
          return send404(res, req.method);
        }
      }
      if (!stat.isFile()) {
        return send404(res, req.method);
      }
      // A symbolic link inside the site must not lead out of it.
      const real = await fsp.realpath(file);
      if (!isInside(root, real)) {
        return sendPlain(res, 403, 'Forbidden');
      }
      const type = TYPES[path.extname(file).toLowerCase()] || 'application/octet-stream';
      res.writeHead(200, { 'content-type': type, 'content-length': stat.size, 'cache-control': 'no-store' });
      if (req.method === 'HEAD') return res.end();
      fs.createReadStream(real).on('error', () => res.destroy()).pipe(res);
    } catch (err) {
      if (!res.headersSent) sendPlain(res, 500, String(err));
      else res.destroy();
    }
  });

  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const { port } = server.address();
  return {
    port,
    url: `http://127.0.0.1:${port}`,
    setOffline: (value) => {
      offline = value;
      if (value) server.closeAllConnections?.();
    },
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections?.();
        server.close(() => resolve());
      }),
  };
}

/** Launches Debian's Chromium, headless. */
export async function launchBrowser() {
  if (!fs.existsSync(CHROMIUM_PATH)) {
    throw new Error(
      `Chromium not found at ${CHROMIUM_PATH}: install it with ` +
        '`apt-get update && apt-get install -y chromium` (never `npx playwright install`)',
    );
  }
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: CHROMIUM_ARGS,
  });
}

/** Injects axe-core into the page and runs the WCAG 2.0/2.1 A and AA rules. */
export async function runAxe(page) {
  const loaded = await page.evaluate(() => typeof window.axe !== 'undefined');
  if (!loaded) {
    await page.addScriptTag({ path: AXE_PATH });
  }
  return page.evaluate(
    (tags) => window.axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] }),
    AXE_TAGS,
  );
}

/** Readable report of axe violations: id, impact, help and first targets. */
export function formatViolations(violations, { maxTargets = 5 } = {}) {
  return violations
    .map((v) => {
      const lines = [`- ${v.id} [${v.impact}] ${v.help} (${v.nodes.length} element(s)) ${v.helpUrl}`];
      for (const node of v.nodes.slice(0, maxTargets)) {
        const reasons = (node.failureSummary || '')
          .split('\n')
          .map((s) => s.trim())
          .filter((s) => s && !/^Fix (any|all) of the following:$/.test(s));
        const more = reasons.length > 1 ? ` (+${reasons.length - 1} more reason(s))` : '';
        const html = node.html.replace(/\s+/g, ' ').slice(0, 100);
        lines.push(`    ${node.target.join(' ')}  ${html}`);
        if (reasons.length) lines.push(`      ${reasons[0]}${more}`);
      }
      if (v.nodes.length > maxTargets) lines.push(`    ... and ${v.nodes.length - maxTargets} more`);
      return lines.join('\n');
    })
    .join('\n');
}

/**
 * One page of each kind the theme renders, in the sample site. The 404 page is
 * reached the way a visitor reaches it: an address that does not exist. `ready`
 * names an element to wait for when the page fills itself in.
 */
export const PAGE_KINDS = [
  { kind: 'language chooser', path: '/' },
  { kind: 'home', path: '/fr/' },
  { kind: 'section', path: '/fr/securite/' },
  { kind: 'course', path: '/fr/securite/mots-de-passe-solides/' },
  { kind: 'learning path', path: '/fr/parcours/socle-commun/' },
  { kind: 'self-diagnostic', path: '/fr/parcours/autodiagnostic/' },
  { kind: 'glossary', path: '/fr/glossary/' },
  { kind: 'DigComp overview', path: '/fr/digcomp/' },
  { kind: 'DigComp area', path: '/fr/digcomp/4/' },
  { kind: 'DigComp competence', path: '/fr/digcomp/4.1/' },
  { kind: 'DigComp level', path: '/fr/digcomp/levels/2/' },
  { kind: 'DigComp coverage', path: '/fr/digcomp/coverage/' },
  { kind: 'directory of help places', path: '/fr/places/', ready: '.place-status:not([hidden])' },
  { kind: 'help place', path: '/fr/places/centre-social-du-moulin-clair-exemple-lyon/' },
  { kind: 'search with results', path: '/fr/search/?q=mot+de+pase&audience=apprenant', ready: '.search-result' },
  { kind: '404', path: '/fr/cette-page-n-existe-pas/', status: 404 },
];

/**
 * What a page weighs over the network, gzipped: its HTML with the stylesheets and
 * scripts it loads (images and the search index apart). `urlPath` is the page's
 * address in the built site `site`.
 */
export function pageWeight(site, urlPath) {
  const folder = path.join(site, urlPath.split('?')[0]);
  const page = fs.existsSync(path.join(folder, 'index.html')) ? path.join(folder, 'index.html') : path.join(site, '404.html');
  const html = fs.readFileSync(page, 'utf8');
  const base = page.endsWith('404.html') ? site : path.dirname(page);
  const assets = [...html.matchAll(/<(?:link rel="stylesheet" href|script src)="([^"]+)"/g)]
    .map((match) => path.join(base, match[1].startsWith('/') ? path.relative('/', match[1]) : match[1]));
  const bytes = [page, ...assets]
    .map((file) => zlib.gzipSync(fs.readFileSync(file), { level: 9 }).length)
    .reduce((a, b) => a + b, 0);
  return { bytes, assets: assets.length };
}

/**
 * The built site of PARCOURS_SITE, served on the loopback address, and a headless
 * Chromium, for the tests of the file (or the `describe`) that calls this: started before
 * them, then `ready(served)` if given, stopped after. Returns { site, server, browser },
 * filled in once started. (Node 20 does not wait for one top-level `before` hook before
 * the next, hence `ready` rather than a hook of the caller's own.) Without a built site the
 * start fails, and so do the tests: they never pass on nothing.
 */
export function servedSite(ready) {
  const served = {};
  before(async () => {
    served.site = siteFromEnv();
    served.server = await startServer(served.site);
    served.browser = await launchBrowser();
    await ready?.(served);
  });
  after(async () => {
    await served.browser?.close().catch(() => {});
    await served.server?.close();
  });
  return served;
}

/**
 * A speech synthesis with the given voices (language codes), recording what it is asked to
 * say, for `page.addInitScript(stubSpeech, voices)`: `window.__speech.finish()` ends the
 * utterance being said, `window.__speech.highlighted()` is the text highlighted.
 */
export function stubSpeech(voices) {
  const spoken = [];
  let current = null;
  class Utterance {
    constructor(text) { this.text = text; this.lang = ''; this.rate = 1; this.voice = null; }
  }
  const synth = {
    getVoices: () => voices.map((lang) => ({ lang, name: `stub ${lang}`, localService: true, default: false })),
    speak(u) { spoken.push({ text: u.text, lang: u.lang, rate: u.rate, voice: u.voice?.lang }); current = u; },
    cancel() { const u = current; current = null; u?.onerror?.({ error: 'interrupted' }); },
    pause() {}, resume() {},
    addEventListener() {},
    get speaking() { return current !== null; },
  };
  Object.defineProperty(window, 'speechSynthesis', { value: synth, configurable: true });
  Object.defineProperty(window, 'SpeechSynthesisUtterance', { value: Utterance, configurable: true });
  window.__speech = {
    spoken,
    /** The voice finishes the sentence it was saying. */
    finish() { const u = current; current = null; u?.onend?.({}); },
    highlighted: () => (CSS.highlights.get('listen') ? [...CSS.highlights.get('listen')][0].toString().replace(/\s+/g, ' ') : null),
  };
}
