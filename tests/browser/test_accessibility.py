"""Accessibility of every page in every language, checked with real tools in
Debian's headless Chromium: axe-core, the Nu HTML Checker (vnu), the
keyboard, a 320 px wide screen, no JavaScript, printing, right-to-left.

Every URL comes from the built site's sitemap.xml (all languages) plus the
not-found page as a reader meets it in each language folder."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from selectolax.lexbor import LexborHTMLParser

from scripts.tools.browser import AXE, DESKTOP, PHONE, VNU, VNU_JAVA_OPTIONS, site_urls
from tests.helpers import ROOT

ARTIFACTS = ROOT / "test-artifacts"

AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]
# No axe rule is disabled. (A rule may be turned off only with its reason
# written here.)
AXE_DISABLED: dict[str, str] = {}


@pytest.fixture(scope="module")
def urls(built_site, served_site) -> list[str]:
    found = site_urls(built_site, served_site)
    assert len(found) > 4, "the sitemap lists no pages"
    return found


def _short(url: str, served_site: str) -> str:
    return "/" + url[len(served_site) :]


def _axe(page) -> list[dict]:
    # axe is in the page through context.add_init_script: an added <script>
    # tag would be refused by the page's Content-Security-Policy, as it should.
    # Only the violations come back to Python: the passes list every element
    # checked, and copying them out of the browser took more than half the time.
    options = {
        "runOnly": {"type": "tag", "values": AXE_TAGS},
        "rules": {r: {"enabled": False} for r in AXE_DISABLED},
        "resultTypes": ["violations"],
    }
    return page.evaluate("options => axe.run(document, options).then(result => result.violations)", options)


LANGUAGES = ["nb", "en", "ar", "so"]  # a test each, so the runs spread over the cores


def _in_language(urls: list[str], served_site: str, locale: str) -> list[str]:
    """The URLs of one language (the default language's have no language folder)."""
    rest = [url[len(served_site) :] for url in urls]
    others = [lang for lang in LANGUAGES if lang != "nb"]
    if locale == "nb":
        return [u for u, r in zip(urls, rest) if r.split("/", 1)[0] not in others]
    return [u for u, r in zip(urls, rest) if r.split("/", 1)[0] == locale]


def test_the_language_list_covers_every_language(site_config):
    assert sorted(LANGUAGES) == sorted(site_config.locales)


@pytest.mark.parametrize("locale", LANGUAGES)
def test_axe_finds_nothing_on_any_page(browser, urls, served_site, locale):
    """Every page of one language, at a desktop and a phone width: one load
    per page, resized in place (the layout follows the width without a
    reload). Each page starts at the width the one before ended at, so no
    resize is spent on a page that is about to be left."""
    context = browser.new_context(viewport=DESKTOP)
    context.add_init_script(path=str(AXE))
    page = context.new_page()
    problems = []
    chosen = _in_language(urls, served_site, locale)
    assert chosen, f"no pages in {locale}"
    widths = [("desktop", DESKTOP), ("phone", PHONE)]
    for url in chosen:
        page.goto(url)
        for name, viewport in widths:
            if page.viewport_size != viewport:
                page.set_viewport_size(viewport)
            for violation in _axe(page):
                targets = ", ".join(
                    " ".join(n["target"]) if isinstance(n["target"][0], str) else str(n["target"])
                    for n in violation["nodes"][:3]
                )
                problems.append(
                    f"{_short(url, served_site)} ({name}): {violation['id']} ({violation['impact']}): "
                    f"{violation['help']} [{targets}]"
                )
        widths.reverse()
    context.close()
    assert not problems, f"{len(problems)} axe violations:\n" + "\n".join(problems)


def test_nu_html_checker_finds_no_errors(built_site):
    java = shutil.which("java")
    assert java, "Java is needed for the Nu HTML Checker (apt-get install default-jre-headless)"
    assert VNU.exists(), "vnu.jar is missing: run `npm ci --ignore-scripts`"
    files = sorted(str(p) for p in built_site.rglob("*.html"))
    proc = subprocess.run(
        [java, *VNU_JAVA_OPTIONS, "-jar", str(VNU), "--errors-only", "--format", "json", *files],
        capture_output=True,
        text=True,
    )
    messages = json.loads(proc.stderr or proc.stdout or '{"messages": []}')["messages"]
    errors = [
        f"{urlsplit(m.get('url', '')).path.replace(str(built_site), '')}:{m.get('lastLine', '?')}: {m['message']}"
        for m in messages
        if m.get("type") == "error"
    ]
    assert not errors, f"{len(errors)} HTML errors:\n" + "\n".join(errors[:60])


def test_no_page_scrolls_sideways_at_320px(browser, urls, served_site):
    """400 % zoom on a 1280 px screen is a 320 CSS px wide page."""
    context = browser.new_context(viewport={"width": 320, "height": 640})
    page = context.new_page()
    wide = []
    for url in urls:
        page.goto(url)
        width = page.evaluate("document.documentElement.scrollWidth")
        if width > 320:
            culprit = page.evaluate(
                """() => { const out = [];
                  for (const el of document.querySelectorAll('body *')) {
                    const r = el.getBoundingClientRect();
                    if (r.width && (r.right > 321 || r.left < -1))
                        out.push(el.tagName.toLowerCase() + '.' + el.className);
                  } return out.slice(0, 3); }"""
            )
            wide.append(f"{_short(url, served_site)}: {width}px wide ({culprit})")
    context.close()
    assert not wide, "\n".join(wide)


def _focus_is_visible(page) -> bool:
    return page.evaluate(
        """() => { const el = document.activeElement; if (!el || el === document.body) return false;
          const s = getComputedStyle(el);
          return (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2) || s.boxShadow !== 'none'; }"""
    )


@pytest.mark.parametrize("path", ["", "ar/"])
def test_skip_link_and_visible_focus(browser, served_site, path):
    context = browser.new_context(viewport=DESKTOP)
    page = context.new_page()
    page.goto(served_site + path + "rettigheter/")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.classList.contains('md-skip')"), (
        "the skip link is not the first Tab stop"
    )
    assert page.locator(".md-skip").is_visible(), "the skip link does not show when focused"
    target = page.get_attribute(".md-skip", "href")
    page.keyboard.press("Enter")
    assert page.evaluate("decodeURIComponent(location.hash)") == target
    # Every Tab stop on the way through the page shows where focus is.
    page.goto(served_site + path + "rettigheter/")
    invisible = []
    for _ in range(40):
        page.keyboard.press("Tab")
        if not _focus_is_visible(page):
            invisible.append(page.evaluate("document.activeElement.outerHTML.slice(0, 120)"))
    context.close()
    assert not invisible, "focus is not visible on:\n" + "\n".join(invisible)


