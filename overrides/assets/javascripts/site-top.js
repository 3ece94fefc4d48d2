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
