"""Search in the reader's own language (Pagefind), tried in headless Chromium
the way a reader uses it: open the search, type, read the results."""

from __future__ import annotations

import json
import re
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
from selectolax.lexbor import LexborHTMLParser

from scripts.tools.benchmark_reader import QUERIES, SEARCH_BUDGET_BYTES
from scripts.tools.browser import PHONE, SEARCH_DONE, RequestsInFlight, search, search_download


def _lang_dir(site: Path, locale: str, default: str) -> str:
    return "" if locale == default else f"{locale}/"


def _pages(site: Path, prefix: str, locales: list[str]) -> list[Path]:
    """The built content pages of one language (not other languages' folders)."""
    folder = site / prefix if prefix else site
    others = {site / loc for loc in locales if loc} | {site / "pagefind", site / "assets"}
    return sorted(p for p in folder.rglob("index.html") if not any(o in p.parents for o in others if o != folder))


def _translated_pages(site: Path, prefix: str, locales: list[str]) -> list[Path]:
    return [p for p in _pages(site, prefix, locales) if "data-pagefind-body" in p.read_text(encoding="utf-8")]


def _search(page, query: str) -> tuple[str, list[str]]:
    search(page, query, timeout=15000)
    hrefs = page.eval_on_selector_all(".site-search__results a", "links => links.map(a => a.pathname)")
    return page.inner_text(".site-search__status"), hrefs


@pytest.fixture()
def page(browser):
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    errors = []
    page.on("pageerror", lambda error: errors.append(error))
    yield page
    context.close()
    assert not errors, f"JavaScript errors: {errors}"


def test_one_index_per_language_without_fallbacks(built_site, site_config):
    """Each language's index holds exactly its translated pages: a Norwegian
    fallback under /en/, /ar/ or /so/ is not searchable there."""
    entry = json.loads((built_site / "pagefind" / "pagefind-entry.json").read_text(encoding="utf-8"))
    locales = [lang.locale for lang in site_config.languages]
    default = site_config.default_locale
    prefixes = [_lang_dir(built_site, loc, default) for loc in locales]
    for locale, prefix in zip(locales, prefixes):
        translated = _translated_pages(built_site, prefix, [p.rstrip("/") for p in prefixes])
        fallbacks = [
            p
            for p in _pages(built_site, prefix, [p.rstrip("/") for p in prefixes])
            if 'data-notice="missing"' in p.read_text(encoding="utf-8")
        ]
        for fallback in fallbacks:
            assert "data-pagefind-body" not in fallback.read_text(encoding="utf-8"), fallback
        counted = entry["languages"].get(locale, {}).get("page_count", 0)
        assert counted == len(translated), (
            f"{locale}: index has {counted} pages, site has {len(translated)} translated pages"
        )
    assert set(entry["languages"]) <= set(locales), f"index languages {sorted(entry['languages'])} are not the site's"


def test_norwegian_search_finds_inflected_forms(served_site, page):
    page.goto(served_site)
    status, hrefs = _search(page, "pleiepengene")
    assert any(h.endswith("/arbeid-og-penger/") for h in hrefs), (status, hrefs)
    # æ, ø, å: "pårørende" is on every Norwegian page's text.
    status, hrefs = _search(page, "pårørendes")
    assert hrefs, status


def _a_word_from(page_file: Path) -> str:
    """A word of the page's heading, as a reader would type it."""
    tree = LexborHTMLParser(page_file.read_text(encoding="utf-8"))
    h1 = tree.css_first("[data-pagefind-body] h1")
    words = re.findall(r"\w{4,}", h1.text() if h1 else "")
    assert words, f"no heading words in {page_file}"
    return max(words, key=len)


