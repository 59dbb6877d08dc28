// Accessibility and small-screen checks of a built parcours site, in headless
// Chromium: axe-core (WCAG 2.0/2.1 A and AA) on every kind of page at 320 and
// 1280 px in the light and the dark colour scheme (with the read-aloud controls
// shown), and on a course whose read aloud, quiz, path button and search results
// are in use; no horizontal scrolling at 320 px, text enlarged to 200% at 1280 px
// reflowing without loss, a working "skip to content" link, and touch targets of
// at least 44 px on a course page at 320 px.
//
//   cd tests/browser && npm install && PARCOURS_SITE=/path/to/public npm test

import { describe, test, after } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import { PAGE_KINDS, servedSite, runAxe, formatViolations, stubSpeech } from './helpers.js';

const PAGES = PAGE_KINDS;
const COURSE = PAGES.find((p) => p.kind === 'course');
const WIDTHS = [320, 1280];
const SCHEMES = ['light', 'dark'];
const HEIGHT = 800;
const MIN_TARGET = 44; // px, WCAG 2.5.5 (AAA), and the theme's own promise
// Interactive elements inside running text are exempt from the target size
// (WCAG 2.5.8 "inline" exception). Breadcrumb links are NOT exempt.
const INLINE_TEXT = '.prose p, .prose li, .prose td, footer p';
const TIMEOUT = 60_000;

// In-page helper, evaluated in the browser: a short CSS path for an element.
const CSS_PATH = `(el) => {
  const parts = [];
  for (let e = el; e && e.nodeType === 1 && parts.length < 6; e = e.parentElement) {
    if (e.id) { parts.unshift('#' + CSS.escape(e.id)); break; }
    let part = e.localName;
    const cls = [...e.classList].slice(0, 2).map((c) => '.' + CSS.escape(c)).join('');
    part += cls;
    const parent = e.parentElement;
    if (parent) {
      const same = [...parent.children].filter((c) => c.localName === e.localName);
      if (same.length > 1) part += ':nth-of-type(' + (same.indexOf(e) + 1) + ')';
    }
    parts.unshift(part);
    if (e.localName === 'body') break;
  }
  return parts.join(' > ');
}`;

const contexts = new Map();
const served = servedSite(async ({ browser }) => {
  for (const width of WIDTHS) {
    for (const colorScheme of SCHEMES) {
      const context = await browser.newContext({ viewport: { width, height: HEIGHT }, deviceScaleFactor: 1, colorScheme });
      // A voice in every language, so that the read-aloud controls show and are checked too.
      await context.addInitScript(stubSpeech, ['fr-FR', 'nl-BE', 'en-GB']);
      contexts.set(`${width} ${colorScheme}`, context);
    }
  }
});

after(async () => {
  for (const ctx of contexts.values()) await ctx.close().catch(() => {});
});

/** Fails when `page` is wider than `limit`, naming the elements past its right edge. */
async function assertNoSidewaysScroll(page, where, limit, how) {
  const result = await page.evaluate(`(() => {
    const cssPath = ${CSS_PATH};
    const limit = ${limit};
    const wide = [];
    for (const el of document.body.querySelectorAll('*')) {
      const r = el.getBoundingClientRect();
      if (r.width && r.right > limit + 0.5 && !el.closest('.table-scroll')) {
        // only the innermost offenders
        if (![...el.children].some((c) => c.getBoundingClientRect().right > limit + 0.5)) {
          wide.push(cssPath(el) + ' (right edge ' + Math.round(r.right) + ' px)');
        }
      }
    }
    return { scrollWidth: document.documentElement.scrollWidth, wide: wide.slice(0, 10) };
  })()`);
  assert.ok(
    result.scrollWidth <= limit,
    `${where} scrolls sideways ${how} (scrollWidth ${result.scrollWidth}); ` +
      `elements past the right edge:\n  ${result.wide.join('\n  ')}`,
  );
}

/** Opens `p` at `width` in a colour scheme; checks its status and that everything it loads
 * loads. */
