"""Issue 13: the site read as a reader would, on a phone (390×844) and at
320 px, in every language, in Debian's headless Chromium.

* 113 and 116 117 are tap-to-call links on every page, and 113 is on the
  first screen of every home page;
* no phone number, § reference, percentage or date is split over two lines;
* "On this page", back to top, the search opening at the matching section,
  the menu button only where it works;
* dates in the reader's language, Norwegian terms marked, one-line
  machine-translation notice, titles in the text colour;
* the offers directory: the county in the address, a message for a county
  without local offers, titles aligned with the page;
* contact by e-mail, print, and a test browser that sends nothing beyond
  the machine.

Screenshots of the four home pages at 390×844 go to
test-artifacts/reader-phone/."""

from __future__ import annotations

import json
import re
import tempfile
import time
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
import yaml
from playwright.sync_api import expect
from selectolax.lexbor import LexborHTMLParser

from scripts.render import reader_html
from scripts.tools.browser import (
    CHROMIUM,
    CHROMIUM_ARGS,
    DESKTOP,
    FULL_BROWSER,
    HEADLESS_SHELL,
    SEARCH_DONE,
    site_urls,
)
from tests.checks.test_urls import make_site
from tests.conftest import TEST_SITE_URL, build_site
from tests.helpers import ROOT

ARTIFACTS = ROOT / "test-artifacts" / "reader-phone"
PHONE_390 = {"width": 390, "height": 844}
NARROW = {"width": 320, "height": 640}
OFFERS_STRINGS = yaml.safe_load((ROOT / "data" / "offers-strings.yml").read_text(encoding="utf-8"))

# Runs that must stay on one line, found in the rendered text whatever the
# HTML around them, plus every tel: link, <time> and .nowrap element.
SPLIT_RUNS_JS = r"""
() => {
  const re = new RegExp([
    "§§?[\\s\\u00A0]*\\d+(?:[-–]\\d+)*(?:[\\s\\u00A0][a-h](?![\\p{L}\\d]))?",
    "\\d+(?:[.,]\\d+)?[\\s\\u00A0]?%",
    "\\d{4}-\\d{2}-\\d{2}",
    "(?<!\\d)\\d{2}[\\s\\u00A0]\\d{2}[\\s\\u00A0]\\d{2}[\\s\\u00A0]\\d{2}(?!\\d)",
    "(?<!\\d)\\d{3}[\\s\\u00A0]\\d{2}[\\s\\u00A0]\\d{3}(?!\\d)",
    "(?<!\\d)116[\\s\\u00A0]\\d{3}(?!\\d)",
  ].join("|"), "gu");
  const lines = (rects) => new Set([...rects].filter(r => r.width > 0.5).map(r => Math.round(r.bottom))).size;
  const out = [];
  const root = document.querySelector("article") || document.body;
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  let node;
  while ((node = walker.nextNode())) {
    const el = node.parentElement;
    if (!el || el.closest("script, style") || !el.getClientRects().length) continue;
    for (const m of node.data.matchAll(re)) {
      const range = document.createRange();
      range.setStart(node, m.index);
      range.setEnd(node, m.index + m[0].length);
      if (lines(range.getClientRects()) > 1) out.push(m[0]);
    }
  }
  for (const el of document.querySelectorAll('a[href^="tel:"], time, .nowrap')) {
    if (lines(el.getClientRects()) > 1) out.push(el.textContent);
  }
  return out;
}
"""


@pytest.fixture(scope="module")
def urls(built_site, served_site) -> list[str]:
    return site_urls(built_site, served_site)


@pytest.fixture(scope="module")
def homes(site_config, served_site) -> dict[str, str]:
    return {
        lang.locale: served_site + ("" if lang.locale == site_config.default_locale else f"{lang.locale}/")
        for lang in site_config.languages
    }


def _short(url: str, served_site: str) -> str:
    return "/" + url[len(served_site) :]


def _html(built_site: Path, path: str) -> LexborHTMLParser:
    return LexborHTMLParser((built_site / path / "index.html").read_text(encoding="utf-8"))


# ---- Emergency numbers and text that must not break --------------------------


# The numbers that have no visible tap-to-call link on the page (visible as
# Playwright means it: a box with a size, not visibility: hidden).
NO_VISIBLE_TEL_JS = """numbers => numbers.filter(number => {
  const link = document.querySelector(`a[href="tel:${number}"]`);
  if (!link) return true;
  const box = link.getBoundingClientRect();
  return !(box.width > 0 && box.height > 0 && getComputedStyle(link).visibility !== "hidden");
})"""


