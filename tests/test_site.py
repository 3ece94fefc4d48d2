"""The four-language site as a reader meets it, checked in the real build."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest
from selectolax.lexbor import LexborHTMLParser

from scripts.checks import third_party
from scripts.model.interface import parse as parse_interface
from tests.conftest import SUBPATH, html_pages
from tests.helpers import model


def strings(path: Path) -> dict[str, str]:
    return parse_interface(path).texts


MATERIAL_STRINGS = Path(__import__("material").__file__).parent / "templates" / "partials" / "languages"


def parse(path: Path) -> LexborHTMLParser:
    return LexborHTMLParser(path.read_text(encoding="utf-8"))


def language_of(site_dir: Path, page: Path, site_config) -> str:
    first = page.relative_to(site_dir).parts[0]
    return first if first in site_config.translation_locales else site_config.default_locale


def content_pages(site_dir: Path) -> list[Path]:
    """Every page of the site (not the small pages at old addresses, data/redirects.yml)."""
    return [
        p
        for p in html_pages(site_dir)
        if p.name == "index.html" and 'http-equiv="refresh"' not in p.read_text(encoding="utf-8")
    ]


def test_every_language_is_built_with_every_page(built_site, site_config):
    nb_pages = {
        p.relative_to(built_site) for p in content_pages(built_site) if language_of(built_site, p, site_config) == "nb"
    }
    assert len(nb_pages) >= 12
    for locale in site_config.translation_locales:
        built = {p.relative_to(built_site / locale) for p in content_pages(built_site / locale)}
        assert nb_pages <= built, f"{locale}: pages missing: {sorted(map(str, nb_pages - built))}"


def test_each_page_has_its_language_and_direction(built_site, site_config, interface):
    for page in content_pages(built_site):
        locale = language_of(built_site, page, site_config)
        html = parse(page).css_first("html")
        assert html.attributes.get("lang") == locale, page
        direction = interface.direction(locale)
        assert html.attributes.get("dir") == direction, page
        assert parse(page).css_first("body").attributes.get("dir") == direction, page


def test_arabic_pages_are_right_to_left(built_site):
    pages = content_pages(built_site / "ar")
    assert pages
    for page in pages:
        assert parse(page).css_first("html").attributes["dir"] == "rtl", page


def _chrome_texts(tree: LexborHTMLParser) -> list[str]:
    """Interface text outside the page content: labels, titles, placeholders,
    and the visible text of header, navigation, footer and skip link."""
    for article in tree.css("article"):
        article.decompose()
    texts = []
    for node in tree.css("[aria-label], [title], [placeholder]"):
        for attr in ("aria-label", "title", "placeholder"):
            if node.attributes.get(attr):
                texts.append(node.attributes[attr])
    for node in tree.css("header, nav, footer, .md-skip, .md-top, label, button"):
        texts.append(node.text(separator=" "))
    return texts


# English interface words that are also right in these languages.
SAME_IN = {"nb": {"Metadata"}, "so": set()}


@pytest.mark.parametrize("locale", ["so", "nb"])
def test_no_english_interface_label_left(built_site, site_config, locale):
    english = strings(MATERIAL_STRINGS / "en.html")
    leftovers = {
        value
        for key, value in english.items()
        if len(value) > 3
        and not key.startswith(("search.config", "language", "direction"))
        and value not in SAME_IN[locale]
    }
    site = built_site if locale == "nb" else built_site / locale
    pages = [
        p
        for p in html_pages(site)
        if locale != "nb" or p.relative_to(built_site).parts[0] not in site_config.translation_locales
    ]
    assert pages
    for page in pages:
        for text in _chrome_texts(parse(page)):
            for word in leftovers:
                assert not re.search(rf"(?<!\w){re.escape(word)}(?!\w)", text), (
                    f"{page}: English label {word!r} in {text!r}"
                )


def test_interface_strings_are_translated_in_every_language(site_config, interface):
    keys = set(strings(MATERIAL_STRINGS / "en.html"))
    for lang in site_config.languages:
        ours = interface.texts(lang.locale)
        assert keys <= set(ours), f"{lang.locale}: missing {sorted(keys - set(ours))}"
        assert ours["language"] == lang.locale


def test_language_links_lead_to_the_same_page_in_every_language(built_site, site_config):
    locales = [lang.locale for lang in site_config.languages]
    names = {lang.locale: lang.name for lang in site_config.languages}
    for page in content_pages(built_site):
        locale = language_of(built_site, page, site_config)
        rel = page.relative_to(built_site if locale == site_config.default_locale else built_site / locale)
        tree = parse(page)
        links = tree.css("nav.site-languages a")
        assert [a.attributes["hreflang"] for a in links] == locales, page
        for a in links:
            target_locale = a.attributes["hreflang"]
            assert a.text(strip=True) == names[target_locale]
            assert a.attributes["lang"] == target_locale
            resolved = urlsplit(
                urljoin(f"https://example.org{SUBPATH}{page.relative_to(built_site).as_posix()}", a.attributes["href"])
            ).path
            base = SUBPATH if target_locale == site_config.default_locale else f"{SUBPATH}{target_locale}/"
            expected = base + rel.as_posix().removesuffix("index.html")
            assert resolved == expected, f"{page}: {target_locale} link goes to {resolved}, not {expected}"
        # Material's own language selector agrees.
        selector = [a.attributes["hreflang"] for a in tree.css("a.md-select__link")]
        assert selector == locales, page


def test_home_pages_link_all_languages_in_their_own_script(built_site, site_config):
    for lang in site_config.languages:
        home = built_site / "index.html" if lang.default else built_site / lang.locale / "index.html"
        shown = [a.text(strip=True) for a in parse(home).css("nav.site-languages a")]
        assert shown == [other.name for other in site_config.languages]
        assert {"Norsk", "English", "العربية", "Soomaali"} <= set(shown)


def test_not_found_page_speaks_each_language(built_site, site_config, interface):
    titles = {lang.locale: interface.texts(lang.locale)["site.404.title"] for lang in site_config.languages}
    for lang in site_config.languages:
        page = built_site / "404.html" if lang.default else built_site / lang.locale / "404.html"
        tree = parse(page)
        assert tree.css_first("html").attributes["lang"] == lang.locale
        assert tree.css_first("h1").text(strip=True) == titles[lang.locale]
        # Every language's message is there too, each marked with its language,
        # because GitHub Pages serves the root copy for every missing URL.
        sections = {s.attributes["lang"]: s for s in tree.css(".site-404__lang")}
        assert set(sections) == set(titles)
        for locale, section in sections.items():
            assert titles[locale] in section.text()
            link = section.css_first("a").attributes["href"]
            assert link.startswith(SUBPATH), f"404 links must work under the site's subpath: {link}"


def test_nothing_is_loaded_from_another_host(built_site, site_config):
    problems = third_party.check(model(site=built_site))
    assert not problems, "\n".join(map(str, problems))


def test_third_party_check_catches_an_external_image(tmp_path, site_config):
    """The check above must be able to fail: a page with a remote image, font and script."""
    (tmp_path / "index.html").write_text(
        '<html><head><link rel="stylesheet" href="https://fonts.googleapis.com/css?family=Roboto">'
        '<link rel="canonical" href="https://example.org/"><script src="x.js"></script></head>'
        '<body><img src="https://cdn.example.com/a.png" alt="a"><a href="https://lovdata.no/">ok</a></body></html>',
        encoding="utf-8",
    )
    (tmp_path / "x.js").write_text('load("https://unpkg.com/thing.js")', encoding="utf-8")
    (tmp_path / "a.css").write_text("@font-face{src:url(https://fonts.gstatic.com/x.woff2)}", encoding="utf-8")
    found = sorted(
        p.message.split(" from another host")[0].split(" on another host")[0]
        for p in third_party.check(model(site=tmp_path))
    )
    assert found == [
        "<img src> loads https://cdn.example.com/a.png",
        "<link href> loads https://fonts.googleapis.com/css?family=Roboto",
        "CSS loads https://fonts.gstatic.com/x.woff2",
        "JavaScript refers to https://unpkg.com/thing.js",
    ]


def test_site_works_under_a_subpath(built_site):
    """Every root-relative URL in the build carries the configured subpath."""
    for page in html_pages(built_site):
        for match in re.finditer(r'(?:href|src)="(/[^"]*)"', page.read_text(encoding="utf-8")):
            assert match.group(1).startswith(SUBPATH), f"{page}: {match.group(1)} ignores the subpath"


def test_strict_build_has_no_warnings(build_log):
    assert "WARNING" not in build_log and "ERROR" not in build_log, build_log


def test_the_offers_assets_load_only_where_the_directory_is(built_site):
    with_directory, without = 0, 0
    for page in content_pages(built_site):
        html = page.read_text(encoding="utf-8")
        has_directory = "data-offers-filter" in html
        loads = "assets/stylesheets/offers.css" in html and "assets/javascripts/offers-filter.js" in html
        assert loads == has_directory, page
        with_directory += has_directory
        without += not has_directory
    assert with_directory == 4 and without > 40  # one directory page per language


def test_source_titles_in_norwegian_carry_lang_nb_on_other_languages(built_site):
    marked = unmarked = 0
    for page in content_pages(built_site / "ar") + content_pages(built_site / "en"):
        for link in parse(page).css(".site-sources a"):
            if link.attributes.get("lang") == "nb":
                marked += 1
            else:
                unmarked += 1
    assert marked and unmarked  # Norwegian titles kept as they are, others translated
    for page in content_pages(built_site):
        if page.relative_to(built_site).parts[0] in ("en", "ar", "so"):
            continue
        assert not parse(page).css(".site-sources a[lang]"), page  # Norwegian pages: the page's own language
