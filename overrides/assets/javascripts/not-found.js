// The not-found page: put the message in the language of the address first
// (overrides/404.html; GitHub Pages serves one 404.html for every language).
(function () {
  var box = document.querySelector(".site-404");
  var base = box.getAttribute("data-base") || "/";
  var rest = location.pathname.indexOf(base) === 0 ? location.pathname.slice(base.length) : "";
  var sections = box.querySelectorAll(".site-404__lang");
  for (var i = 0; i < sections.length; i++) {
    var s = sections[i], p = s.getAttribute("data-path");
    if (p && rest.indexOf(p) === 0 && i > 0) {
      var first = sections[0], h1 = first.querySelector("h1"), h2 = s.querySelector("h2");
      var a = document.createElement("h2"); a.textContent = h1.textContent; first.replaceChild(a, h1);
      var b = document.createElement("h1"); b.textContent = h2.textContent; s.replaceChild(b, h2);
      box.insertBefore(s, first);
      document.documentElement.lang = s.lang; document.documentElement.dir = s.dir;
      break;
    }
  }
})();
