// parcours search: queries the static index of the page's language (search/<lang>/),
// fetching only the shards a query needs, compressed at build time and opened here. Forms
// marked data-search get results as you type; the one marked data-page also has filters and
// keeps its query in the address (?q=).
(() => {
  'use strict';

  const PAGE_SIZE = 10;
  const BOX_SIZE = 5;
  /** What a word found otherwise than as typed weighs: completed, or with one or two typos. */
  const COMPLETED = 0.8;
  const TYPO = [1, 0.5, 0.3];
  /** What the synonyms of the words typed weigh, beside the words themselves. */
  const SYNONYM = 0.6;
  /** In a page's flags: its title has the word; the bits below are its kept chunks. */
  const KEPT = 12;
  const IN_TITLE = 1 << KEPT;
  const CHUNKS = IN_TITLE - 1;

  /** Lower case, accents folded: what the index calls a form. */
  const fold = (text) => text.toLowerCase().normalize('NFD').replace(/[\u0300-\u036f]/g, '')
    .replace(/œ/g, 'oe').replace(/æ/g, 'ae').replace(/ß/g, 'ss').replace(/ø/g, 'o').replace(/ł/g, 'l');
  const WORD = /[\p{L}\p{N}]+/gu;
  const words = (text) => fold(text).match(WORD) || [];

  /** The address of this script, beside which inflate.js stands. */
  const HERE = document.currentScript.src;
  let inflater = null;

  /** The inflate of inflate.js, loaded the first time it is needed. */
  function inflateLoaded() {
    if (!inflater) {
      inflater = new Promise((resolve, reject) => {
        const script = document.createElement('script');
        script.src = new URL('inflate.js', HERE).href;
        script.onload = () => resolve(window.parcoursInflate);
        script.onerror = () => reject(new Error(`${script.src}: not loaded`));
        document.head.append(script);
      });
    }
    return inflater;
  }

  /** The content of gzip data: opened by the browser when it can, else by inflate.js. */
  async function gunzip(bytes) {
    if (typeof DecompressionStream === 'function') {
      const stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream('gzip'));
      return new Uint8Array(await new Response(stream).arrayBuffer());
    }
    const flags = bytes[3];
    let at = 10;
    if (flags & 4) at += 2 + (bytes[10] | (bytes[11] << 8));
    for (const flag of [8, 16]) if (flags & flag) while (bytes[at++]);
    if (flags & 2) at += 2;
    return (await inflateLoaded())(bytes.subarray(at));
  }

  /** The one door to the index's files: the bytes of the file at url (through the theme's
   * shared loader, load.js), opened when the build compressed it (a host may have opened it
   * already). `fresh` asks past the browser's cache. */
  async function load(url, fresh) {
    const bytes = await parcoursLoad(url, fresh);
    return bytes[0] === 0x1f && bytes[1] === 0x8b ? gunzip(bytes) : bytes;
  }

  const text = (bytes) => new TextDecoder().decode(bytes);

  /** A variable-length integer reader over bytes: seven bits a byte, low bits first. */
  function reader(bytes) {
    let at = 0;
    return {
      get done() { return at >= bytes.length; },
      number() {
        let n = 0;
        for (let shift = 0; ; shift += 7) {
          const byte = bytes[at++];
          n += (byte & 0x7f) * 2 ** shift;
          if (byte < 0x80) return n;
        }
      },
      text(length) { at += length; return text(bytes.subarray(at - length, at)); },
      skip(length) { at += length; },
      get at() { return at; },
    };
  }

  /** Damerau-Levenshtein distance of a and b, or max + 1 when it is larger than max. */
  function distance(a, b, max) {
    if (Math.abs(a.length - b.length) > max) return max + 1;
    let before = null;
    let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
    for (let i = 1; i <= a.length; i++) {
      const row = [i];
      let best = i;
      for (let j = 1; j <= b.length; j++) {
        const cost = a[i - 1] === b[j - 1] ? 0 : 1;
        let d = Math.min(previous[j] + 1, row[j - 1] + 1, previous[j - 1] + cost);
        if (before && i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
          d = Math.min(d, before[j - 2] + 1);
        }
        row.push(d);
        best = Math.min(best, d);
      }
      if (best > max) return max + 1;
      before = previous;
      previous = row;
    }
    return previous[b.length];
  }

  /** The last shard whose first key is not after key. */
  function shardOf(starts, key) {
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (starts[middle] <= key) low = middle; else high = middle - 1;
    }
    return low;
  }

  /** A vocabulary shard: each form with its stem ('' for a stop word). */
  function vocabulary(bytes) {
    const forms = new Map();
    for (const line of text(bytes).split('\n')) {
      if (!line) continue;
      const tab = line.indexOf('\t');
      forms.set(tab < 0 ? line : line.slice(0, tab), tab < 0 ? line : line.slice(tab + 1));
    }
    return forms;
  }

  /** A postings shard: each stem with the bytes of its pages, read when asked for. */
  function postings(bytes) {
    const stems = new Map();
    const read = reader(bytes);
    while (!read.done) {
      const stem = read.text(read.number());
      const count = read.number();
      const start = read.at;
      for (let i = 0; i < count * 3; i++) read.number();
      stems.set(stem, [count, bytes.subarray(start, read.at)]);
    }
    return stems;
  }

  /** The pages of a postings entry: page number to [score, flags]. */
  function pagesOf([count, bytes]) {
    const pages = new Map();
    const read = reader(bytes);
    for (let i = 0, page = 0; i < count; i++) {
      page += read.number();
      pages.set(page, [read.number(), read.number()]);
    }
    return pages;
  }

  /** The index of one language, its files fetched once. */
  class Index {
    constructor(base) {
      this.base = base;
      this.files = new Map();
    }

    /** The index's first file, fetched with the first query: a page read without searching
     * costs nothing more. */
    get meta() {
      this.loading ||= load(`${this.base}meta.json`, true).then((bytes) => JSON.parse(text(bytes)));
      this.loading.catch(() => { this.loading = null; });
      return this.loading;
    }

    /** A file of the index, read by `parse`, fetched once however many ask for it at once. */
    file(name, parse) {
      if (!this.files.has(name)) {
        const loading = this.meta.then((meta) => load(`${this.base}${name}?v=${meta.version}`)).then(parse);
        loading.catch(() => this.files.delete(name));
        this.files.set(name, loading);
      }
      return this.files.get(name);
    }

    /** The shards of a kind whose keys may lie between from and to. */
    async shards(kind, from, to) {
      const meta = await this.meta;
      const starts = kind === 'v' ? meta.vocabulary : meta.postings;
      const parse = kind === 'v' ? vocabulary : postings;
      const files = [];
      for (let n = shardOf(starts, from); n <= shardOf(starts, to); n++) files.push(this.file(`${kind}/${n}.gz`, parse));
      return Promise.all(files);
    }

    /** What a result shows of a page. */
    async document(page) {
      const per = (await this.meta).documents;
      const shard = await this.file(`d/${Math.floor(page / per)}.gz`, (bytes) => JSON.parse(text(bytes)));
      return shard[page % per];
    }

    /** The stems a typed word may mean, each with its weight: the form as typed, its
     * completions when it is the last word or is found no other way, and words one or two
     * typos away (after the first letter) only when they are closer to it than any found. */
    async expand(word, last) {
      const stems = new Map();
      const add = (stem, weight) => {
        if ((stems.get(stem) || 0) < weight) stems.set(stem, weight);
      };
      let closest = Infinity;
      let stop = false;
      for (const shard of await this.shards('v', word, `${word}\uffff`)) {
        if (shard.has(word)) {
          closest = 0;
          stop = shard.get(word) === '';
          if (!stop) add(shard.get(word), 1);
        }
      }
      if ((last || closest > 0) && word.length >= 2) {
        const completed = [];
        for (const shard of await this.shards('v', word, `${word}\uffff`)) {
          shard.forEach((stem, form) => stem && form !== word && form.startsWith(word) && completed.push([form, stem]));
        }
        completed.sort((a, b) => a[0].length - b[0].length).slice(0, 40).forEach(([form, stem]) => {
          add(stem, COMPLETED);
          closest = Math.min(closest, form.length - word.length);
        });
      }
      const typos = word.length >= 8 ? 2 : word.length >= 4 ? 1 : 0;
      const fuzzy = new Set();
      if (closest > 1 && typos) {
        const near = [];
        const max = Math.min(typos, closest - 1);
        for (const shard of await this.shards('v', word[0], `${word[0]}\uffff`)) {
          shard.forEach((stem, form) => {
            if (stem && form[0] === word[0]) {
              const d = distance(word, form, max);
              if (d <= max) near.push([d, stem]);
            }
          });
        }
        const nearest = Math.min(...near.map(([d]) => d));
        near.filter(([d, stem]) => d === nearest && !stems.has(stem)).forEach(([d, stem]) => {
          add(stem, TYPO[d]);
          fuzzy.add(stem);
        });
      }
      return { word, stop: stop && !stems.size, stems, fuzzy };
    }

    /** For each stem, its pages: page number to [score, flags]. */
    async postings(stems) {
      const found = new Map();
      await Promise.all([...stems].map(async (stem) => {
        const [shard] = await this.shards('p', stem, stem);
        found.set(stem, shard.has(stem) ? pagesOf(shard.get(stem)) : new Map());
      }));
      return found;
    }

    /** The pages that match query, best first, as [page, words found, words together,
     * score, chunk bits of each word], with the stems and forms to mark in excerpts. */
    async search(query, filters, typing) {
      const meta = await this.meta;
      const typed = words(query);
      const expanded = (await Promise.all(typed.map((w, i) => this.expand(w, typing && i === typed.length - 1))))
        .filter((e) => !e.stop);
      const slots = this.withSynonyms(meta.synonyms, expanded);
      const stems = new Set();
      slots.forEach((alternatives) => alternatives.forEach((alt) => alt.forEach((m) => m.forEach((_, s) => stems.add(s)))));
      const postings = await this.postings(stems);
      // Of the words a typo may stand for, the common ones are the likelier.
      for (const { stems: weights, fuzzy } of expanded) {
        const size = (stem) => postings.get(stem)?.size || 0;
        const common = Math.max(1, ...[...fuzzy].map(size));
        fuzzy.forEach((stem) => weights.set(stem, weights.get(stem) * Math.sqrt(size(stem) / common)));
      }
      const found = new Map();
      slots.forEach((alternatives, i) => {
        this.slot(alternatives, postings).forEach((match, page) => {
          if (!found.has(page)) found.set(page, slots.map(() => null));
          found.get(page)[i] = match;
        });
      });
      const allowed = await this.filtered(filters);
      const results = [];
      found.forEach((matches, page) => {
        if (allowed && !allowed.has(page)) return;
        let count = 0;
        let together = 0;
        let score = 0;
        matches.forEach((m, i) => {
          if (!m) return;
          count++;
          score += m.score;
          together += m.together;
          const next = matches[i + 1];
          if (next && ((m.chunks & next.chunks) || (m.title && next.title))) together++;
        });
        results.push([page, count, together, score, matches.map((m) => (m ? m.chunks : 0))]);
      });
      results.sort((a, b) => b[1] - a[1] || b[2] - a[2] || b[3] - a[3] || a[0] - b[0]);
      return { results, stems, forms: new Set(expanded.filter((e) => e.stems.size).map((e) => e.word)) };
    }

    /** How each page matches one slot of the query: its best alternative's score, the kept
     * chunks and title where all of the alternative's words stand, and, for the words as
     * typed, how many of them stand together there. */
    slot(alternatives, postings) {
      const best = new Map();
      for (const terms of alternatives) {
        let pages = null;
        for (const weights of terms) {
          const here = new Map();
          weights.forEach((weight, stem) => postings.get(stem).forEach(([score, flags], page) => {
            const m = here.get(page) || { score: 0, chunks: 0, title: false };
            m.score = Math.max(m.score, score * weight);
            m.chunks |= flags & CHUNKS;
            m.title ||= (flags & IN_TITLE) !== 0;
            here.set(page, m);
          }));
          if (!pages) { pages = here; continue; }
          for (const [page, m] of pages) {
            const other = here.get(page);
            if (!other) { pages.delete(page); continue; }
            m.score += other.score;
            m.chunks &= other.chunks;
            m.title &&= other.title;
          }
        }
        (pages || new Map()).forEach((m, page) => {
          m.together = terms.typed && (m.chunks || m.title) ? terms.length - 1 : 0;
          const kept = best.get(page);
          if (!kept || m.together > kept.together || (m.together === kept.together && m.score > kept.score)) best.set(page, m);
        });
      }
      return best;
    }

    /** Query slots: each a list of alternatives, each a list of words' stem weights. A run of
     * words that is one alternative of a synonym group may also mean the others. */
    withSynonyms(groups, expanded) {
      const slots = [];
      for (let i = 0; i < expanded.length; i++) {
        let slot = [[expanded[i].stems]];
        for (const group of groups) {
          const match = group.find((alt) => alt.every(([form, stem], k) => {
            const typed = expanded[i + k];
            return typed && (typed.word === form || typed.stems.has(stem));
          }));
          if (match) {
            // The words are read as that phrase, typos and all; its synonyms weigh less.
            const weight = Math.min(...match.map(([form, stem], k) => (expanded[i + k].word === form ? 1 : expanded[i + k].stems.get(stem))));
            slot = group.map((alt) => Object.assign(
              alt.map(([, stem]) => new Map([[stem, alt === match ? weight : weight * SYNONYM]])),
              { typed: alt === match },
            ));
            i += match.length - 1;
            break;
          }
        }
        slots.push(slot);
      }
      return slots;
    }

    /** The pages every chosen filter allows, or null when none is chosen. */
    async filtered(filters) {
      const chosen = Object.entries(filters).filter(([, value]) => value);
      if (!chosen.length) return null;
      const all = await this.file('filters.gz', (bytes) => JSON.parse(text(bytes)));
      let allowed = null;
      for (const [name, value] of chosen) {
        const pages = new Set();
        let page = 0;
        for (const gap of (all[name] || {})[value] || []) pages.add(page += gap);
        allowed = allowed ? new Set([...allowed].filter((p) => pages.has(p))) : pages;
      }
      return allowed;
    }
  }

  /** The kept chunk where the most of the query's words stand, or -1. */
  function bestChunk(chunks) {
    let best = -1;
    let most = 0;
    for (let bit = 0; bit < KEPT; bit++) {
      const here = chunks.filter((c) => c & (1 << bit)).length;
      if (here > most) { best = bit; most = here; }
    }
    return best;
  }

  /** Text with the searched words in <mark>, and an ellipsis where a sentence was cut. */
  function marked(text, stems, forms) {
    const fragment = document.createDocumentFragment();
    let at = 0;
    for (const token of text.matchAll(WORD)) {
      const form = fold(token[0]);
      const hit = forms.has(form) || [...stems].some((stem) => stem.length >= 3 && form.startsWith(stem));
      if (!hit) continue;
      fragment.append(text.slice(at, token.index));
      const mark = document.createElement('mark');
      mark.textContent = token[0];
      fragment.append(mark);
      at = token.index + token[0].length;
    }
    fragment.append(text.slice(at));
    if (/^\p{Ll}/u.test(text)) fragment.prepend('… ');
    if (!/[.!?:;)»"]$/.test(text)) fragment.append(' …');
    return fragment;
  }

  const element = (name, className, content) => {
    const e = document.createElement(name);
    if (className) e.className = className;
    if (content) e.textContent = content;
    return e;
  };

  /** A search form with its results: a short list under the box, or the full search page. */
  class SearchForm {
    constructor(form) {
      this.form = form;
      this.input = form.querySelector('input[type=search]');
      this.page = form.hasAttribute('data-page');
      this.root = new URL(form.dataset.root, location.href);
      this.index = new Index(new URL(form.dataset.search, location.href).href);
      this.status = element('p', 'search-status');
      this.status.setAttribute('role', 'status');
      this.list = element('ol', 'search-results');
      this.list.hidden = true;
      this.panel = element('div', this.page ? 'search-found' : 'search-panel');
      this.panel.append(this.status, this.list);
      form.after(this.panel);
      this.shown = 0;
      this.run = 0;
      let timer;
      form.addEventListener('input', () => {
        clearTimeout(timer);
        timer = setTimeout(() => this.update(true), 120);
      });
      form.addEventListener('change', (event) => event.target.matches('select') && this.update(false));
      form.addEventListener('keydown', (event) => this.keys(event));
      this.panel.addEventListener('keydown', (event) => this.keys(event));
      if (this.page) {
        form.addEventListener('submit', (event) => { event.preventDefault(); this.update(false); });
        const params = new URLSearchParams(location.search);
        for (const [name, value] of params) if (form.elements[name]) form.elements[name].value = value;
        if (this.input.value) this.update(false);
      }
    }

    filters() {
      const filters = {};
      for (const select of this.form.querySelectorAll('select')) filters[select.name] = select.value;
      return filters;
    }

    async update(typing) {
      const run = ++this.run;
      const query = this.input.value.trim();
      if (this.page) this.remember(query);
      if (query.length < 2) {
        this.status.textContent = '';
        this.list.replaceChildren();
        this.list.hidden = true;
        return;
      }
      try {
        const strings = (await this.index.meta).strings;
        const found = await this.index.search(query, this.filters(), typing);
        if (run !== this.run) return;
        this.found = found;
        this.strings = strings;
        this.list.replaceChildren();
        this.shown = 0;
        const count = found.results.length;
        const message = count === 0 ? strings.none : count === 1 ? strings.one_result : strings.results;
        await this.more();
        if (run === this.run) this.status.textContent = message.replace('{n}', count).replace('{q}', query);
      } catch {
        if (run === this.run) this.status.textContent = this.form.dataset.error;
      }
    }

    /** Shows the next results; the box shows a few and a link to the search page. */
    async more() {
      const { results, stems, forms } = this.found;
      const next = results.slice(this.shown, this.shown + (this.page ? PAGE_SIZE : BOX_SIZE));
      const docs = await Promise.all(next.map(([page]) => this.index.document(page)));
      docs.forEach((doc, i) => this.list.append(this.item(doc, next[i][4], stems, forms)));
      this.shown += next.length;
      this.list.hidden = this.list.children.length === 0;
      this.panel.querySelector('.search-more')?.remove();
      if (this.shown < results.length) {
        const more = this.page ? element('button', 'search-more', this.strings.more) : element('a', 'search-more', this.strings.all);
        if (this.page) {
          more.type = 'button';
          more.addEventListener('click', async () => {
            const before = this.list.children.length;
            await this.more();
            this.list.children[before]?.querySelector('a')?.focus();
          });
        } else {
          more.href = `${this.form.action}?q=${encodeURIComponent(this.input.value.trim())}`;
        }
        this.panel.append(more);
      }
    }

    /** A result: its title as a link, its section (or that it is a place, and where), and
     * an excerpt from the chunk of its text where the words found stand, else its
     * description. */
    item(doc, chunks, stems, forms) {
      const li = element('li', 'search-result');
      const link = element('a', null, doc.t);
      link.href = new URL(doc.u, this.root).href;
      const title = element(this.page ? 'h2' : 'p', 'search-title');
      title.append(link);
      li.append(title);
      if (doc.s) li.append(element('p', 'search-section', doc.s));
      if (doc.p) li.append(element('p', 'search-place', doc.p));
      const chunk = doc.c[bestChunk(chunks)];
      const shown = chunk || doc.d || doc.c[0];
      if (shown) {
        const p = element('p', 'search-excerpt');
        p.append(marked(shown, stems, forms));
        li.append(p);
      }
      return li;
    }

    /** Keeps the query and filters in the address, so that it can be shared. */
    remember(query) {
      const params = new URLSearchParams();
      if (query) params.set('q', query);
      Object.entries(this.filters()).forEach(([name, value]) => value && params.set(name, value));
      const search = params.toString();
      history.replaceState(null, '', search ? `?${search}` : location.pathname);
    }

    /** Arrow keys move between the box and its results; Escape closes them. */
    keys(event) {
      const links = [...this.list.querySelectorAll('a')];
      const at = links.indexOf(document.activeElement);
      if (event.key === 'ArrowDown' && links.length && (at >= 0 || event.target === this.input)) {
        event.preventDefault();
        links[Math.min(at + 1, links.length - 1)].focus();
      } else if (event.key === 'ArrowUp' && at >= 0) {
        event.preventDefault();
        (at === 0 ? this.input : links[at - 1]).focus();
      } else if (event.key === 'Escape' && !this.page) {
        this.input.value = '';
        this.update(false);
        this.input.focus();
      }
    }
  }

  document.querySelectorAll('form[data-search]').forEach((form) => new SearchForm(form));
})();
