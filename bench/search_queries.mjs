// Misspelt queries for a built site, the same for every search engine: taken from the titles
// and headings of its pages, each with one error made by a fixed rule, and the page it came
// from as the one the reader is looking for.
//
//   node bench/search_queries.mjs SITE_DIR [--lang fr] [--queries 60]   (prints them)
//
// Pages: the built HTML of the language's pages (`<lang>/**/index.html`), but for the search,
// DigComp, glossary and places listings and the home page. Headings: the h1, h2 and h3 of
// `<main>`, kept when no other page of the language has the same one (a heading that many
// pages share points at none of them). A query is the heading's first four words, with one
// error, the rules taken in turn (a rule that cannot apply passes to the next one):
//   drop     a letter of the longest word left out (not the first two)
//   double   a letter of the longest word doubled
//   swap     two letters of the longest word swapped
//   accents  every accent left out (only where the heading has one)
//   phonetic the longest word spelt as it sounds (ph -> f, qu -> k, eau -> o, ...)
//   truncate the last word cut after its first four letters (as while typing)
// Headings are taken evenly through the list of pages, so that the queries spread over the site.

import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const SKIPPED = ['search', 'digcomp', 'glossary', 'places'];
const RULES = ['drop', 'double', 'swap', 'accents', 'phonetic', 'truncate'];

/** Spellings by sound, per language: the first that the word holds is used. */
const PHONETIC = {
  fr: [['eau', 'o'], ['ph', 'f'], ['qu', 'k'], ['ai', 'é'], ['au', 'o'], ['ss', 's'], ['ll', 'l'], ['mm', 'm'], ['tion', 'sion'], ['c', 'k'], ['é', 'er']],
  nl: [['ij', 'ei'], ['ph', 'f'], ['dt', 't'], ['ou', 'au'], ['ch', 'g'], ['c', 'k'], ['v', 'f']],
  en: [['ph', 'f'], ['tion', 'shun'], ['ck', 'k'], ['ee', 'ea'], ['ou', 'ow'], ['c', 'k'], ['y', 'i']],
};

const fold = (t) => t.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
const WORD = /[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu;

/** The text of HTML: tags dropped, entities read. */
function text(html) {
  const entities = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };
  return html
    .replace(/<[^>]+>/g, '')
    .replace(/&(#x?[0-9a-f]+|\w+);/gi, (all, e) => {
      if (e[0] !== '#') return entities[e] ?? all;
      return String.fromCodePoint(e[1] === 'x' ? parseInt(e.slice(2), 16) : Number(e.slice(1)));
    })
    .replace(/\s+/g, ' ')
    .trim();
}

/** Every page of `lang` in the built site, as its address (`fr/securite/x/`) and HTML. */
function pages(site, lang) {
  const found = [];
  const walk = (dir) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const file = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(file);
      else if (entry.name === 'index.html') found.push(path.relative(site, dir).split(path.sep).join('/') + '/');
    }
  };
  walk(path.join(site, lang));
  return found
    .filter((url) => url !== `${lang}/` && !SKIPPED.includes(url.split('/')[1]))
    .map((url) => ({ url, html: fs.readFileSync(path.join(site, url, 'index.html'), 'utf8') }));
}

/** The headings of a page's main content. */
function headings(html) {
  const main = html.match(/<main[\s\S]*?<\/main>/)?.[0] || '';
  return [...main.matchAll(/<h([1-3])[^>]*>([\s\S]*?)<\/h\1>/g)].map((m) => text(m[2])).filter(Boolean);
}

/** The index of the longest word of `words`, or -1. */
const longest = (words, least) => words.reduce((best, w, i) => (w.length >= least && (best < 0 || w.length > words[best].length) ? i : best), -1);

/** `words` with the error of `rule`, or null when the rule cannot apply; `n` varies where. */
function misspell(words, rule, lang, n) {
  const out = [...words];
  const at = longest(words, 5);
  const word = words[at];
  const place = at < 0 ? 0 : 2 + (n % (word.length - 3));
  switch (rule) {
    case 'drop':
      if (at < 0) return null;
      out[at] = word.slice(0, place) + word.slice(place + 1);
      return out;
    case 'double':
      if (at < 0) return null;
      out[at] = word.slice(0, place) + word[place] + word.slice(place);
      return out;
    case 'swap':
      if (at < 0 || word[place] === word[place + 1]) return null;
      out[at] = word.slice(0, place) + word[place + 1] + word[place] + word.slice(place + 2);
      return out;
    case 'accents':
      return fold(words.join(' ')) === words.join(' ') ? null : words.map(fold);
    case 'phonetic': {
      if (at < 0) return null;
      const lower = word.toLowerCase();
      const rule = (PHONETIC[lang] || PHONETIC.en).find(([from]) => lower.indexOf(from, 1) > 0);
      if (!rule) return null;
      const i = lower.indexOf(rule[0], 1);
      out[at] = word.slice(0, i) + rule[1] + word.slice(i + rule[0].length);
      return out;
    }
    default: {
      const last = words.length - 1;
      if (words[last].length < 6) return null;
      out[last] = words[last].slice(0, 4);
      return out;
    }
  }
}

/** About `count` misspelt queries for `lang`: [{ query, url, heading, rule }]. */
export function misspeltQueries(site, lang, count) {
  const all = pages(site, lang).flatMap(({ url, html }) => headings(html).map((heading) => ({ url, heading })));
  const seen = new Map();
  for (const { heading } of all) seen.set(fold(heading.toLowerCase()), (seen.get(fold(heading.toLowerCase())) || 0) + 1);
  const unique = all.filter(({ heading }) => seen.get(fold(heading.toLowerCase())) === 1);
  const step = Math.max(1, unique.length / count);
  const queries = [];
  for (let i = 0; i < unique.length && queries.length < count; i += step) {
    const { url, heading } = unique[Math.floor(i)];
    const words = (heading.match(WORD) || []).slice(0, 4);
    if (words.join('').length < 4) continue;
    const n = queries.length;
    for (let k = 0; k < RULES.length; k++) {
      const rule = RULES[(n + k) % RULES.length];
      const misspelt = misspell(words, rule, lang, n);
      if (misspelt) {
        queries.push({ query: misspelt.join(' '), url, heading, rule });
        break;
      }
    }
  }
  return queries;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const option = (name, fallback) => (args.includes(name) ? args[args.indexOf(name) + 1] : fallback);
  for (const q of misspeltQueries(path.resolve(args[0]), option('--lang', 'fr'), Number(option('--queries', '60')))) {
    console.log(`${q.rule.padEnd(8)} ${q.query.padEnd(40)} <- ${q.heading} (${q.url})`);
  }
}