def test_every_page_has_tap_to_call_113_and_116117_and_nothing_breaks(browser, urls, served_site):
    """At 320 px and at 390x844: one load per page, resized in place, each
    page starting at the width the one before ended at."""
    context = browser.new_context(viewport=NARROW)
    page = context.new_page()
    problems = []
    viewports = [NARROW, PHONE_390]
    for url in urls:
        page.goto(url)
        short = _short(url, served_site)
        for viewport in viewports:
            if page.viewport_size != viewport:
                page.set_viewport_size(viewport)
            width = viewport["width"]
            for number in page.evaluate(NO_VISIBLE_TEL_JS, ["113", "116117"]):
                problems.append(f"{short}: no visible tap-to-call link to {number} at {width} px")
            split = page.evaluate(SPLIT_RUNS_JS)
            if split:
                problems.append(f"{short}: on two lines at {width} px: {split[:5]}")
        viewports.reverse()
    context.close()
    assert not problems, "\n".join(problems)


def test_113_is_on_the_first_screen_of_every_home_page(browser, homes):
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    problems = []
    for locale, url in homes.items():
        context = browser.new_context(viewport=PHONE_390)
        page = context.new_page()
        page.goto(url)
        box = page.locator('a[href="tel:113"]').first.bounding_box()
        page.screenshot(path=str(ARTIFACTS / f"{locale}-home-390x844.png"))
        if not box or box["y"] < 0 or box["y"] + box["height"] > PHONE_390["height"]:
            problems.append(f"{locale}: the 113 link is at {box}, outside the first screen")
        # At body-text size, not the small print of a notice box.
        sizes = page.evaluate("""() => [getComputedStyle(document.querySelector('.site-urgent li')).fontSize,
                                        getComputedStyle(document.querySelector('article p:not([class])')).fontSize]""")
        if sizes[0] != sizes[1]:
            problems.append(f"{locale}: the urgent block is {sizes[0]}, the text {sizes[1]}")
        # Not on the first screen only by accident: scrolled to the top.
        if page.evaluate("scrollY") != 0:
            problems.append(f"{locale}: the page opened scrolled")
        context.close()
    assert not problems, "\n".join(problems)


def test_text_phone_numbers_are_links_but_other_numbers_are_not(built_site):
    tree = _html(built_site, "hjelp-i-naerheten")
    targets = {a.attributes["href"] for a in tree.css('article a[href^="tel:"]')}
    assert {"tel:113", "tel:116117", "tel:+4722400040", "tel:+4780040567"} <= targets, targets
    for page in built_site.rglob("index.html"):
        for a in LexborHTMLParser(page.read_text(encoding="utf-8")).css('a[href^="tel:"]'):
            digits = re.sub(r"\D", "", a.text())
            assert digits and a.attributes["href"].endswith(digits[-3:]), f"{page}: {a.html}"
            assert reader_html.phone_target(a.text()) == a.attributes["href"][4:], f"{page}: {a.html}"


# ---- Long pages ----------------------------------------------------------------


def test_on_this_page_and_back_to_top_work_without_javascript(browser, served_site):
    context = browser.new_context(viewport=PHONE_390, java_script_enabled=False)
    page = context.new_page()
    page.goto(served_site + "arbeid-og-penger/")
    assert page.evaluate("document.querySelector('article h1').nextElementSibling.matches('details.site-toc')"), (
        "'On this page' is not right after the title"
    )
    page.click("details.site-toc > summary")
    links = page.locator("details.site-toc a")
    assert links.count() >= 3
    target = links.nth(2).get_attribute("href")
    links.nth(2).click()
    page.wait_for_function("target => decodeURIComponent(location.hash) === target", arg=target, timeout=5000)
    top = page.evaluate(f"document.getElementById({json.dumps(target[1:])}).getBoundingClientRect().top")
    assert 0 <= top < 300, f"the section is at {top}px"
    page.evaluate("window.scrollTo(0, document.body.scrollHeight)")
    page.click(".site-top-link a")
    page.wait_for_function("() => scrollY === 0", timeout=5000)
    context.close()


