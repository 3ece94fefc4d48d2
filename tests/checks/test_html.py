"""Nothing unsafe reaches a reader: a page with hostile front matter and HTML
that slips past a look at the Markdown is built for real; the build fails,
names each source line once, and the front matter is escaped wherever shown."""

from __future__ import annotations

import pytest
from selectolax.lexbor import LexborHTMLParser

from scripts.checks.html import element_problems
from scripts.model.built import Element
from tests.checks.test_urls import build, make_site

HOSTILE_BODY = """
<a href="jav&#x61;script:alert(1)">lenke</a>

[klikk](https://example.org/){ onclick="alert(1)" }

<object data="x.swf"></object>

<img src="data:image/svg+xml;base64,PHN2Zz4=" alt="bilde">

<p>Trygg <abbr title="Arbeids- og velferdsforvaltningen">NAV</abbr>.</p>
"""


@pytest.fixture(scope="module")
def hostile(tmp_path_factory):
    site = make_site(tmp_path_factory.mktemp("hostile"))
    page = site / "docs/nb/side/index.md"
    text = page.read_text(encoding="utf-8")
    text = text.replace("title: ", "title: '<script>alert(1)</script> \"q\"' # ", 1)
    text = text.replace("  - title: Kilde\n", "  - title: '<img src=x onerror=alert(2)>'\n", 1)
    page.write_text(text + HOSTILE_BODY, encoding="utf-8")
    result = build(site)
    lines = {
        n
        for n, line in enumerate((text + HOSTILE_BODY).split("\n"), start=1)
        if line.startswith(("<a", "[k", "<o", "<img"))
    }
    return site, result.returncode, result.stdout + result.stderr, sorted(lines)


def test_each_unsafe_thing_fails_the_build_once_at_its_line(hostile):
    site, code, log, lines = hostile
    assert code != 0
    errors = [line for line in log.splitlines() if line.startswith("ERROR") and "docs/nb/side/index.md" in line]
    found = sorted(int(line.split("docs/nb/side/index.md:")[1].split(":")[0]) for line in errors)
    assert found == lines, log
    assert "a javascript: address in href=" in log and "the attribute onclick= (a script)" in log
    assert "the element <object>" in log and "a data: address in src=" in log
    assert "Traceback" not in log


def test_front_matter_is_escaped_wherever_it_is_shown(hostile):
    site = hostile[0]
    for path in ("site/side/index.html", "site/index.html", "site/en/side/index.html"):
        html = (site / path).read_text(encoding="utf-8")
        assert "<script>alert(1)" not in html and "onerror=alert" not in html.replace("onerror=alert(2)&gt;", "")
    page = LexborHTMLParser((site / "site/side/index.html").read_text(encoding="utf-8"))
    assert page.css_first("title").text().startswith('<script>alert(1)</script> "q"')  # shown as text
    assert page.css_first(".site-sources a").text() == "<img src=x onerror=alert(2)>"
    assert not page.css("article script:not([type])")


def test_every_built_page_has_its_policy_first_in_head(hostile):
    site = hostile[0]
    pages = sorted((site / "site").rglob("*.html"))
    assert pages
    for path in pages:
        head = LexborHTMLParser(path.read_text(encoding="utf-8")).head
        first = [node for node in head.iter() if node.tag in ("meta", "title", "script", "style", "link")][:2]
        assert first[0].attributes.get("charset") == "utf-8", path
        assert first[1].attributes.get("http-equiv") == "Content-Security-Policy", path
        policy = first[1].attributes["content"]
        assert "object-src 'none'" in policy and "base-uri 'self'" in policy and "form-action 'self'" in policy
        assert "'unsafe-inline'" not in policy.split("script-src")[1].split(";")[0]


@pytest.mark.parametrize(
    "tag, attributes, found",
    [
        ("a", (("href", " JaVa\tScRiPt:alert(1)"),), "a javascript: address in href="),
        ("a", (("ONCLICK", "x()"),), "the attribute ONCLICK= (a script)"),
        ("svg", (("onload", "x()"),), "the element <svg>"),
        ("iframe", (("src", "https://example.org"),), "the element <iframe>"),
        ("form", (("action", "https://example.org"),), "the element <form>"),
        ("p", (("style", "position:fixed"),), "the attribute style="),
    ],
)
def test_the_allowlist_refuses_every_spelling(tag, attributes, found):
    assert [what for what, _ in element_problems(Element(tag, attributes), with_offers=False)] == [found]


def test_the_offers_form_is_allowed_only_with_the_directory():
    form = Element("form", (("data-offers-filter", ""), ("class", "offers-filter")))
    assert element_problems(form, with_offers=True) == []
    assert element_problems(form, with_offers=False) != []