@pytest.mark.parametrize("locale", ["nb", "en", "ar", "so"])
def test_search_stays_in_the_readers_language(built_site, served_site, site_config, page, locale, interface):
    """A word from a translated page finds that page, and every result is in
    the reader's language folder. Labels are the page's language."""
    locales = [lang.locale for lang in site_config.languages]
    if locale not in locales:
        pytest.skip(f"{locale} is not a language of the site")
    default = site_config.default_locale
    prefixes = [_lang_dir(built_site, loc, default).rstrip("/") for loc in locales]
    prefix = _lang_dir(built_site, locale, default)
    translated = _translated_pages(built_site, prefix, prefixes)
    if not translated:
        pytest.skip(f"no page is translated into {locale} yet")
    target = translated[-1]
    word = _a_word_from(target)
    page.goto(served_site + prefix)
    strings = interface.texts(locale)
    assert page.inner_text(".site-search__label") == strings["site.search.label"]
    assert page.get_attribute(".site-search__toggle", "aria-label") == strings["site.search.open"]
    status, hrefs = _search(page, word)
    expected = "/" + target.parent.relative_to(built_site).as_posix() + "/"
    assert any(h.endswith(expected.replace("//", "/")) for h in hrefs), (word, status, hrefs)
    subpath = urlsplit(served_site).path
    for href in hrefs:
        first = href[len(subpath) :].split("/", 1)[0]
        if locale == default:
            assert first not in locales, f"{href} is not a {locale} page"
        else:
            assert first == locale, f"{href} is not a {locale} page"
    # The result count is in this language's words.
    other = re.escape(strings["site.search.other"]).replace(re.escape("#"), r"\d+")
    assert status == strings["site.search.one"] or re.fullmatch(other, status), status
    if locale == "ar":
        assert page.evaluate("getComputedStyle(document.getElementById('site-search')).direction") == "rtl"
        # Short vowels (harakat) typed or not, the same pages are found.
        voweled = "".join(ch + "\u064e" for ch in word)
        assert _search(page, voweled)[1] == hrefs


def test_search_loads_nothing_until_the_reader_searches(served_site, browser):
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    requested = []
    page.on("request", lambda r: requested.append(r.url))
    page.goto(served_site + "arbeid-og-penger/", wait_until="networkidle")
    assert not [u for u in requested if "/pagefind/" in u], "the index loaded before the reader searched"
    assert not [u for u in requested if "site-search.js" in u], "the panel's code loaded before the reader searched"
    with page.expect_request(
        lambda r: "/pagefind/index/" in r.url or "/pagefind/pagefind." in r.url and r.url.endswith(".pf_meta")
    ):
        page.click(".site-search__toggle")
    in_flight = RequestsInFlight(page)
    page.fill("#site-search-input", "NAV")
    page.wait_for_function(SEARCH_DONE, timeout=20000)
    in_flight.wait_until_none()
    # Only the reader's language's index is fetched.
    loaded = [u for u in requested if "/pagefind/" in u]
    assert not [u for u in loaded if re.search(r"/(ar|en|so)_[0-9a-f]+\.pf_", u)], loaded
    context.close()


def test_search_with_the_keyboard_only(served_site, page):
    page.goto(served_site + "ar/")
    page.keyboard.press("Tab")  # the skip link comes first
    for _ in range(30):
        if page.evaluate("document.activeElement.classList.contains('site-search__toggle')"):
            break
        page.keyboard.press("Tab")
    else:
        pytest.fail("the search button cannot be reached with Tab")
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "site-search-input"
    page.keyboard.type("NAV")
    page.wait_for_function(
        "() => document.querySelector('.site-search__status').textContent.length "
        "> 0 && document.querySelector('.site-search__status').textContent"
        " !== document.getElementById('site-search').dataset.loading"
    )
    page.keyboard.press("Escape")
    assert page.locator("#site-search").is_hidden()
    assert page.evaluate("document.activeElement.classList.contains('site-search__toggle')")


def test_without_javascript_there_is_no_search_box(served_site, browser):
    context = browser.new_context(viewport=PHONE, java_script_enabled=False)
    page = context.new_page()
    page.goto(served_site)
    assert page.locator(".site-search__toggle").is_hidden()
    assert page.locator("#site-search").is_hidden()
    context.close()


