/* The guide (veiviser/) on one page (issue 15).
   Progressive enhancement: without JavaScript the guide is a small tree of
   static pages, one question each (scripts/render/guide.py). This script only
   shows the questions as radio buttons (rendered hidden, with every label in
   the page's language) and shows the items whose rule holds. The rules are
   the same data as the static pages (data-when: a list of conditions, any of
   which may hold; a condition maps questions to the answers that satisfy it).
   The answers are kept in the address (?hvem=barn&arbeid=ansatt), so the
   result can be bookmarked or shared, and nowhere else: no storage, no
   cookies, no requests. On other pages it does nothing. */
(function () {
  "use strict";

  function rule(el) {
    try { return JSON.parse(el.getAttribute("data-when") || "[]"); } catch (e) { return []; }
  }

  function holds(when, answers) {
    if (!when.length) return true;
    return when.some(function (condition) {
      return Object.keys(condition).every(function (question) {
        return condition[question].indexOf(answers[question]) >= 0;
      });
    });
  }

  function setup(root) {
    var app = root.querySelector("[data-guide-app]");
    var status = root.querySelector("[data-guide-status]");
    var results = root.querySelector("[data-guide-results]");
    if (!app || !status || !results) return;
    var questions = Array.prototype.slice.call(app.querySelectorAll("[data-guide-question]"));
    var items = results.querySelectorAll("[data-guide-item]");
    var incomplete = status.textContent;
    var countTemplate = status.getAttribute("data-count") || "{n}";

    function chosen(fieldset) {
      var input = fieldset.querySelector("input:checked");
      return input ? input.value : null;
    }

    // The questions asked for the answers given so far, in order; answers to
    // questions that are no longer asked are cleared.
    function update(fromAddress) {
      var answers = {};
      var complete = true;
      questions.forEach(function (fieldset) {
        var id = fieldset.getAttribute("data-guide-question");
        var asked = complete && holds(rule(fieldset), answers);
        fieldset.hidden = !asked;
        if (!asked) {
          fieldset.querySelectorAll("input").forEach(function (input) { input.checked = false; });
          return;
        }
        var value = chosen(fieldset);
        if (value === null) complete = false;
        else answers[id] = value;
      });
      var shown = 0;
      items.forEach(function (item) {
        var show = complete && holds(rule(item), answers);
        item.hidden = !show;
        if (show && !item.closest("[lang]").matches(".guide-nb")) shown += 1;
      });
      results.hidden = !complete;
      var text = complete ? countTemplate.replace("{n}", String(shown)) : incomplete;
      if (status.textContent !== text) status.textContent = text;
      if (!fromAddress) {
        var params = new URLSearchParams();
        Object.keys(answers).forEach(function (key) { params.set(key, answers[key]); });
        var query = params.toString();
        history.replaceState(null, "", location.pathname + (query ? "?" + query : "") + location.hash);
      }
    }

    // Answers from the address (a bookmark or a shared link).
    var given = new URLSearchParams(location.search);
    questions.forEach(function (fieldset) {
      var value = given.get(fieldset.getAttribute("data-guide-question"));
      if (value === null) return;
      fieldset.querySelectorAll("input").forEach(function (input) {
        if (input.value === value) input.checked = true;
      });
    });

    app.addEventListener("change", function () { update(false); });
    var reset = results.querySelector("[data-guide-reset]");
    if (reset) {
      reset.addEventListener("click", function (event) {
        event.preventDefault();
        app.querySelectorAll("input").forEach(function (input) { input.checked = false; });
        update(false);
        var first = app.querySelector("input");
        if (first) first.focus();
      });
    }
    root.querySelectorAll("[data-guide-nojs]").forEach(function (el) { el.hidden = true; });
    app.hidden = false;
    update(true);
  }

  function start() {
    document.querySelectorAll("[data-guide]").forEach(setup);
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
