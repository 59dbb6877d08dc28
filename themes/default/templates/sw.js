// Offline reading (site.yaml: `offline: true`): every page, worksheet and file a reader opens
// is kept, so that the site keeps working without a connection. Online, the network always
// answers first, so readers never see an old version.
const CACHE = {{ ("parcours " ~ abs_url("")) | tojson }};
const CORE = ["parcours.css", "favicon.svg"{% if site.search %}, "load.js", "search.js"{% endif %}{% for l in site.languages %}, {{ l.home | tojson }}{% endfor %}];
const OFFLINE = {
{%- for l in site.languages %}
  {{ l.code | tojson }}: {{ strings_by_language[l.code].offline | tojson }},
{%- endfor %}
};

self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(CORE)).then(() => self.skipWaiting()));
});

self.addEventListener('activate', (event) => event.waitUntil(self.clients.claim()));

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET' || new URL(request.url).origin !== location.origin) return;
  // Event streams (the preview server's live reload) never end: leave them to the network.
  if ((request.headers.get('accept') || '').includes('text/event-stream')) return;
  event.respondWith(fromNetwork(request).catch(() => fromCache(request)));
});

async function fromNetwork(request) {
  const response = await fetch(request);
  if (response.ok) {
    const copy = response.clone();
    caches.open(CACHE).then((cache) => cache.put(request, copy));
  }
  return response;
}

async function fromCache(request) {
  const navigating = request.mode === 'navigate';
  const cached = await caches.match(request, { ignoreSearch: navigating });
  if (cached) return cached;
  if (!navigating) return Response.error();
  return new Response(offlinePage(request.url), { headers: { 'content-type': 'text/html; charset=utf-8' } });
}

/** The page shown for a page never opened before, in the language of its address. */
function offlinePage(url) {
  const scope = self.registration.scope;
  const lang = url.slice(scope.length).split('/')[0];
  const code = lang in OFFLINE ? lang : Object.keys(OFFLINE)[0];
  const t = OFFLINE[code];
  const text = (s) => s.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);
  return `<!doctype html><html lang="${code}"><head><meta charset="utf-8">` +
    `<meta name="viewport" content="width=device-width, initial-scale=1"><title>${text(t.title)}</title>` +
    `<link rel="stylesheet" href="${scope}parcours.css"></head><body><main class="wrap">` +
    `<h1>${text(t.title)}</h1><p>${text(t.text)}</p><p><a href="${scope}${code}/">${text(t.home)}</a></p>` +
    '</main></body></html>';
}
