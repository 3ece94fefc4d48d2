"""Mistakes a new editor makes, one at a time, on a copy of a small site.

Each must end in an error that names the file (and a line where there is
one), and none may end in a traceback. A few are also built for real with
`mkdocs build --strict`, which must fail with the same kind of message."""

from __future__ import annotations

import pytest

from tests.checks.test_urls import build, make_site
from tests.helpers import problems

PAGE = "docs/nb/side/index.md"


def edit(old: str, new: str, count: int = 1):
    def apply(site):
        path = site / PAGE
        text = path.read_text(encoding="utf-8")
        assert old in text, old
        path.write_text(text.replace(old, new, count), encoding="utf-8")

    return apply


def write(path: str, content: bytes):
    def apply(site):
        (site / path).parent.mkdir(parents=True, exist_ok=True)
        (site / path).write_bytes(content)

    return apply


MISTAKES = {
    "not utf-8": write(PAGE, "---\ntitle: Side\n---\n# Pårørende\n".encode("latin-1")),
    "impossible month": edit("last_reviewed: ", "last_reviewed: 2026-13-01 #"),
    "impossible day": edit("last_reviewed: ", "last_reviewed: 2026-11-31 #"),
    "a list as title": edit("title: Side", "title: [Side, To]"),
    "no as time_sensitive": edit("time_sensitive: false", "time_sensitive: no way"),
    "missing closing ---": edit("\n---\n\n# Side", "\n\n# Side"),
    "tab in front matter": edit("  - title: Kilde", "\t- title: Kilde"),
    "unclosed quote": edit("title: Side", 'title: "Side'),
    "http source": edit("url: https://example.org/kilde", "url: http://example.org/kilde"),
    "source url without host": edit("url: https://example.org/kilde", "url: https://"),
    "list after paragraph": edit("Alle kan få hjelp.", "Alle kan få hjelp:\n- ringe\n- skrive"),
    "nested list by 2 spaces": edit("Alle kan få hjelp.", "- ett\n  - to"),
    "unknown box": edit("Alle kan få hjelp.", '!!! advarsel "Viktig"\n    Tekst.'),
    "box text not indented": edit("Alle kan få hjelp.", '!!! warning "Viktig"\nTekst.'),
    "heading skips a level": edit("## Hvem kan få hjelp {#hvem}", "#### Hvem kan få hjelp {#hvem}"),
    "--- under a paragraph": edit("Dette er en kort side.", "Dette er en kort side.\n---"),
    "unclosed comment": edit("Dette er en kort side.", "<!-- husk\nDette er en kort side."),
    "merge conflict": edit("Alle kan få hjelp.", "<<<<<<< HEAD\nAlle kan få hjelp.\n=======\nAlle.\n>>>>>>> main"),
    "link without )": edit("Alle kan få hjelp.", "Se [NAV](https://www.nav.no/."),
    "footnote": edit("Alle kan få hjelp.", "Alle kan få hjelp[^1]."),
    "table row cells": edit("Alle kan få hjelp.", "| A | B |\n|---|---|\n| 1 |"),
    "link to a missing page": edit("Alle kan få hjelp.", "Se [siden](../finnes-ikke/index.md)."),
    "link to a missing heading": edit("Alle kan få hjelp.", "Se [her](#ingen)."),
    "script": edit("Alle kan få hjelp.", "<script>alert(1)</script>"),
    "onclick in an attribute list": edit("Alle kan få hjelp.", '[x](https://a.no){ onclick="alert(1)" }'),
    "javascript link": edit("Alle kan få hjelp.", "[x](javascript:alert(1))"),
    "heading without id": edit("## Hvem kan få hjelp {#hvem}", "## Hvem kan få hjelp"),
    "two main headings": edit("## Hvem kan få hjelp {#hvem}", "# Hvem kan få hjelp"),
    "invisible character": edit("Alle kan", "Alle\u200b kan"),
    "unknown language folder": write("docs/sv/side/index.md", b"---\ntitle: Sida\n---\n# Sida\n"),
    "page outside a language": write("docs/side.md", b"---\ntitle: Side\n---\n# Side\n"),
    "capitals and spaces in a folder": write("docs/nb/Min Side/index.md", b"---\ntitle: Side\n---\n# Side\n"),
    "page not in the menu": write("docs/nb/ny/index.md", (b"---\ntitle: Ny\n---\n# Ny\n")),
    "renamed page without redirect": lambda site: (site / "docs/nb/side").rename(site / "docs/nb/ny-side"),
    "redirects.yml broken": write("data/redirects.yml", b"side/index.md: [\n"),
}


@pytest.mark.parametrize("name", sorted(MISTAKES))
def test_every_mistake_gives_an_error_that_names_the_file(tmp_path, name):
    site = make_site(tmp_path)
    MISTAKES[name](site)
    errors = [p for p in problems(site) if p.is_error]
    assert errors, f"{name}: no error"
    assert all(p.path and not p.path.startswith("site/") for p in errors), [str(p) for p in errors]
    assert all(". " in p.message or p.message.endswith(".") for p in errors), "each message says what to do"


@pytest.mark.parametrize(
    "name", ["not utf-8", "impossible day", "missing closing ---", "unknown box", "javascript link"]
)
def test_a_real_build_fails_with_a_message_and_no_traceback(tmp_path, name):
    site = make_site(tmp_path)
    MISTAKES[name](site)
    result = build(site)
    log = result.stdout + result.stderr
    assert result.returncode != 0, log
    assert "Traceback" not in log
    assert f"ERROR   -  {PAGE}:" in log, log