async function open(p, width, scheme = 'light') {
  const page = await contexts.get(`${width} ${scheme}`).newPage();
  const failed = [];
  page.on('requestfailed', (req) => failed.push(`${req.url()} (${req.failure()?.errorText})`));
  page.on('response', (res) => {
    const req = res.request();
    const isPage = req.isNavigationRequest() && req.frame() === page.mainFrame();
    if (!isPage && res.status() >= 400) {
      failed.push(`${res.url()} (HTTP ${res.status()})`);
    }
  });
  const response = await page.goto(served.server.url + p.path, { waitUntil: 'load' });
  assert.equal(response.status(), p.status ?? 200, `${p.path} answered HTTP ${response.status()}`);
  if (p.ready) await page.waitForSelector(p.ready);
  assert.deepEqual(failed, [], `${p.path} could not load: ${failed.join(', ')}`);
  return page;
}

/** Fails with axe's report when `page` has any violation. */
async function assertNoViolations(page, where) {
  const { violations } = await runAxe(page);
  assert.equal(violations.length, 0, `${violations.length} axe violation(s) on ${where}:\n` + formatViolations(violations));
}

for (const scheme of SCHEMES) {
  test(`course ${COURSE.path} in use: no axe violations, ${scheme} scheme`, { timeout: TIMEOUT }, async () => {
    const page = await open(COURSE, 320, scheme);
    try {
      await page.locator('.listen-play').click();
      await page.evaluate(() => window.__speech.finish());
      await page.locator('.listen-slower').click();
      const question = page.locator('.quiz-question').first();
      await question.locator('input').first().check();
      await question.locator('.quiz-check').click();
      await page.locator('.path-mark button').first().click();
      await page.fill('#search-box-q', 'mot de pase');
      await page.locator('.search-panel .search-result').first().waitFor();
      await assertNoViolations(page, `the course in use, ${scheme} scheme`);
    } finally {
      await page.evaluate(() => localStorage.clear());
      await page.close();
    }
  });
}

describe('static server', () => {
  function get(path) {
    return new Promise((resolve, reject) => {
      http
        .get({ host: '127.0.0.1', port: served.server.port, path }, (res) => {
          res.resume();
          res.on('end', () => resolve(res));
        })
        .on('error', reject);
    });
  }

  test('serves index.html for folders and 404.html with status 404 otherwise', async () => {
    assert.equal((await get('/')).statusCode, 200);
    assert.equal((await get('/fr/')).statusCode, 200);
    assert.equal((await get('/fr')).statusCode, 301);
    const missing = await get('/no/such/page/');
    assert.equal(missing.statusCode, 404);
    assert.match(missing.headers['content-type'], /text\/html/);
  });

  test('refuses paths outside the site folder', async () => {
    for (const path of ['/../package.json', '/%2e%2e/package.json', '/fr/%2E%2E/%2E%2E/etc/passwd', '/..%2f..%2fetc/passwd']) {
      const res = await get(path);
      assert.ok([400, 403].includes(res.statusCode), `${path} answered ${res.statusCode}`);
    }
  });
});