def test_language_links_work_with_the_keyboard(browser, served_site):
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    page.goto(served_site + "rettigheter/")
    for _ in range(60):
        page.keyboard.press("Tab")
        if page.evaluate(
            "document.activeElement.closest('.site-languages') && document.activeElement.hreflang === 'ar'"
        ):
            break
    else:
        pytest.fail("the Arabic language link cannot be reached with Tab")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert urlsplit(page.url).path.endswith("/ar/rettigheter/")
    assert page.evaluate("document.documentElement.lang") == "ar"
    context.close()


# The first heading, the language links and the navigation links on screen,
# in one round trip ("visible" as Playwright means it: a box with a size,
# not visibility: hidden).
VISIBLE_COUNTS_JS = """() => {
  const visible = (el) => {
    const box = el.getBoundingClientRect();
    return box.width > 0 && box.height > 0 && getComputedStyle(el).visibility !== "hidden";
  };
  const count = (selector) => [...document.querySelectorAll(selector)].filter(visible).length;
  const h1 = document.querySelector("h1");
  return [Boolean(h1 && visible(h1)), count(".site-languages a"), count(".md-sidebar--primary .md-nav__link")];
}"""


def test_every_page_works_without_javascript(browser, urls, served_site):
    context = browser.new_context(viewport=DESKTOP, java_script_enabled=False)
    page = context.new_page()
    problems = []
    for url in urls:
        response = page.goto(url)
        short = _short(url, served_site)
        if "finnes-ikke" not in url and response.status != 200:
            problems.append(f"{short}: HTTP {response.status}")
        # Read by the test, not by the page: the page's own scripts stay off.
        heading, languages, navigation = page.evaluate(VISIBLE_COUNTS_JS)
        if not heading:
            problems.append(f"{short}: no visible heading")
        if languages < 2:
            problems.append(f"{short}: language links not visible")
        if "finnes-ikke" not in url and navigation < 3:
            problems.append(f"{short}: navigation not visible")
    # Following a navigation link and a language link loads the page.
    page.goto(served_site)
    with page.expect_navigation():
        page.locator(".md-sidebar--primary a.md-nav__link[href*='rettigheter']").first.click()
    if not urlsplit(page.url).path.endswith("/rettigheter/"):
        problems.append(f"navigation link went to {page.url}")
    with page.expect_navigation():
        page.locator(".site-languages a[hreflang='so']").click()
    if not urlsplit(page.url).path.endswith("/so/rettigheter/"):
        problems.append(f"language link went to {page.url}")
    context.close()
    assert not problems, "\n".join(problems)


