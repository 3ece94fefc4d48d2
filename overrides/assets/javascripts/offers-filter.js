/* Filter for the offers directory (page "Hjelp i nærheten").
   Progressive enhancement: the page already lists every offer, grouped by
   county with national offers first. This script only shows the filter form
   (rendered hidden by scripts/offers.py, with labels in the page's language)
   and hides the offers that do not match. On other pages it does nothing. */
(function () {
  "use strict";

  function list(el, name) {
    try { return JSON.parse(el.getAttribute(name) || "[]"); } catch (e) { return []; }
  }

  function setup(root) {
    var form = root.querySelector("[data-offers-filter]");
    var status = root.querySelector("[data-offers-status]");
    if (!form || !status) return;
    var groups = root.querySelectorAll("[data-offers-group]");
    var items = root.querySelectorAll("[data-offer]");
    var all = {};
    items.forEach(function (item) { all[item.getAttribute("data-offer")] = true; });
    var total = Object.keys(all).length;

    function matches(item, groupCounty, county, municipality, audience, language) {
      // Place: national offers always apply; a county's offers apply to the
      // chosen county, and to a chosen municipality when they serve the whole
      // county or name that municipality.
      if (county && groupCounty && groupCounty !== county) return false;
      if (municipality && groupCounty &&
          list(item, "data-counties").indexOf(county) < 0 &&
          list(item, "data-municipalities").indexOf(municipality) < 0) return false;
      if (audience) {
        var who = list(item, "data-audience");
        if (who.indexOf(audience) < 0 && who.indexOf("everyone") < 0) return false;
      }
      if (language === "interpreter") return item.getAttribute("data-interpreter") === "true";
      return !language || list(item, "data-languages").indexOf(language) >= 0;
    }

    function apply() {
      var place = form.elements.place.value.split(":");
      var municipality = place[0] === "municipality" ? place.slice(1).join(":") : "";
      var county = place[0] === "county" ? place.slice(1).join(":") : "";
      if (municipality) {
        var option = form.elements.place.selectedOptions[0];
        county = option && option.parentNode.label ? option.parentNode.label : "";
      }
      var audience = form.elements.audience.value;
      var language = form.elements.language.value;
      var shown = {};
      groups.forEach(function (group) {
        var groupCounty = group.getAttribute("data-offers-group");
        var any = false;
        group.querySelectorAll("[data-offer]").forEach(function (item) {
          var ok = matches(item, groupCounty, county, municipality, audience, language);
          item.hidden = !ok;
          if (ok) { any = true; shown[item.getAttribute("data-offer")] = true; }
        });
        group.hidden = !any;
      });
      var count = Object.keys(shown).length;
      var text = root.getAttribute("data-count-template")
        .replace("{shown}", String(count)).replace("{total}", String(total));
      status.textContent = count ? text : text + " " + root.getAttribute("data-no-results");
    }

    form.addEventListener("change", apply);
    form.addEventListener("submit", function (event) { event.preventDefault(); apply(); });
    // "Show all": the reset event fires before the fields are reset.
    form.addEventListener("reset", function () { window.setTimeout(apply, 0); });
    form.hidden = false;
    status.hidden = false;
    apply();
  }

  function init() {
    document.querySelectorAll("[data-offers]").forEach(setup);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
