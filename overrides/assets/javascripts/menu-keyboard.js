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
