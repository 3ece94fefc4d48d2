"""Pruning the stylesheet changes nothing a reader sees (scripts/render/css_prune.py).

Each page is shown twice in Debian's headless Chromium, from the same built
site: once as published (the pruned bundle.min.css, the parts of it the page
uses, such as bundle-tables.min.css (scripts/render/css_split.py), minified
offers.css and guide.css) and once with the stylesheets the site had before
pruning (Material's whole main and palette CSS, then site.css, offers.css and
guide.css as written in overrides/, and the parts empty), swapped in by
intercepting the requests. The pages cover every part: admonitions and cards
on the home page, a button on the offers page, a table on the complaints page.
The screenshots must be the same pixel for pixel: at phone and desktop width,
left-to-right and right-to-left, and with the menu open, a link hovered,
focus on the skip link, the language list open, search results shown and
printed. On a difference both screenshots go to test-artifacts/css-unchanged/."""

from __future__ import annotations

from pathlib import Path

import material
import pytest

from scripts.model.stylesheet_parts import PARTS
from scripts.render import css_prune
from scripts.tools.browser import DESKTOP, PHONE, search
from tests.helpers import ROOT

ARTIFACTS = ROOT / "test-artifacts" / "css-unchanged"
OWN_CSS = ROOT / "overrides" / "assets" / "stylesheets"


def _original_bundle() -> str:
    theme = css_prune.theme_files(Path(material.__file__).parent / "templates")
    return "\n".join(p.read_text(encoding="utf-8") for p in theme) + "\n" + (OWN_CSS / "site.css").read_text()


def _open_menu(page):
    page.click("[data-site-menu]")


def _hover_link(page):
    page.locator(".md-sidebar--primary a.md-nav__link[href]:visible").nth(3).hover()


def _focus_skip_link(page):
    page.keyboard.press("Tab")


def _open_languages(page):
    page.hover(".md-select")


def _search(page):
    search(page, "pleiepengene")


# (name, path, viewport, what the reader does first, full page or the first screen)
CASES = [
    ("home-phone", "", PHONE, None, True),
    ("home-desktop", "", DESKTOP, None, True),
    ("ar-home-phone", "ar/", PHONE, None, True),
    ("ar-home-desktop", "ar/", DESKTOP, None, True),
    ("rights-phone", "rettigheter/", PHONE, None, True),
    ("rights-desktop", "rettigheter/", DESKTOP, None, True),
    ("ar-glossary-phone", "ar/ordliste/", PHONE, None, True),
    ("ar-glossary-desktop", "ar/ordliste/", DESKTOP, None, True),
    ("offers-phone", "hjelp-i-naerheten/", PHONE, None, True),
    ("ar-offers-desktop", "ar/hjelp-i-naerheten/", DESKTOP, None, True),
    ("complaints-phone", "klage/", PHONE, None, True),
    ("guide-phone", "veiviser/", PHONE, None, True),
    ("ar-guide-desktop", "ar/veiviser/", DESKTOP, None, True),
    ("guide-step-phone", "veiviser/voksen/", PHONE, None, True),
    ("not-found-phone", "finnes-ikke/", PHONE, None, True),
    ("menu-open-phone", "rettigheter/", PHONE, _open_menu, False),
    ("ar-menu-open-phone", "ar/rettigheter/", PHONE, _open_menu, False),
    ("hover-desktop", "rettigheter/", DESKTOP, _hover_link, False),
    ("focus-phone", "", PHONE, _focus_skip_link, False),
    ("languages-desktop", "en/", DESKTOP, _open_languages, False),
    ("search-phone", "", PHONE, _search, False),
]


def _serve(text: str):
    return lambda route: route.fulfill(body=text, content_type="text/css")


@pytest.fixture(scope="module")
def pages(browser):
    published = browser.new_context()
    original = browser.new_context()
    original.route(f"**/{css_prune.BUNDLE}", _serve(_original_bundle()))
    for part in PARTS:
        original.route(f"**/{part.file}", _serve(""))
    for name in ("offers.css", "guide.css"):
        original.route(f"**/{css_prune.STYLESHEETS}/{name}", _serve((OWN_CSS / name).read_text(encoding="utf-8")))
    yield published.new_page(), original.new_page()
    published.close()
    original.close()


def _shot(page, url: str, viewport: dict, action, full_page: bool, media: str = "screen") -> bytes:
    page.set_viewport_size(viewport)
    page.emulate_media(media=media)
    page.goto(url, wait_until="load")
    page.evaluate("document.fonts.ready.then(() => true)")
    page.mouse.move(0, 0)  # no hover left over from the case before
    if action:
        action(page)
    return page.screenshot(full_page=full_page, animations="disabled")


def test_pages_look_the_same_with_the_pruned_stylesheet(pages, served_site):
    published, original = pages
    cases = [*CASES, ("print", "rettigheter/", PHONE, None, True)]
    different = []
    for name, path, viewport, action, full_page in cases:
        media = "print" if name == "print" else "screen"
        # Under load, Chromium now and then paints a few edge pixels of a
        # rounded border differently in two screenshots of the same page with
        # the same stylesheet. A difference the stylesheet makes is there
        # every time, so a pair that differs is taken again before it counts.
        for _attempt in range(3):
            after = _shot(published, served_site + path, viewport, action, full_page, media)
            before = _shot(original, served_site + path, viewport, action, full_page, media)
            if after == before:
                break
        if after != before:
            ARTIFACTS.mkdir(parents=True, exist_ok=True)
            (ARTIFACTS / f"{name}-pruned.png").write_bytes(after)
            (ARTIFACTS / f"{name}-original.png").write_bytes(before)
            different.append(f"{name} (/{path})")
    assert not different, f"looks different with the pruned stylesheet (screenshots in {ARTIFACTS}): {different}"


def test_the_original_stylesheets_really_are_swapped_in(pages, served_site):
    """The comparison above means something only if the two pages load different CSS."""
    published, original = pages
    sizes = []
    for page in (published, original):
        page.goto(served_site, wait_until="load")
        sizes.append(page.evaluate("[...document.styleSheets].reduce((n, s) => n + s.cssRules.length, 0)"))
    assert sizes[0] < sizes[1] / 2, sizes
