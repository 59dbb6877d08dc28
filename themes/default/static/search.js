// parcours search: queries the static index of the page's language (search/<lang>/),
// fetching only the shards a query needs. Forms marked data-search get results as you type;
// the one marked data-page also has filters and keeps its query in the address (?q=).
(() => {
  'use strict';

  const PAGE_SIZE = 10;
  const BOX_SIZE = 5;

  /** Lower case, accents folded: what the index calls a form. */
  const fold = (text) => text.toLowerCase().normalize('NFD').replace(/[\u0300-\u036f]/g, '')
    .replace(/œ/g, 'oe').replace(/æ/g, 'ae').replace(/ß/g, 'ss').replace(/ø/g, 'o').replace(/ł/g, 'l');
  const WORD = /[\p{L}\p{N}]+/gu;
  const words = (text) => fold(text).match(WORD) || [];

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

  /** The index of one language, its files fetched once. */
  class Index {
    constructor(base) {
      this.base = base;
      this.files = new Map();
      this.meta = this.fetch('meta.json', { cache: 'no-cache' });
    }

    fetch(file, options) {
      return fetch(this.base + file, options).then((response) => {
        if (!response.ok) throw new Error(`${file}: ${response.status}`);
        return response.json();
      });
    }

    async file(file) {
      if (!this.files.has(file)) {
        const meta = await this.meta;
        const loading = this.fetch(`${file}?v=${meta.version}`);
        loading.catch(() => this.files.delete(file));
        this.files.set(file, loading);
      }
      return this.files.get(file);
    }

    async shards(kind, from, to) {
      const starts = (await this.meta)[kind === 'v' ? 'vocabulary' : 'postings'];
      const first = shardOf(starts, from);
      const last = shardOf(starts, to);
      const files = [];
      for (let n = first; n <= last; n++) files.push(this.file(`${kind}/${n}.json`));
      return Promise.all(files);
    }

    /** The stems a typed word may mean, with a weight: exact form 1, prefix, then typos. */
    async expand(word, typing) {
      const typos = word.length >= 8 ? 2 : word.length >= 4 ? 1 : 0;
      const from = typos ? word[0] : word;
      const shards = await this.shards('v', from, `${from}\uffff`);
      const stems = new Map();
      const add = (stem, weight) => {
        if ((stems.get(stem) || 0) < weight) stems.set(stem, weight);
      };
      const stemOf = (form, value) => (value === 1 ? form : value);
      let exact = false;
      const prefixed = [];
      for (const shard of shards) {
        if (word in shard) {
          exact = true;
          if (shard[word] !== 0) add(stemOf(word, shard[word]), 1);
        }
        if (typing && word.length >= 2) {
          for (const form in shard) {
            if (form !== word && shard[form] !== 0 && form.startsWith(word)) prefixed.push([form, shard[form]]);
          }
        }
      }
      prefixed.sort((a, b) => a[0].length - b[0].length).slice(0, 40)
        .forEach(([form, value]) => add(stemOf(form, value), 0.8));
      const fuzzy = new Set();
      if (!exact && typos) {
        for (const shard of shards) {
          for (const form in shard) {
            if (shard[form] === 0) continue;
            const d = distance(word, form, typos);
            const stem = stemOf(form, shard[form]);
            if (d <= typos && !stems.has(stem)) {
              add(stem, d === 1 ? 0.6 : 0.4);
              fuzzy.add(stem);
            }
          }
        }
      }
      return { word, exact, stems, fuzzy };
    }

    /** For each stem, its pages and scores. */
    async postings(stems) {
      const found = new Map();
      await Promise.all([...stems].map(async (stem) => {
        const [shard] = await this.shards('p', stem, stem);
        const list = shard[stem] || [];
        const pages = new Map();
        let page = 0;
        for (let i = 0; i < list.length; i += 2) {
          page += list[i];
          pages.set(page, list[i + 1]);
        }
        found.set(stem, pages);
      }));
      return found;
    }

    /** The pages that match query, best first, as [page, matched words, score]. */
    async search(query, filters, typing) {
      const meta = await this.meta;
      const typed = words(query);
      const expanded = await Promise.all(typed.map((w, i) => this.expand(w, typing && i === typed.length - 1)));
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
      const scores = new Map();
      for (const alternatives of slots) {
        const best = new Map();
        for (const alt of alternatives) {
          let pages = null;
          for (const terms of alt) {
            const here = new Map();
            terms.forEach((weight, stem) => postings.get(stem).forEach((score, page) => {
              here.set(page, Math.max(here.get(page) || 0, score * weight));
            }));
            if (pages) {
              for (const [page, score] of pages) {
                if (here.has(page)) pages.set(page, score + here.get(page)); else pages.delete(page);
              }
            } else pages = here;
          }
          (pages || new Map()).forEach((score, page) => best.set(page, Math.max(best.get(page) || 0, score)));
        }
        best.forEach((score, page) => {
          const [count, total] = scores.get(page) || [0, 0];
          scores.set(page, [count + 1, total + score]);
        });
      }
      const allowed = await this.filtered(filters);
      const results = [];
      scores.forEach(([count, total], page) => {
        if (!allowed || allowed.has(page)) results.push([page, count, total]);
      });
      results.sort((a, b) => b[1] - a[1] || b[2] - a[2] || a[0] - b[0]);
      return { results, stems, forms: new Set(expanded.filter((e) => e.stems.size).map((e) => e.word)) };
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
            // The words are read as that phrase, typos and all; its synonyms count a little less.
            const other = (alt, weight) => alt.map(([, stem]) => new Map([[stem, weight]]));
            slot = group.map((alt) => other(alt, alt === match ? 1 : 0.6));
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
      const all = await this.file('filters.json');
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

  /** Text with the searched words in <mark>: about 30 words around the most matches. */
  function excerpt(text, stems, forms) {
    const tokens = [...text.matchAll(WORD)];
    const hit = tokens.map((t) => {
      const form = fold(t[0]);
      if (forms.has(form)) return true;
      for (const stem of stems) if (stem.length >= 3 && form.startsWith(stem)) return true;
      return false;
    });
    if (!hit.includes(true)) return null;
    let best = 0;
    let bestCount = -1;
    for (let start = 0; start < tokens.length; start++) {
      if (!hit[start]) continue;
      const count = hit.slice(start, start + 30).filter(Boolean).length;
      if (count > bestCount) { best = Math.max(0, start - 5); bestCount = count; }
    }
    const end = Math.min(tokens.length, best + 30);
    const fragment = document.createDocumentFragment();
    let at = best ? tokens[best].index : 0;
    if (best) fragment.append('… ');
    for (let i = best; i < end; i++) {
      if (!hit[i]) continue;
      const token = tokens[i];
      fragment.append(text.slice(at, token.index));
      const mark = document.createElement('mark');
      mark.textContent = token[0];
      fragment.append(mark);
      at = token.index + token[0].length;
    }
    const stop = end < tokens.length ? tokens[end].index : text.length;
    fragment.append(text.slice(at, stop).trimEnd());
    if (end < tokens.length) fragment.append(' …');
    return fragment;
  }

  const element = (name, className, text) => {
    const e = document.createElement(name);
    if (className) e.className = className;
    if (text) e.textContent = text;
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
      const pages = await Promise.all(next.map(([page]) => this.index.file(`d/${page}.json`)));
      pages.forEach((doc) => this.list.append(this.item(doc, stems, forms)));
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

    item(doc, stems, forms) {
      const li = element('li', 'search-result');
      const link = element('a', null, doc.t);
      link.href = new URL(doc.u, this.root).href;
      const title = element(this.page ? 'h2' : 'p', 'search-title');
      title.append(link);
      li.append(title);
      if (doc.s) li.append(element('p', 'search-section', doc.s));
      const p = element('p', 'search-excerpt');
      p.append(excerpt(doc.b, stems, forms) || doc.d || '');
      li.append(p);
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
