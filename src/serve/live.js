// parcours preview: reloads the page when the site changes, keeping the scroll position,
// and shows build errors over the page until they are fixed. Only served by `parcours serve`.
(() => {
  "use strict";
  const key = "parcours-scroll:" + location.pathname;
  const saved = sessionStorage.getItem(key);
  if (saved !== null) {
    sessionStorage.removeItem(key);
    window.scrollTo(0, Number(saved));
  }
  let overlay = null;
  const hide = () => {
    if (overlay) overlay.remove();
    overlay = null;
  };
  const show = (problems) => {
    hide();
    overlay = document.createElement("div");
    overlay.setAttribute("role", "alertdialog");
    overlay.setAttribute("aria-modal", "false");
    overlay.setAttribute("aria-labelledby", "parcours-problems-title");
    overlay.style.cssText =
      "position:fixed;inset:0;z-index:2147483647;overflow:auto;background:rgba(20,20,20,.92);" +
      "color:#fff;font:16px/1.5 ui-monospace,monospace;padding:1.5rem";
    const title = document.createElement("h2");
    title.id = "parcours-problems-title";
    title.textContent = "parcours: the site has " + problems.length + " error(s); the last good version is shown";
    title.style.cssText = "font:bold 1.25rem/1.3 system-ui,sans-serif;margin:0 0 1rem;color:#ffbf47";
    overlay.append(title);
    for (const problem of problems) {
      const pre = document.createElement("pre");
      pre.textContent = problem;
      pre.style.cssText = "white-space:pre-wrap;margin:0 0 1rem;padding:1rem;background:#000;border-left:6px solid #ff6b5b";
      overlay.append(pre);
    }
    const close = document.createElement("button");
    close.type = "button";
    close.textContent = "Close";
    close.style.cssText = "font:inherit;padding:.5rem 1rem;min-height:44px";
    close.addEventListener("click", hide);
    overlay.append(close);
    document.body.append(overlay);
  };
  const events = new EventSource("/__parcours/events");
  events.addEventListener("reload", () => {
    sessionStorage.setItem(key, String(window.scrollY));
    location.reload();
  });
  events.addEventListener("problems", (event) => show(JSON.parse(event.data)));
})();