for (const width of WIDTHS) {
  describe(`at ${width} px`, () => {
    for (const p of PAGES) {
      for (const scheme of SCHEMES) {
        test(`${p.kind} ${p.path}: no axe violations (WCAG 2.1 A/AA), ${scheme} scheme`, { timeout: TIMEOUT }, async () => {
          const page = await open(p, width, scheme);
          try {
            await assertNoViolations(page, `${p.kind} page ${p.path} at ${width} px, ${scheme} scheme`);
          } finally {
            await page.close();
          }
        });
      }

      test(`${p.kind} ${p.path}: "skip to content" link first, moves focus to #content`, { timeout: TIMEOUT }, async () => {
        const page = await open(p, width);
        try {
          assert.ok(await page.$('#content'), `${p.path} has no element with id="content"`);
          await page.keyboard.press('Tab');
          const first = await page.evaluate(`(() => {
            const cssPath = ${CSS_PATH};
            const el = document.activeElement;
            const content = document.getElementById('content');
            const r = el.getBoundingClientRect();
            return {
              path: cssPath(el),
              href: el.getAttribute('href'),
              text: el.textContent.trim().replace(/\\s+/g, ' '),
              insideContent: content.contains(el),
              onScreen: r.width > 1 && r.height > 1 && r.bottom > 0 && r.right > 0 &&
                r.top < innerHeight && r.left < innerWidth,
            };
          })()`);
          if (first.href !== '#content' && first.insideContent) {
            // Nothing comes before the content (the language chooser and the
            // 404 page have no header): there is no block to skip.
            return;
          }
          assert.equal(
            first.href,
            '#content',
            `the first focusable element of ${p.path} is ${first.path} "${first.text}", not a link to #content`,
          );
          assert.ok(first.onScreen, `the skip link of ${p.path} stays off screen when focused (${first.path})`);
          await page.keyboard.press('Enter');
          const focused = await page.evaluate(() => document.activeElement?.id);
          assert.equal(focused, 'content', `the skip link of ${p.path} does not move focus to #content`);
        } finally {
          await page.close();
        }
      });

      if (width === 320) {
        test(`${p.kind} ${p.path}: no horizontal scroll at 320 px`, { timeout: TIMEOUT }, async () => {
          const page = await open(p, width);
          try {
            await assertNoSidewaysScroll(page, p.path, 320, 'at 320 px');
          } finally {
            await page.close();
          }
        });
      } else {
        test(`${p.kind} ${p.path}: text enlarged to 200% reflows without loss`, { timeout: TIMEOUT }, async () => {
          const page = await open(p, width);
          try {
            await page.evaluate(() => { document.documentElement.style.fontSize = '200%'; });
            await assertNoSidewaysScroll(page, p.path, width, 'with text at 200%');
            const clipped = await page.evaluate(`(() => {
              const cssPath = ${CSS_PATH};
              return [...document.body.querySelectorAll('*')].filter((el) => {
                const style = getComputedStyle(el);
                const hides = ['hidden', 'clip'].includes(style.overflowX) || ['hidden', 'clip'].includes(style.overflowY);
                return hides && el.clientWidth > 1 && (el.scrollWidth > el.clientWidth + 1 || el.scrollHeight > el.clientHeight + 1);
              }).map(cssPath);
            })()`);
            assert.deepEqual(clipped, [], `${p.path} cuts off text at 200%`);
          } finally {
            await page.close();
          }
        });
      }
    }
  });
}

test(`course ${COURSE.path}: interactive elements at least ${MIN_TARGET} px high at 320 px`, { timeout: TIMEOUT }, async () => {
  const page = await open(COURSE, 320);
  try {
    const { checked, small } = await page.evaluate(
      `(() => {
        const cssPath = ${CSS_PATH};
        const min = ${MIN_TARGET};
        const inline = ${JSON.stringify(INLINE_TEXT)};
        const docWidth = document.documentElement.scrollWidth;
        const visible = (el) => {
          if (!el.checkVisibility({ checkOpacity: true, checkVisibilityCSS: true })) return false;
          const r = el.getBoundingClientRect();
          if (r.width < 2 || r.height < 2) return false; // visually hidden
          // off screen until focused (the skip link)
          if (r.bottom + scrollY <= 0 || r.right + scrollX <= 0 || r.left + scrollX >= docWidth) return false;
          return true;
        };
        let checked = 0;
        const small = [];
        for (const el of document.querySelectorAll('a[href], button, input, summary')) {
          if (!visible(el) || el.closest(inline)) continue;
          checked++;
          const r = el.getBoundingClientRect();
          if (r.height < min) {
            small.push(cssPath(el) + ' "' + (el.textContent.trim().replace(/\\s+/g, ' ').slice(0, 40) ||
              el.getAttribute('aria-label') || el.type || '') + '" ' +
              Math.round(r.width * 10) / 10 + 'x' + Math.round(r.height * 10) / 10 + ' px');
          }
        }
        return { checked, small };
      })()`,
    );
    assert.ok(checked > 0, 'no interactive element found on the course page');
    assert.equal(
      small.length,
      0,
      `${small.length} of ${checked} interactive element(s) on ${COURSE.path} are less than ${MIN_TARGET} px high at 320 px:\n  ` +
        small.join('\n  '),
    );
  } finally {
    await page.close();
  }
});
