// The one door to the data files that scripts read (the search index, the directory's data):
// `parcoursLoad(url, fresh)` gives a file's bytes. On the web, it fetches the file. Opened from
// a folder or a USB stick (file://, or an Android file viewer's content://), browsers refuse
// fetch; a portable site has beside each data file a script, FILE.js, that hands its bytes
// (base64) to `parcoursData`, and a script tag loads it.
(() => {
  'use strict';
  const waiting = new Map();

  /** Called by each data script with its own element and its file's bytes. */
  window.parcoursData = (script, base64) => waiting.get(script)?.(base64);

  const bytesOf = (base64) => Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));

  /** The bytes of a data file, from its script twin. */
  const fromScript = (url) => new Promise((resolve, reject) => {
    const script = document.createElement('script');
    const file = new URL(url, location.href);
    file.search = '';
    script.src = `${file.href}.js`;
    let given = null;
    waiting.set(script, (base64) => { given = base64; });
    const done = () => {
      waiting.delete(script);
      script.remove();
      if (given === null) reject(new Error(`${url}: no data`)); else resolve(bytesOf(given));
    };
    script.addEventListener('load', done);
    script.addEventListener('error', done);
    document.head.append(script);
  });

  /** The bytes of the file at url; `fresh` asks past the browser's cache. */
  window.parcoursLoad = async (url, fresh) => {
    if (!/^https?:$/.test(location.protocol)) return fromScript(url);
    const response = await fetch(url, fresh ? { cache: 'no-cache' } : {});
    if (!response.ok) throw new Error(`${url}: ${response.status}`);
    return new Uint8Array(await response.arrayBuffer());
  };
})();
