import { startServer, launchBrowser } from './helpers.js';
import { misspeltQueries } from '../../bench/search_queries.mjs';
const [a, b, lang] = process.argv.slice(2);
const queries = misspeltQueries(a, lang, 60);
const browser = await launchBrowser();
async function ranks(site) {
  const server = await startServer(site);
  const page = await browser.newPage();
  await page.goto(`${server.url}/${lang}/search/`);
  const out = [];
  for (const { query, url } of queries) {
    await page.fill('#search-q', query);
    await page.waitForFunction((q) => document.querySelector('.search-status')?.textContent.includes(q), query);
    const urls = await page.$$eval('.search-result a', (l) => l.map((x) => decodeURI(new URL(x.href).pathname).slice(1)));
    out.push(urls.indexOf(url));
  }
  await page.close(); await server.close();
  return out;
}
const ra = await ranks(a); const rb = await ranks(b);
queries.forEach((q, i) => { if ((ra[i] < 0 || ra[i] >= 5) !== (rb[i] < 0 || rb[i] >= 5)) console.log(`${ra[i]}\t${rb[i]}\t${q.rule}\t${q.query}  <- ${q.heading}`); });
await browser.close();
