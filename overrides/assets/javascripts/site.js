/* The site's small script for every page (mkdocs.yml, extra_javascript):
   one file, so a page asks for one script, not three. Each part only adds
   to what already works without JavaScript. */

/* The menu button on narrow screens is a <label> for a hidden checkbox: it
   works by touch and mouse without JavaScript, but the keyboard cannot reach
   it. With JavaScript, put a real <button> in its place, named after the
   navigation and telling whether the menu is open; Escape closes the menu. */
(function () {
  var toggle = document.getElementById("__drawer");
  var label = document.querySelector('.md-header label[for="__drawer"]');
  var nav = document.querySelector(".md-nav--primary");
  if (!toggle || !label) return;
  var button = document.createElement("button");
  button.type = "button";
  button.className = label.className;
  button.setAttribute("data-site-menu", "");
  button.innerHTML = label.innerHTML;
  if (nav && nav.getAttribute("aria-label")) button.setAttribute("aria-label", nav.getAttribute("aria-label"));
  label.parentNode.insertBefore(button, label);
  label.style.display = "none";

  function sync() { button.setAttribute("aria-expanded", toggle.checked ? "true" : "false"); }
  function set(open) {
    toggle.checked = open;
    sync();
  }
  sync();
  toggle.addEventListener("change", sync);
  button.addEventListener("click", function () {
    set(!toggle.checked);
    var first = nav && nav.querySelector("a[href]");
    if (toggle.checked && first) first.focus();
  });
  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape" && toggle.checked) {
      set(false);
      button.focus();
    }
  });
})();

/* "Back to top" for long pages, without Material's JavaScript bundle.
   Every page already ends with a plain link to #top (overrides/main.html),
   which works without JavaScript. This only shows the theme's floating
   button (navigation.top in mkdocs.yml) while the reader scrolls back up a
   long page, and moves focus to the top with it. */
(function () {
  "use strict";
  var button = document.querySelector(".md-top");
  if (!button || !window.addEventListener) return;
  var last = window.scrollY;
  var ticking = false;
  function update() {
    var y = window.scrollY;
    // Shown while scrolling up, more than a screen below the top.
    button.hidden = !(y < last && y > window.innerHeight);
    last = y;
    ticking = false;
  }
  window.addEventListener("scroll", function () {
    if (!ticking) { ticking = true; window.requestAnimationFrame(update); }
  }, { passive: true });
  button.addEventListener("click", function () {
    window.scrollTo(0, 0);
    button.hidden = true;
    // Keyboard users start again at the top: the skip link is next.
    var skip = document.querySelector(".md-skip");
    if (skip) { skip.setAttribute("tabindex", "-1"); skip.focus({ preventScroll: true }); skip.removeAttribute("tabindex"); }
  });
})();

/* The search button (partials/site-search-button.html). The search panel's
   own code (site-search.js, 1.4 KB gzip) is fetched on the first click, not
   with every page: most readers never search. The click opens the panel at
   once, so the reader can start typing while the code arrives; the code
   then searches for what is already typed. Only for browsers that run
   module scripts, as the button itself. */
(function () {
  var toggle = document.querySelector(".site-search__toggle");
  var panel = document.getElementById("site-search");
  if (!toggle || !panel || !("noModule" in HTMLScriptElement.prototype)) return;
  toggle.addEventListener("click", function () {
    panel.hidden = false;
    toggle.setAttribute("aria-expanded", "true");
    panel.querySelector(".site-search__input").focus();
    var script = document.createElement("script");
    script.type = "module";
    script.src = panel.getAttribute("data-script");
    document.head.appendChild(script);
  }, { once: true });
})();