def test_back_to_top_button_shows_when_scrolling_up(browser, served_site):
    context = browser.new_context(viewport=PHONE_390)
    page = context.new_page()
    page.goto(served_site + "en/arbeid-og-penger/")
    button = page.locator(".md-top")
    # The theme hides it with the hidden attribute (opacity 0, no pointer).
    assert button.evaluate("b => b.hidden")
    page.evaluate("window.scrollTo(0, 4000)")
    page.wait_for_function("() => scrollY > 3000", timeout=5000)
    # A reader's scrolling down has been seen (the script looks once per
    # frame) before they scroll back up: two frames, not a fixed time.
    page.evaluate("() => new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)))")
    page.evaluate("window.scrollTo(0, 3000)")
    # The button shows on the scroll event; waiting for it, not for a fixed time.
    expect(button, "the back-to-top button does not show while scrolling up").not_to_have_attribute("hidden", "")
    assert "Back to top" in button.inner_text()
    button.click()
    page.wait_for_function("() => scrollY === 0", timeout=5000)
    context.close()


def test_menu_button_only_where_the_menu_is_a_drawer(browser, served_site):
    for viewport, shown in ((DESKTOP, False), (PHONE_390, True)):
        context = browser.new_context(viewport=viewport)
        page = context.new_page()
        page.goto(served_site + "en/")
        visible = page.locator('.md-header [data-site-menu], .md-header label[for="__drawer"]').evaluate_all(
            "els => els.filter(e => e.getClientRects().length && getComputedStyle(e).display !== 'none').length"
        )
        assert bool(visible) == shown, f"menu button shown={bool(visible)} at {viewport['width']} px"
        context.close()


def test_search_result_opens_at_the_matching_section(browser, served_site):
    context = browser.new_context(viewport=PHONE_390)
    page = context.new_page()
    page.goto(served_site + "en/")
    page.click(".site-search__toggle")
    page.fill("#site-search-input", "welfare leave")
    page.wait_for_function("() => document.querySelectorAll('.site-search__results a').length > 0", timeout=15000)
    hrefs = page.eval_on_selector_all(".site-search__results a", "links => links.map(a => a.href)")
    with_section = [h for h in hrefs if urlsplit(h).fragment]
    assert with_section, f"no result opens at a section: {hrefs}"
    page.goto(with_section[0])
    fragment = urlsplit(with_section[0]).fragment
    top = page.evaluate(
        f"document.getElementById(decodeURIComponent({json.dumps(fragment)})).getBoundingClientRect().top"
    )
    assert 0 <= top < 300, f"{with_section[0]}: the section is at {top}px"
    context.close()


# ---- Dates, language and terms -----------------------------------------------------


def test_dates_are_written_the_readers_way(built_site, site_config):
    seen = 0
    for lang in site_config.languages:
        prefix = "" if lang.locale == site_config.default_locale else f"{lang.locale}/"
        for path in (prefix, prefix + "hjelp-i-naerheten/"):
            tree = LexborHTMLParser((built_site / path / "index.html").read_text(encoding="utf-8"))
            for time_el in tree.css("time[datetime]"):
                iso = time_el.attributes["datetime"]
                assert time_el.text() == reader_html.format_date(iso, lang.locale) != iso, time_el.html
                assert not re.search("[٠-٩]", time_el.text())
                seen += 1
    assert seen >= 8


def test_norwegian_terms_in_translations_are_marked(built_site, site_config):
    marked = 0
    for locale in site_config.translation_locales:
        for page in (built_site / locale).rglob("index.html"):
            tree = LexborHTMLParser(page.read_text(encoding="utf-8"))
            if not tree.css_first("[data-pagefind-body]"):
                continue
            for em in tree.css("article em"):
                if re.search("[æøåÆØÅ]", em.text()):
                    node, lang = em, None
                    while node is not None and lang is None:
                        lang = node.attributes.get("lang") if node.tag != "html" else None
                        node = node.parent
                    assert lang == "nb", f"{page.relative_to(built_site)}: {em.html}"
                    marked += 1
    assert marked > 10


def test_machine_translation_is_one_line_and_apart_from_the_review_date(browser, homes):
    context = browser.new_context(viewport=PHONE_390)
    page = context.new_page()
    for locale in ("en", "ar", "so"):
        page.goto(homes[locale])
        assert not page.locator('.admonition[data-notice="machine"]').count()
        line = page.locator('.site-notice-line[data-notice="machine"]')
        height, line_height = line.evaluate(
            "n => [n.getBoundingClientRect().height, parseFloat(getComputedStyle(n).lineHeight)]"
        )
        assert height < 1.5 * line_height, (
            f"{locale}: the machine-translation notice takes {height / line_height:.1f} lines"
        )
        assert line.locator("a[hreflang='nb']").count() == 1
        # The content's review date and the translation's status: two facts.
        assert page.locator(".site-dates time").count() >= 1
        assert page.locator('.site-translation[data-translation="machine"] a[hreflang="nb"]').count() == 1
        # Titles have the contrast of body text.
        colours = page.evaluate(
            "[getComputedStyle(document.querySelector('article h1')).color,"
            " getComputedStyle(document.querySelector('article p:not([class])')).color]"
        )
        assert colours[0] == colours[1], f"{locale}: title {colours[0]}, text {colours[1]}"
    context.close()