@pytest.mark.parametrize("locale", ["nb", "en", "ar", "so"])
def test_a_one_word_search_downloads_at_most_the_budget(served_site, browser, site_config, locale):
    """Everything the browser fetches to show a one-word search's results
    (the search panel's script, Pagefind's script, WebAssembly, index, the
    results' text), counted as sent: issue 14's budget, the same as the
    benchmark's."""
    if locale not in [lang.locale for lang in site_config.languages]:
        pytest.skip(f"{locale} is not a language of the site")
    query = QUERIES[locale][0]
    assert " " not in query, f"QUERIES[{locale!r}] must start with a one-word query"
    prefix = "" if locale == site_config.default_locale else f"{locale}/"
    found = search_download(browser, served_site + prefix, query)
    assert found.shown, f"{query!r} found nothing on /{prefix}: {found.status!r}"
    biggest = sorted(found.requests, key=lambda r: -r[1])[:4]
    assert found.bytes <= SEARCH_BUDGET_BYTES, (
        f"/{prefix}: searching {query!r} downloaded {found.bytes / 1024:.1f} KB, budget "
        f"{SEARCH_BUDGET_BYTES // 1024} KB; largest: {[(u.rsplit('/', 1)[-1], b) for u, b in biggest]}"
    )
    assert any(u.endswith("/site-search.js") for u, _ in found.requests), "the panel's script is not counted"
    assert not [u for u in found.requests if "worker" in u[0]], "Pagefind's Web Worker script was loaded"
    # Only this language's WebAssembly (or the one without a stemmer) and index.
    names = [urlsplit(u).path.rsplit("/", 1)[-1] for u, _ in found.requests]
    others = [
        n
        for n in names
        if (n.startswith("wasm.") and n not in (f"wasm.{locale}.pagefind", "wasm.unknown.pagefind"))
        or (".pf_" in n and not re.match(rf"(pagefind\.)?{locale}_", n))
    ]
    assert not others, f"/{prefix}: another language's search files were loaded: {others}"


def test_more_results_by_keyboard(served_site, page, interface):
    """Results come five at a time; "more" is a real button, works with the
    keyboard, puts focus on the first new result and says how many are shown."""
    strings = interface.texts("nb")
    page.goto(served_site)
    status, hrefs = _search(page, "pårørende")  # on every Norwegian page
    total = int(re.search(r"\d+", status).group())
    assert total > 5, status
    assert len(hrefs) == 5, hrefs
    more = page.locator(".site-search__more")
    assert more.is_visible()
    assert more.inner_text() == strings["site.search.more"]
    assert more.evaluate("b => b.tagName") == "BUTTON"
    more.focus()
    page.keyboard.press("Enter")
    page.wait_for_function("() => document.querySelectorAll('.site-search__results li').length > 5")
    shown = page.locator(".site-search__results li").count()
    assert shown == min(10, total)
    # Focus is on the first new result, so the reader reads on from there.
    focused = page.evaluate("document.activeElement.closest('li') && document.activeElement.pathname")
    sixth = page.eval_on_selector(".site-search__results li:nth-child(6) a", "a => a.pathname")
    assert focused == sixth
    # The status (a live region) says how many of how many are shown.
    status = page.inner_text(".site-search__status")
    assert status.endswith(strings["site.search.shown"].replace("#", str(shown))), status
    assert str(total) in status
    # No page is listed twice.
    hrefs = page.eval_on_selector_all(".site-search__results a", "links => links.map(a => a.href)")
    assert len(set(hrefs)) == len(hrefs), hrefs
    while more.is_visible():
        before = page.locator(".site-search__results li").count()
        more.click()
        page.wait_for_function(
            "n => document.querySelectorAll('.site-search__results li').length > n", arg=before, timeout=10000
        )
    assert page.locator(".site-search__results li").count() == total
    # A new search starts again at five.
    page.fill("#site-search-input", "pleiepengene")
    page.wait_for_function("() => document.querySelectorAll('.site-search__results li').length <= 5")
    assert more.is_hidden() == (int(re.search(r"\d+", page.inner_text(".site-search__status")).group()) <= 5)


def test_a_result_names_its_section_as_the_heading_reads(built_site, served_site, page):
    """On Arabic pages the Latin words in headings are isolated (bidi.py); the
    section shown in a result still has them: "الإغاثة المؤقتة (avlastning)",
    not "الإغاثة المؤقتة ()"."""
    page.goto(served_site + "ar/")
    search(page, "الإغاثة", timeout=15000)
    shown = page.eval_on_selector_all(
        ".site-search__results a",
        "links => links.map(a => [a.pathname, a.hash, (a.querySelector('.site-search__section') || {}).textContent])",
    )
    compared = 0
    subpath = urlsplit(served_site).path
    for path, fragment, section in shown:
        if not section or not fragment:
            continue
        tree = LexborHTMLParser((built_site / path[len(subpath) :] / "index.html").read_text(encoding="utf-8"))
        heading = tree.css_first(f'[id="{unquote(fragment[1:])}"]')
        for permalink in heading.css(".headerlink"):
            permalink.decompose()
        assert " ".join(section.split()) == " ".join(heading.text().split()), path + fragment
        compared += 1
    assert compared, f"no result named a section: {shown}"
