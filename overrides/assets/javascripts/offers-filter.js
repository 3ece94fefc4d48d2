/* Filter for the offers directory (page "Hjelp i nærheten").
   Progressive enhancement: the page already lists every offer, grouped by
   county with national offers first. This script only shows the filter form
   (rendered hidden by scripts/render/offers.py, with labels in the page's language)
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
      // A place with no local offer: say so, and point to the national
      // offers and to the municipality, not only a count.
      var local = false;
      groups.forEach(function (group) {
        if (group.getAttribute("data-offers-group") && !group.hidden) local = true;
      });
      var placeName = municipality || county;
      var noLocal = placeName && count && !local && root.getAttribute("data-no-local");
      status.textContent = !count ? text + " " + root.getAttribute("data-no-results")
        : noLocal ? text + " " + root.getAttribute("data-no-local").replace("{place}", placeName) : text;
      links.hidden = !noLocal;
      remember(municipality ? "kommune" : county ? "fylke" : "", placeName);
    }

    // The links shown with the "no local offer" message.
    var links = document.createElement("p");
    links.className = "offers-empty";
    links.hidden = true;
    [["#hele-landet", "data-no-local-national"], [root.getAttribute("data-municipality-href"), "data-no-local-municipality"]]
      .forEach(function (pair, i) {
        if (!pair[0] || !root.getAttribute(pair[1])) return;
        var a = document.createElement("a");
        a.href = pair[0];
        a.textContent = root.getAttribute(pair[1]);
        if (i) links.appendChild(document.createTextNode(" · "));
        links.appendChild(a);
      });
    status.parentNode.insertBefore(links, status.nextSibling);

    // The chosen place is in the address (?fylke=Oslo or ?kommune=Bodø), so a
    // filtered list can be shared and bookmarked.
    function remember(key, value) {
      if (!window.history || !window.history.replaceState || !window.URL) return;
      var url = new URL(window.location.href);
      url.searchParams.delete("fylke");
      url.searchParams.delete("kommune");
      if (key && value) url.searchParams.set(key, value);
      if (url.href !== window.location.href) window.history.replaceState(window.history.state, "", url.href);
    }

    // Opened with ?fylke=... or ?kommune=...: choose that place.
    function fromAddress() {
      if (!window.URL) return;
      var params = new URL(window.location.href).searchParams;
      var wanted = params.get("kommune") ? "municipality:" + params.get("kommune")
        : params.get("fylke") ? "county:" + params.get("fylke") : "";
      if (!wanted) return;
      var select = form.elements.place;
      for (var i = 0; i < select.options.length; i++) {
        if (select.options[i].value === wanted) { select.selectedIndex = i; return; }
      }
    }

    form.addEventListener("change", apply);
    form.addEventListener("submit", function (event) { event.preventDefault(); apply(); });
    // "Show all": the reset event fires before the fields are reset.
    form.addEventListener("reset", function () { window.setTimeout(apply, 0); });
    form.hidden = false;
    status.hidden = false;
    fromAddress();
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