# ---- The offers directory -------------------------------------------------------------


def test_county_is_in_the_address_and_a_county_without_local_offers_says_so(browser, served_site):
    context = browser.new_context(viewport=PHONE_390)
    page = context.new_page()
    for locale, prefix in (("nb", ""), ("ar", "ar/")):
        page.goto(served_site + prefix + "hjelp-i-naerheten/?fylke=Buskerud")
        assert page.locator("#offers-place").input_value() == "county:Buskerud"
        message = OFFERS_STRINGS[locale]["no_local"].replace("{place}", "Buskerud")
        assert message in page.inner_text(".offers-status")
        links = page.locator(".offers-empty a")
        assert links.count() == 2 and page.locator(".offers-empty").is_visible()
        assert links.nth(0).get_attribute("href") == "#hele-landet"
        assert links.nth(1).get_attribute("href").endswith("hjelp-fra-kommunen/")
        assert page.locator("#hele-landet").is_visible()
    page.select_option("#offers-place", "county:Rogaland")
    assert parse_qs(urlsplit(page.url).query) == {"fylke": ["Rogaland"]}
    assert page.locator(".offers-empty").is_hidden()
    page.select_option("#offers-place", "municipality:Sandnes")
    assert parse_qs(urlsplit(page.url).query) == {"kommune": ["Sandnes"]}
    page.click(".offers-filter button[type=reset]")
    page.wait_for_function("() => !location.search", timeout=5000)
    context.close()


def test_offer_titles_align_with_the_arabic_page(browser, served_site):
    context = browser.new_context(viewport=PHONE_390)
    page = context.new_page()
    page.goto(served_site + "ar/hjelp-i-naerheten/")
    aligns = page.eval_on_selector_all(".offer h4", "hs => hs.map(h => getComputedStyle(h).textAlign)")
    assert aligns and set(aligns) == {"right"}, aligns
    context.close()


# ---- Contact and print ---------------------------------------------------------------


def test_no_mail_link_without_a_configured_address(built_site):
    assert not _html(built_site, "en/rettigheter").css('a[href^="mailto:"]')


@pytest.fixture(scope="module")
def site_with_contact(tmp_path_factory) -> Path:
    """The two-page fixture site (same templates and hooks), built with an address."""
    project = make_site(tmp_path_factory.mktemp("contact"))
    result = build_site(project, project / "site", {"CONTACT_EMAIL": "feil@example.org"})
    assert result.returncode == 0, result.stderr[-2000:]
    return project / "site"


def test_contact_address_gives_a_mail_link_with_the_page_filled_in(site_with_contact):
    tree = _html(site_with_contact, "en/side")
    link = tree.css_first('.site-report a[href^="mailto:"]')
    assert link is not None
    parts = urlsplit(link.attributes["href"])
    assert parts.path == "feil@example.org"
    assert " " not in link.attributes["href"]
    query = parse_qs(parts.query)
    title = tree.css_first("article h1").text().strip()
    assert query["subject"][0].endswith(title)
    assert f"{TEST_SITE_URL}en/side/" in query["body"][0]


def test_print_has_site_name_and_address_and_lets_blocks_break(browser, served_site):
    context = browser.new_context(viewport=DESKTOP)
    page = context.new_page()
    page.goto(served_site + "en/arbeid-og-penger/")
    page.emulate_media(media="print")
    info = page.locator(".site-print-info")
    assert info.is_visible()
    assert f"{TEST_SITE_URL}en/arbeid-og-penger/" in info.inner_text()
    assert "Family carers" in info.inner_text()
    assert page.locator(".site-toc li").first.is_visible(), "'On this page' is not printed open"
    assert page.locator(".site-top-link").is_hidden()
    breaks = page.eval_on_selector_all(
        ".md-typeset .admonition, .md-typeset details", "els => els.map(e => getComputedStyle(e).breakInside)"
    )
    assert breaks and set(breaks) == {"auto"}, breaks
    page.goto(served_site + "ar/arbeid-og-penger/")
    page.emulate_media(media="print")
    after = page.evaluate(
        """() => { const a = document.querySelector('.md-typeset a[href^="http"]');
                   const s = getComputedStyle(a, '::after'); return [s.direction, s.unicodeBidi]; }"""
    )
    assert after == ["ltr", "isolate"], after
    context.close()