def test_print_shows_content_sources_dates_and_urls_without_navigation(browser, served_site):
    context = browser.new_context(viewport=DESKTOP)
    page = context.new_page()
    page.goto(served_site + "arbeid-og-penger/")
    page.emulate_media(media="print")
    assert page.locator("h1").first.is_visible()
    for hidden in (".md-header", ".md-sidebar--primary", ".md-footer", ".site-languages"):
        assert page.locator(hidden).first.is_hidden(), f"{hidden} is printed"
    assert page.locator(".site-sources a").first.is_visible(), "sources are not printed"
    assert page.locator(".site-dates time").first.is_visible(), "review dates are not printed"
    after = page.evaluate(
        "() => { const a = document.querySelector('.md-typeset a[href^=\"http\"]'); "
        "return [a.href, getComputedStyle(a, '::after').content]; }"
    )
    assert after[0] in after[1] or after[1].strip('"').strip(" ()") in after[0], f"link URL not printed: {after}"
    # Collapsed sections ("??? note") print open.
    hidden_details = page.evaluate(
        "() => [...document.querySelectorAll('details:not([open]) > :not(summary)')].filter(e "
        "=> e.getBoundingClientRect().height === 0).length"
    )
    assert hidden_details == 0, f"{hidden_details} collapsed sections are not printed"
    ARTIFACTS.mkdir(exist_ok=True)
    page.pdf(path=str(ARTIFACTS / "print-arbeid-og-penger.pdf"))
    context.close()


# ---- Right-to-left ---------------------------------------------------------

# What must be isolated: Latin letters (names, URLs), a provision ("§ 12-10";
# a lone "§" is fine), digits in groups ("116 117").
_LTR_RUN = re.compile(r"[A-Za-z\u00C0-\u024F]|§[ \u00A0]*\d|\d[ \u00A0]+\d")


def _rtl_pages(site: Path) -> list[Path]:
    pages = []
    for file in sorted(site.rglob("*.html")):
        head = file.read_text(encoding="utf-8")[:600]
        if re.search(r'<html[^>]*dir="rtl"', head):
            pages.append(file)
    return pages


def test_rtl_pages_isolate_numbers_provisions_urls_and_latin_names(built_site):
    """In the built HTML of every right-to-left page, each text run with Latin
    letters, §, a grouped number or a URL sits inside <bdi> or dir="ltr"."""
    pages = _rtl_pages(built_site)
    assert pages, "no right-to-left page was built"
    loose = []
    isolated = 0
    for file in pages:
        tree = LexborHTMLParser(file.read_text(encoding="utf-8"))
        body = tree.body
        for node in body.traverse(include_text=True):
            if node.tag != "-text":
                continue
            text = node.text_content or ""
            if not _LTR_RUN.search(text):
                continue
            parent, safe = node.parent, False
            while parent is not None and parent.tag not in ("body", "html"):
                if parent.tag in (
                    "bdi",
                    "script",
                    "style",
                    "pre",
                    "code",
                    "svg",
                    "title",
                    "kbd",
                    "samp",
                ) or parent.attributes.get("dir") in ("ltr", "auto"):
                    safe = True
                    break
                parent = parent.parent
            if safe:
                isolated += 1
            else:
                loose.append(f"{file.relative_to(built_site)}: {text.strip()[:60]!r}")
    assert not loose, f"{len(loose)} left-to-right runs not isolated:\n" + "\n".join(loose[:40])
    assert isolated, "no isolated run found: the check saw no mixed text"


