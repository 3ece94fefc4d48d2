// Search panel for partials/site-search.html.
//
// Fetched as a module by the search button's first click (site.js), which
// has already opened the panel. From then on this file opens and closes it.
// Pagefind itself (its script, WebAssembly and this language's index) is
// fetched when this file starts, so a reader who never searches pays nothing.
// Pagefind picks the index from <html lang>, so every language searches its
// own pages only. All words shown come from the panel's data-* attributes,
// which the template fills in the page's language.

const panel = document.getElementById("site-search");
const toggle = document.querySelector(".site-search__toggle");

if (panel && toggle) {
  const input = panel.querySelector(".site-search__input");
  const status = panel.querySelector(".site-search__status");
  const list = panel.querySelector(".site-search__results");
  const close = panel.querySelector(".site-search__close");
  const more = panel.querySelector(".site-search__more");
  const text = panel.dataset;
  // The site's root as an absolute URL: base_url is relative on content
  // pages ("../..") and absolute on the 404 page, and the site may live
  // under a subpath (https://ORG.github.io/REPO/).
  const root = new URL(text.base.replace(/\/?$/, "/"), location.href);
  let pagefind = null;
  let latest = 0;

  // Arabic: the index keeps words as written, and readers may or may not type
  // short vowels (harakat) and tatweel. Dropping them from the query lets
  // "الرعاية" and "الرِّعاية" find the same pages.
  const arabicMarks = /[\u0610-\u061A\u064B-\u065F\u0670\u06D6-\u06ED\u0640]/g;
  const normalise = (q) => q.replace(arabicMarks, "").trim();

  const load = () => {
    if (!pagefind) {
      pagefind = import(new URL("pagefind/pagefind.js", root).href).then(async (api) => {
        // noWorker: Pagefind's Web Worker would be one more 12 KB script for
        // a reader to download, and searching this few pages is quick enough
        // on the page itself.
        await api.options({ baseUrl: root.pathname, noWorker: true });
        await api.init();
        return api;
      });
      pagefind.catch(() => { status.textContent = text.error; pagefind = null; });
    }
    return pagefind;
  };

  const open = () => {
    panel.hidden = false;
    toggle.setAttribute("aria-expanded", "true");
    input.focus();
    load();
  };

  const shut = () => {
    panel.hidden = true;
    toggle.setAttribute("aria-expanded", "false");
    toggle.focus();
  };

  // The section with the most (weighted) matches; the first one on a tie.
  const bestSection = (page) => {
    let best = null;
    let bestScore = 0;
    for (const sub of page.sub_results || []) {
      const weighted = sub.weighted_locations || [];
      const score = weighted.length
        ? weighted.reduce((sum, w) => sum + (w.balanced_score || w.weight || 1), 0)
        : (sub.locations || []).length;
      if (score > bestScore) {
        best = sub;
        bestScore = score;
      }
    }
    return best;
  };

  const count = (n) => (n === 0 ? text.none : n === 1 ? text.one : text.other.replace("#", String(n)));

  const item = (page) => {
    // Open the page at the section that matched best (Pagefind splits each
    // page at its headings with an id), not at the top.
    const section = bestSection(page);
    const li = document.createElement("li");
    const link = document.createElement("a");
    link.href = section ? section.url : page.url;
    link.textContent = page.meta.title;
    if (section && section.title && section.title !== page.meta.title) {
      const where = document.createElement("span");
      where.className = "site-search__section";
      where.textContent = section.title;
      link.append(" › ", where);
    }
    const excerpt = document.createElement("p");
    // Pagefind escapes the page text and adds only <mark> around matches.
    excerpt.innerHTML = section ? section.excerpt : page.excerpt;
    li.append(link, excerpt);
    return li;
  };

  // Results are shown PAGE_SIZE at a time: each one shown downloads that
  // page's text from the index (2-8 KB), so a search downloads only what the
  // reader sees, and the "more" button fetches the next ones.
  const PAGE_SIZE = 5;
  let found = [];
  let fetching = false;

  // The next results after those shown; null if the reader has typed since.
  const showMore = async (ticket) => {
    const next = found.slice(list.children.length, list.children.length + PAGE_SIZE);
    const pages = await Promise.all(next.map((r) => r.data()));
    if (ticket !== latest) return null;
    const items = pages.map(item);
    list.append(...items);
    more.hidden = list.children.length >= found.length;
    return items;
  };

  const show = async () => {
    const query = normalise(input.value);
    const ticket = ++latest;
    if (!query) {
      status.textContent = "";
      list.replaceChildren();
      more.hidden = true;
      return;
    }
    status.textContent = text.loading;
    let api;
    try {
      api = await load();
    } catch {
      return;
    }
    const search = await api.search(query);
    if (ticket !== latest) return; // the reader has typed more since
    found = search.results;
    list.replaceChildren();
    if ((await showMore(ticket)) === null) return;
    status.textContent = count(found.length);
  };

  // "More results": the new results are added below, focus moves to the
  // first of them (the button may be gone), and the status says how many
  // are shown now.
  const onMore = async () => {
    if (fetching) return;
    fetching = true;
    try {
      const items = await showMore(latest);
      if (items && items.length) {
        items[0].querySelector("a").focus();
        status.textContent = `${count(found.length)} ${text.shown.replace("#", String(list.children.length))}`;
      }
    } finally {
      fetching = false;
    }
  };

  let timer;
  toggle.addEventListener("click", () => (panel.hidden ? open() : shut()));
  input.addEventListener("focus", load);
  input.addEventListener("input", () => {
    clearTimeout(timer);
    timer = setTimeout(show, 150);
  });
  panel.querySelector("form").addEventListener("submit", (event) => {
    event.preventDefault();
    clearTimeout(timer);
    show();
  });
  close.addEventListener("click", shut);
  more.addEventListener("click", onMore);
  panel.addEventListener("keydown", (event) => {
    if (event.key === "Escape") shut();
  });

  // The first click opened the panel before this file arrived: fetch
  // Pagefind now, and search for what the reader typed in the meantime.
  load();
  if (!panel.hidden && input.value) show();
}