# ---- The test browser itself ------------------------------------------------------------


# What the full Chromium 156 asks for on its own soon after it starts (and
# again, with growing pauses, later): the log must show these tried before it
# is read. The headless shell starts none of the services that make them (its
# network log stayed empty for 30 s after start-up on 2026-12-01), so there is
# nothing to wait for.
BACKGROUND_REQUESTS = {
    FULL_BROWSER: ("https://accounts.google.com/", "update.googleapis.com/"),
    HEADLESS_SHELL: (),
}


def _wait_for_background_requests(log: Path, timeout: float = 10.0) -> None:
    """Until the network log, written as the browser goes, shows Chromium's own
    start-up requests (a condition, not a fixed time). A Chromium that no
    longer makes them is waited for `timeout` seconds, and the test goes on."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        text = log.read_text(encoding="utf-8", errors="replace") if log.exists() else ""
        if all(url in text for url in BACKGROUND_REQUESTS[CHROMIUM]):
            return
        time.sleep(0.1)


def test_the_test_browser_sends_nothing_beyond_this_machine(browser, served_site):
    """Chromium's own network log (every request of every process, not only
    the page's) during a page visit: no DNS lookup and no connection to any
    address but 127.0.0.1."""
    log = Path(tempfile.mkdtemp()) / "netlog.json"
    seen_by_page = []
    # A second browser, started the same way as scripts/browser.launch() but
    # writing its network log (Playwright allows one instance per thread, so
    # through the running one's launcher).
    logged = browser.browser_type.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS + [f"--log-net-log={log}"])
    page = logged.new_page()
    page.on("request", lambda r: seen_by_page.append(r.url))
    page.goto(served_site + "en/hjelp-i-naerheten/")
    page.click(".site-search__toggle")
    page.fill("#site-search-input", "legevakt")
    page.wait_for_function(SEARCH_DONE)
    _wait_for_background_requests(log)
    logged.close()
    data = json.loads(log.read_text(encoding="utf-8"))
    names = {v: k for k, v in data["constants"]["logEventTypes"].items()}
    local = re.compile(r"^(?:https?://)?(?:127\.0\.0\.1|localhost|\[::1\])(?::\d+)?(?:/|$)")
    lookups, connections = set(), set()
    udp_probes: dict[int, str] = {}
    udp_sent: set[int] = set()
    for event in data["events"]:
        kind = names.get(event["type"], "")
        params = event.get("params") or {}
        if kind in (
            "DNS_TRANSACTION",
            "HOST_RESOLVER_MANAGER_JOB",
            "HOST_RESOLVER_MANAGER_REQUEST",
            "HOST_RESOLVER_SYSTEM_TASK",
        ):
            host = params.get("hostname") or params.get("host")
            # "~NOTFOUND" is where --host-resolver-rules sends every other
            # host: answered inside the browser, never asked on the network.
            if host and not local.match(str(host)) and "~notfound" not in str(host).lower():
                lookups.add(str(host))
        if kind in ("TCP_CONNECT_ATTEMPT", "QUIC_SESSION"):
            address = params.get("address") or params.get("host")
            if address and not local.match(str(address)):
                connections.add(str(address))
        # Chromium "connects" a UDP socket to a public address to learn
        # whether IPv6 is routable; that sends no packet. Only a UDP socket
        # that sends bytes counts.
        if kind == "UDP_CONNECT" and params.get("address") and not local.match(str(params["address"])):
            udp_probes[event["source"]["id"]] = str(params["address"])
        if kind == "UDP_BYTES_SENT":
            udp_sent.add(event["source"]["id"])
    connections |= {address for source, address in udp_probes.items() if source in udp_sent}
    assert len(data["events"]) > 100, "the network log is empty"
    assert any(local.match(u) for u in seen_by_page)
    assert not [u for u in seen_by_page if not local.match(u) and not u.startswith("data:")]
    assert not lookups, f"the browser looked up other hosts: {sorted(lookups)}"
    assert not connections, f"the browser connected elsewhere: {sorted(connections)}"
