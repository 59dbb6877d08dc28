// Directory of help places: the filter form above the list (postcode or town, service,
// language, open now), kept in the address (?where=&service=&language=&open=1) so that a
// course can link to the list already filtered; and on each place, whether it is open now
// in its own time zone, refreshed every minute. Without JavaScript the whole list shows.
(() => {
  'use strict';
  const form = document.getElementById('place-filters');
  if (!form) return;

  const DAYS = { Mon: 0, Tue: 1, Wed: 2, Thu: 3, Fri: 4, Sat: 5, Sun: 6 };
  const count = document.getElementById('place-count');
  const none = document.getElementById('place-none');
  const sections = [...document.querySelectorAll('.place-city')];
  const fields = form.elements;

  /** Lower case, without accents, spaces or hyphens: "Saint-Gilles" and "saint  gilles" meet. */
  const fold = (text) => text.toLowerCase().normalize('NFD').replace(/[^\p{L}\p{N}]/gu, '');
  const words = (text) => new Set((text || '').split(/\s+/));

  const cards = [...document.querySelectorAll('.place-card')].map((card) => {
    let hours = [];
    try {
      hours = JSON.parse(card.dataset.hours || '[]');
    } catch {
      // unreadable hours: never shown as open
    }
    const section = card.closest('.place-city');
    return {
      card,
      status: card.querySelector('.place-status'),
      postcode: card.dataset.postcode || '',
      cities: [fold(card.dataset.city || ''), fold(section?.querySelector('h2')?.textContent || '')],
      services: words(card.dataset.services),
      languages: words(card.dataset.languages),
      hours,
      tz: card.dataset.tz,
    };
  });

  /** The day (0 = Monday) and minutes since midnight now in each time zone, asked once. */
  function clock() {
    const now = new Date();
    const zones = new Map();
    return (tz) => {
      if (!zones.has(tz)) {
        let at = null;
        try {
          const parts = {};
          new Intl.DateTimeFormat('en-US', {
            timeZone: tz, weekday: 'short', hour: 'numeric', minute: 'numeric', hourCycle: 'h23',
          }).formatToParts(now).forEach(({ type, value }) => { parts[type] = value; });
          at = { day: DAYS[parts.weekday], minutes: (parts.hour % 24) * 60 + Number(parts.minute) };
        } catch {
          // unknown time zone: open or closed cannot be told
        }
        zones.set(tz, at);
      }
      return zones.get(tz);
    };
  }

  /** Minutes since the start of today until the place closes, or -1 when it is closed now. */
  function openUntil(place, at) {
    if (!at) return -1;
    const opening = (day, from) => place.hours.find(([d, opens, closes]) => d === day && opens <= from && from < closes);
    let span = opening(at.day, at.minutes);
    if (!span) return -1;
    // Opening times that follow one another, even past midnight, make one opening.
    let until = span[2];
    for (let n = 0; n < 7 && (span = opening((at.day + Math.floor(until / 1440)) % 7, until % 1440)); n++) {
      until += span[2] - until % 1440;
    }
    return until;
  }

  const time = (minutes) => {
    const pad = (n) => String(n).padStart(2, '0');
    return `${pad(Math.floor(minutes / 60) % 24)}:${pad(minutes % 60)}`;
  };

  /** The chosen filters, from the form. */
  function chosen() {
    return {
      where: fields.where?.value || '',
      service: fields.service?.value || '',
      language: fields.language?.value || '',
      open: fields.open?.checked ? '1' : '',
    };
  }

  let announced = null;
  let timer;

  /** Shows the places that match, hides the towns left without any, and says how many. */
  function update(announceNow) {
    const filters = chosen();
    const at = clock();
    const where = fold(filters.where);
    const postcode = /^\p{N}+$/u.test(where);
    let shown = 0;
    for (const place of cards) {
      const until = openUntil(place, at(place.tz));
      if (place.status) {
        place.status.textContent = until < 0 ? form.dataset.closed : form.dataset.openUntil.replace('{time}', time(until));
        place.status.classList.toggle('is-open', until >= 0);
        place.status.classList.toggle('is-closed', until < 0);
        place.status.hidden = false;
      }
      const match = (!where || (postcode ? place.postcode.startsWith(where) : place.cities.some((c) => c.includes(where))))
        && (!filters.service || place.services.has(filters.service))
        && (!filters.language || place.languages.has(filters.language))
        && (!filters.open || until >= 0);
      place.card.hidden = !match;
      if (match) shown++;
    }
    for (const section of sections) section.hidden = !section.querySelector('.place-card:not([hidden])');
    if (none) none.hidden = shown > 0;

    const params = new URLSearchParams();
    Object.entries(filters).forEach(([name, value]) => value.trim() && params.set(name, value.trim()));
    const search = params.toString();
    history.replaceState(history.state, '', (search ? `?${search}` : location.pathname) + location.hash);

    // A live region: said once the reader stops typing, and only when the number changes.
    const say = () => {
      if (shown === announced) return;
      announced = shown;
      const data = form.dataset;
      const text = shown === 1 ? data.countOne : (shown === 0 && data.countNone) || data.countMany;
      count.textContent = (text || '').replace('{n}', shown);
    };
    clearTimeout(timer);
    if (announceNow) say(); else timer = setTimeout(say, 300);
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
