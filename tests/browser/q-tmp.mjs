// Prints what the search page shows for queries: node q.mjs SITE LANG query...
import { startServer, launchBrowser } from './helpers.js';
const [site, lang, ...queries] = process.argv.slice(2);
const server = await startServer(site);
const browser = await launchBrowser();
const page = await browser.newPage();
page.on('pageerror', (e) => console.log('ERROR', e.message));
for (const q of queries) {
  await page.goto(`${server.url}/${lang}/search/?q=${encodeURIComponent(q)}`);
  await page.waitForFunction(() => document.querySelector('.search-status')?.textContent, null, { timeout: 10000 }).catch(() => {});
  const status = await page.$eval('.search-status', (e) => e.textContent);
  const items = await page.$$eval('.search-result', (r) => r.map((e) => [...e.querySelectorAll('p, h2')].map((p) => p.innerHTML.replace(/<a[^>]*>/, '').replace('</a>', '')).join(' | ')));
  console.log(`== ${q}: ${status}`);
  items.forEach((i, n) => console.log(` ${n + 1}. ${i.slice(0, 260)}`));
}
await browser.close(); await server.close();
