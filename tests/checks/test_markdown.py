"""Markdown that would not render as the editor meant: one page in memory per
mistake, and the exact line and message the editor sees. A page that renders
as meant gives no message."""

from __future__ import annotations

import pytest

from scripts.checks import markdown
from tests.helpers import memory_model

FRONT = "---\ntitle: T\n---\n"  # so the body starts on line 4


def problems(body: str) -> list[str]:
    model = memory_model({("nb", "side/index.md"): FRONT + body})
    return [str(p).removeprefix("docs/nb/side/index.md:") for p in markdown.check(model)]


@pytest.mark.parametrize(
    "body, line, words",
    [
        ("# T\n\nDu kan:\n- ringe\n- skrive\n", 7, "this list starts right after a line of text"),
        ("# T\n\n- ett\n  - to\n", 7, "indented by 2 space(s); the site needs 4"),
        ("# T\n\n- ett\n\t- to\n", 7, "starts with a tab"),
        ('# T\n\n!!! warning "Viktig"\n  Tekst.\n', 7, "indented by 2 space(s) under the box on line 6"),
        ('# T\n\n!!! warning "Viktig"\n\nTekst.\n', 6, "this box has no text under it"),
        ('# T\n\n!!! advarsel "Viktig"\n    Tekst.\n', 6, "'advarsel' is not a kind of box the site knows"),
        ("# T\n\n## A {#a}\n\n#### B {#b}\n", 8, "level 4 (####) right after a level 2 heading"),
        ("# T\n\nEn tekst\n---\n", 7, "a line of --- (or ===) right under a line of text"),
        ("# T\n\n<!-- husk å\n\nTekst.\n", 6, "never closed"),
        ("# T\n\n<<<<<<< HEAD\nA\n=======\nB\n>>>>>>> main\n", 6, "merge-conflict marker"),
        ("# T\n\nSe [NAV](https://www.nav.no/ for mer.\n", 6, "missing its closing ')'"),
        ("# T\n\nDette gjelder[^1].\n", 6, "footnotes ([^1]) are not shown"),
        ("# T\n\n| A | B |\n|---|---|\n| 1 | 2 | 3 |\n", 8, "this table row has 3 cells but the header (line 6) has 2"),
    ],
)
def test_each_mistake_gives_one_message_at_its_line(body, line, words):
    found = problems(body)
    assert len(found) == 1, found
    assert found[0].startswith(f"{line}: ") and words in found[0], found


def test_markdown_that_renders_as_meant_passes():
    body = (
        "# T\n\nDu kan:\n\n- ringe\n- skrive\n    - nestet med 4\n\n1. først\n2. så\n\n"
        '!!! note "Merk"\n\n    Tekst i boksen.\n\n## A {#a}\n\n### B {#b}\n\n## C {#c}\n\n'
        "Tekst\n\n---\n\n| A | B |\n|---|---|\n| 1 | 2 |\n\n<!-- en merknad -->\n\n"
        "```\n- [x](\n## ikke en overskrift\n```\n\n[NAV (Arbeids- og velferdsforvaltningen)](https://www.nav.no/)\n"
    )
    assert problems(body) == []