def test_arabic_pages_are_mirrored(browser, served_site):
    context = browser.new_context(viewport=DESKTOP)
    page = context.new_page()
    page.goto(served_site + "ar/")
    assert page.evaluate("document.documentElement.dir") == "rtl"
    assert page.evaluate("getComputedStyle(document.querySelector('article')).direction") == "rtl"
    # Mirrored: the navigation sidebar is on the right, the content to its left.
    nav = page.locator(".md-sidebar--primary").bounding_box()
    content = page.locator(".md-content").bounding_box()
    assert nav["x"] > content["x"], "the navigation is not on the right"
    context.close()


# ---- Screenshots (test artifacts) -----------------------------------------


def _content_page(built_site: Path, prefix: str) -> str:
    """A translated content page of the language if there is one, else the
    Norwegian fallback of the rights page."""
    folder = built_site / prefix if prefix else built_site
    for candidate in ("arbeid-og-penger", "rettigheter", "tolk"):
        file = folder / candidate / "index.html"
        if file.exists() and "data-pagefind-body" in file.read_text(encoding="utf-8"):
            return prefix + candidate + "/"
    return prefix + "rettigheter/"


def test_screenshots_of_home_and_a_content_page(browser, built_site, served_site, site_config):
    out = ARTIFACTS / "screenshots"
    out.mkdir(parents=True, exist_ok=True)
    taken = []
    for size, viewport in (("phone", PHONE), ("desktop", DESKTOP)):
        context = browser.new_context(viewport=viewport)
        page = context.new_page()
        for lang in site_config.languages:
            prefix = "" if lang.locale == site_config.default_locale else f"{lang.locale}/"
            for name, path in (("home", prefix), ("content", _content_page(built_site, prefix))):
                page.goto(served_site + path)
                target = out / f"{lang.locale}-{name}-{size}.png"
                page.screenshot(path=str(target), full_page=False)
                assert target.stat().st_size > 5000, f"{target} looks empty"
                taken.append(target)
        context.close()
    assert len(taken) == 4 * len(site_config.languages)


def test_menu_opens_and_closes_with_the_keyboard_on_a_phone(browser, served_site):
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    page.goto(served_site + "so/rettigheter/")
    drawer_links = page.locator(".md-sidebar--primary a[href]")
    assert drawer_links.count() > 3
    # While the menu is closed, none of its links can take focus unseen.
    for _ in range(80):
        page.keyboard.press("Tab")
        assert not page.evaluate("!!document.activeElement.closest('.md-sidebar--primary')"), (
            "a link of the closed menu took focus"
        )
        if page.evaluate("document.activeElement.matches('button[data-site-menu]')"):
            break
    else:
        pytest.fail("the menu button cannot be reached with Tab")
    button = page.locator("button[data-site-menu]")
    assert button.get_attribute("aria-label") == "Hagitaan"  # "Navigation", from so.html
    assert button.get_attribute("aria-expanded") == "false"
    page.keyboard.press("Enter")
    assert button.get_attribute("aria-expanded") == "true"
    assert page.evaluate("!!document.activeElement.closest('.md-sidebar--primary')"), "focus did not move into the menu"
    assert page.locator(".md-sidebar--primary a[href]").first.is_visible()
    page.keyboard.press("Escape")
    assert button.get_attribute("aria-expanded") == "false"
    assert page.evaluate("document.activeElement.matches('button[data-site-menu]')"), (
        "focus did not return to the menu button"
    )
    context.close()
