// Directory of help places: the filter form above the list (postcode or town, service,
// language, open now), kept in the address (?where=&service=&language=&open=1) so that a
// course can link to the list already filtered; and on each place, whether it is open now in
// its own time zone, from the openings the build computed for the coming weeks, refreshed
// every minute. Without JavaScript every listing shows, with links down to each town.
//
// A directory split into many pages (the form has data-index) finds a postcode or a town in
// small files of its index: the towns whose postcodes or words start with the first two
// letters typed, then the places of those towns. Areas listed on a page are kept when they
// have places offering the chosen service or language, and their links keep the filters.
(() => {
  'use strict';
  const form = document.getElementById('place-filters');
  if (!form) return;

  const data = form.dataset;
  const DAYS = { Mon: 0, Tue: 1, Wed: 2, Thu: 3, Fri: 4, Sat: 5, Sun: 6 };
  const byId = (id) => document.getElementById(id);
  const count = byId('place-count');
  const none = byId('place-none');
  const found = byId('place-found');
  const listing = byId('place-listing');
  const sections = [...document.querySelectorAll('.place-city')];
  const fields = form.elements;
  const [year, month, day] = (data.from || '1970-01-01').split('-').map(Number);
  const from = Date.UTC(year, month - 1, day) / 864e5;
  const days = Number(data.days) || 0;

  /** Lower case, without accents, spaces or hyphens: "Saint-Gilles" and "saint  gilles" meet. */
  const fold = (text) => text.toLowerCase().normalize('NFD').replace(/[\u0300-\u036f]/g, '')
    .replace(/œ/g, 'oe').replace(/æ/g, 'ae').replace(/ß/g, 'ss').replace(/[^\p{L}\p{N}]/gu, '');
  const words = (text) => new Set((text || '').split(/\s+/).filter(Boolean));
  const parse = (text, fallback) => {
    try {
      return JSON.parse(text);
    } catch {
      return fallback; // unreadable: never shown as open
    }
  };
  /** Each folded end of a name from one of its words: "lhaylesroses", "haylesroses"... */
  const ends = (name) => {
    const parts = name.split(/[^\p{L}\p{N}]+/u).filter(Boolean);
    return parts.map((_, at) => fold(parts.slice(at).join('')));
  };
  /** Whether a place or a town is where the reader typed: a postcode start, or a name's. */
  const isWhere = (where, postcodes, city) => (/^\p{N}+$/u.test(where)
    ? postcodes.some((p) => p.startsWith(where))
    : ends(city).some((end) => end.startsWith(where)));

  const place = (hours, except, tz) => ({ hours, except: new Map(except), tz });
  const cards = [...document.querySelectorAll('.place-card')].map((card) => {
    const section = card.closest('.place-city');
    return {
      card,
      status: card.querySelector('.place-status'),
      postcode: card.dataset.postcode || '',
      city: section?.querySelector('h2')?.textContent || card.dataset.city || '',
      services: words(card.dataset.services),
      languages: words(card.dataset.languages),
      ...place(parse(card.dataset.hours || '[]', []), parse(card.dataset.except || '[]', []), card.dataset.tz),
    };
  });
  const areas = [...document.querySelectorAll('.place-areas > li')].map((item) => ({
    item,
    link: item.querySelector('a'),
    href: item.querySelector('a').getAttribute('href'),
    counter: item.querySelector('.place-area-count'),
    count: Number(item.dataset.count),
    services: new Map((item.dataset.services || '').split(' ').filter(Boolean).map((s) => {
      const [id, n] = s.split(':');
      return [id, Number(n)];
    })),
    languages: words(item.dataset.languages),
  }));

  /** The day (0 = Monday), local date (days since 1970) and minutes now in each time zone. */
  function clock() {
    const now = new Date();
    const zones = new Map();
    return (tz) => {
      if (!zones.has(tz)) {
        let at = null;
        try {
          const parts = {};
          new Intl.DateTimeFormat('en-US', {
            timeZone: tz, weekday: 'short', year: 'numeric', month: 'numeric', day: 'numeric',
            hour: 'numeric', minute: 'numeric', hourCycle: 'h23',
          }).formatToParts(now).forEach(({ type, value }) => { parts[type] = value; });
          at = {
            day: DAYS[parts.weekday],
            date: Date.UTC(Number(parts.year), Number(parts.month) - 1, Number(parts.day)) / 864e5,
            minutes: (parts.hour % 24) * 60 + Number(parts.minute),
          };
        } catch {
          // unknown time zone: open or closed cannot be told
        }
        zones.set(tz, at);
      }
      return zones.get(tz);
    };
  }

  /** The openings of a place on local date `date`, a day `weekday`: a date the build found
      different (a holiday, a month closed), else that day of its usual week. */
  function openings(p, date, weekday) {
    const offset = date - from;
    if (offset >= 0 && offset < days && p.except.has(offset)) return p.except.get(offset);
    return p.hours.filter(([d]) => d === weekday).map(([, opens, closes]) => [opens, closes]);
  }

  /** Minutes since the start of today until the place closes, or -1 when it is closed now. */
  function openUntil(p, at) {
    if (!at) return -1;
    const span = openings(p, at.date, at.day).find(([opens, closes]) => opens <= at.minutes && at.minutes < closes);
    if (!span) return -1;
    // Openings that follow one another past midnight make one opening.
    let until = span[1];
    for (let n = 1; n < 8 && until === n * 1440; n++) {
      const next = openings(p, at.date + n, (at.day + n) % 7).find(([opens]) => opens === 0);
      if (!next) break;
      until = n * 1440 + next[1];
    }
    return until;
  }

  const time = (minutes) => {
    const pad = (n) => String(n).padStart(2, '0');
    return `${pad(Math.floor(minutes / 60) % 24)}:${pad(minutes % 60)}`;
  };

  /** Says on a place whether it is open now. */
  function showStatus(status, until) {
    status.textContent = until < 0 ? data.closed : data.openUntil.replace('{time}', time(until));
    status.classList.toggle('is-open', until >= 0);
    status.classList.toggle('is-closed', until < 0);
    status.hidden = false;
  }

  /** The chosen filters, from the form. */
  function chosen() {
    return {
      where: fields.where?.value || '',
      service: fields.service?.value || '',
      language: fields.language?.value || '',
      open: fields.open?.checked ? '1' : '',
    };
  }

  /** The filters as an address's query, `where` left out when asked. */
  function query(filters, withWhere) {
    const params = new URLSearchParams();
    Object.entries(filters).forEach(([name, value]) => {
      if (value.trim() && (withWhere || name !== 'where')) params.set(name, value.trim());
    });
    const search = params.toString();
    return search ? `?${search}` : '';
  }

  const matches = (p, filters, until) => (!filters.service || p.services.has(filters.service))
    && (!filters.language || p.languages.has(filters.language))
    && (!filters.open || until >= 0);

  /** Shows the places of this page that match, the areas that have some, and how many. */
  function filterPage(filters) {
    const at = clock();
    const where = fold(filters.where);
    let shown = 0;
    for (const p of cards) {
      const until = openUntil(p, at(p.tz));
      if (p.status) showStatus(p.status, until);
      const match = (!where || isWhere(where, [p.postcode], p.city)) && matches(p, filters, until);
      p.card.hidden = !match;
      if (match) shown++;
    }
    for (const section of sections) section.hidden = !section.querySelector('.place-card:not([hidden])');
    const carried = query(filters, false);
    for (const area of areas) {
      const n = filters.service ? area.services.get(filters.service) || 0 : area.count;
      const keep = n > 0 && (!filters.language || area.languages.has(filters.language));
      area.item.hidden = !keep;
      area.counter.textContent = countText(n);
      area.link.setAttribute('href', area.href + carried);
      if (keep) shown += n;
    }
    return shown;
  }

  const countText = (n) => (n === 1 ? data.countOne : (n === 0 && data.countNone) || data.countMany).replace('{n}', n);

  // The index of a directory split into pages: each file loaded once, kept. Every data file
  // this script reads (index.json, where/<key>.json, leaf/<n>.json under data-index) is
  // loaded here and nowhere else, through the theme's shared loader (load.js), which fetches
  // it on the web and reads its script twin in a site opened from a folder.
  const files = new Map();
  const load = (path) => {
    if (!files.has(path)) {
      files.set(path, parcoursLoad(data.index + path).then((bytes) => JSON.parse(new TextDecoder().decode(bytes))).catch(() => {
        files.delete(path);
        throw new Error(data.indexError);
      }));
    }
    return files.get(path);
  };

  /** The towns and places of the whole directory where the reader typed, from the index:
      the places themselves when they fit in a few files, else links to their towns. */
  async function findWhere(filters) {
    const where = fold(filters.where);
    if (where.length < 2) return { message: data.typeMore };
    const meta = await load('index.json');
    const key = where.slice(0, 2);
    const towns = (meta?.keys.includes(key) ? await load(`where/${key}.json`) : null) || [];
    const matching = towns.filter(([name, postcodes]) => isWhere(where, postcodes, name));
    const leaves = [...new Set(matching.flatMap((town) => town[5]))];
    if (leaves.length > 4) return { towns: matching };
    const at = clock();
    const records = (await Promise.all(leaves.map((n) => load(`leaf/${n}.json`)))).flat().filter(Boolean);
    const places = records.map(([page, name, address, postcode, city, services, languages, tz, hours, except]) => ({
      page, name, address, postcode, city, services: new Set(services), languages: new Set(languages), ...place(hours, except, tz),
    })).filter((p) => isWhere(where, [p.postcode], p.city));
    return { places: places.map((p) => ({ ...p, until: openUntil(p, at(p.tz)) })).filter((p) => matches(p, filters, p.until)) };
  }

  const element = (name, text, attributes = {}) => {
    const node = document.createElement(name);
    if (text) node.textContent = text;
    Object.entries(attributes).forEach(([key, value]) => node.setAttribute(key, value));
    return node;
  };

  /** Puts what was found in the page, in the listing's place; returns how many places. */
  function showFound(result, filters) {
    found.replaceChildren();
    if (result.message) {
      found.append(element('p', result.message));
      return -1;
    }
    const names = new Map([...fields.service.options].map((o) => [o.value, o.textContent]));
    if (result.towns) {
      const list = element('ul', '', { class: 'place-areas' });
      const carried = query(filters, false);
      for (const [name, postcodes, n, folder, anchor] of result.towns) {
        const item = element('li');
        const link = element('a', name, { href: data.root + folder + carried + (anchor ? `#${anchor}` : '') });
        item.append(link, ` ${postcodes.join(', ')} · `, element('span', countText(n), { class: 'place-area-count' }));
        list.append(item);
      }
      found.append(list);
      return result.towns.reduce((sum, town) => sum + town[2], 0);
    }
    const list = element('ul', '', { class: 'place-list' });
    for (const p of result.places) {
      const card = element('li', '', { class: 'place-card' });
      const title = element('h3');
      title.append(element('a', p.name, { href: data.root + p.page }));
      const status = element('p', '', { class: 'place-status' });
      showStatus(status, p.until);
      const services = element('ul', '', { class: 'place-services' });
      p.services.forEach((id) => services.append(element('li', names.get(id) || id)));
      card.append(title, element('p', `${p.address}, ${p.postcode} ${p.city}`, { class: 'place-address' }), status, services);
      list.append(card);
    }
    found.append(list);
    return result.places.length;
  }

  let announced = null;
  let timer;
  let asked = 0;

  /** Says how many places are left, once the reader stops typing, when the number changes. */
  function say(text, now) {
    clearTimeout(timer);
    const speak = () => {
      if (text === announced) return;
      announced = text;
      count.textContent = text;
    };
    if (now) speak(); else timer = setTimeout(speak, 300);
  }

  /** Applies the filters: to this page, or to the whole directory for a place typed. */
  async function update(announceNow) {
    const filters = chosen();
    history.replaceState(history.state, '', (query(filters, true) || location.pathname) + location.hash);
    const searching = data.index && fold(filters.where);
    if (!searching) {
      found.hidden = true;
      listing.hidden = false;
      const shown = filterPage(filters);
      if (none) none.hidden = shown > 0;
      say(countText(shown), announceNow);
      return;
    }
    filterPage({ ...filters, where: '' });
    const mine = ++asked;
    let result;
    try {
      result = await findWhere(filters);
    } catch (error) {
      result = { message: error.message };
    }
    if (mine !== asked) return; // a later search replaced this one
    const shown = showFound(result, filters);
    found.hidden = false;
    listing.hidden = shown >= 0 || !result.message;
    if (none) none.hidden = shown !== 0;
    const text = result.towns ? data.townsMany.replace('{n}', shown).replace('{towns}', result.towns.length)
      : result.message || countText(shown);
    say(text, announceNow);
  }

  // The address may set the filters: ?service=demarches opens the list already filtered.
  const params = new URLSearchParams(location.search);
  for (const name of ['where', 'service', 'language']) {
    const field = fields[name];
    if (field && params.has(name)) {
      field.value = params.get(name);
      if (field.value !== params.get(name)) field.value = ''; // not one of the choices
    }
  }
  if (fields.open) fields.open.checked = params.get('open') === '1';

  // Typing filters at once; a choice in a list or the box counts once it is made.
  form.addEventListener('input', (event) => event.target === fields.where && update(false));
  form.addEventListener('change', (event) => event.target !== fields.where && update(false));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    update(true);
  });
  form.hidden = false;
  update(true);

  // Open or closed changes with the minute.
  const tick = () => {
    update(true);
    setTimeout(tick, 60000 - (Date.now() % 60000));
  };
  setTimeout(tick, 60000 - (Date.now() % 60000));
})();
