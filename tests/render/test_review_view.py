"""The side-by-side review view (scripts/render/review_view.py, `python -m scripts review-view`)."""

from __future__ import annotations

import re

from scripts.model.pages import parse_page
from scripts.render import review_view
from tests.helpers import ROOT, cli

NB = """---
title: Side
---
# Side

Ring 22 40 00 40 <script>alert(x)</script> ![bilde](https://example.org/x.png)

## Rett til hjelp {#rett}

Etter pasientrettighetsloven § 3-5 har du rett. Se [lovdata](https://lovdata.no/lov/1999-07-02-63).

## Bare norsk {#bare-norsk}

Tekst.
"""
AR = """---
title: صفحة
translation:
  status: machine
  source_hash: 000000000000
---
# صفحة

اتصل بالرقم 22 40 00 40

## الحق في المساعدة {#rett}

وفقًا للقانون § 3-6 لك الحق. انظر [lovdata](https://lovdata.no/lov/1999-07-02-63).
"""


def _view() -> str:
    return review_view.render(
        parse_page("nb", "side/index.md", NB), parse_page("ar", "side/index.md", AR), state="machine", direction="rtl"
    )


def test_sections_are_aligned_by_heading_id_and_the_translation_is_right_to_left():
    page = _view()
    ids = re.findall(r'class="sid" id="s-([^"]*)"', page)
    assert ids == ["", "rett", "bare-norsk"]
    assert page.count('<td lang="ar" dir="rtl">') == 3
    assert "(no such section)" in page.split('id="s-bare-norsk"')[1]


def test_facts_are_highlighted_and_a_difference_is_marked_on_both_sides():
    page = _view()
    rett = page.split('id="s-rett"')[1].split('id="s-bare-norsk"')[0]
    assert '<mark class="differs" dir="ltr">§ 3-5</mark>' in rett
    assert '<mark class="differs" dir="ltr">§ 3-6</mark>' in rett
    assert '<mark dir="ltr">22 40 00 40</mark>' in page
    assert rett.count('class="link"') == 2  # the same source on both sides


def test_the_page_is_escaped_self_contained_and_needs_no_script():
    page = _view()
    assert "<script" not in page and "&lt;script&gt;alert(x)&lt;/script&gt;" in page
    assert "<img" not in page and "x.png" not in page
    assert "default-src 'none'" in page
    assert not re.search(r'(?:src|href)="(?!https?://lovdata|#)', page.replace('href="#"', ""))


def test_the_command_writes_one_file_or_a_folder_with_an_index(tmp_path):
    one = tmp_path / "review.html"
    result = cli("review-view", "docs/ar/tolk/index.md", "-o", one)
    assert result.returncode == 0, result.stderr
    assert 'lang="ar" dir="rtl"' in one.read_text(encoding="utf-8")
    result = cli("review-view", "-o", tmp_path / "all")
    assert result.returncode == 0, result.stderr
    index = (tmp_path / "all" / "index.html").read_text(encoding="utf-8")
    count = sum(1 for locale in ("en", "ar", "so") for _ in (ROOT / "docs" / locale).rglob("*.md"))
    assert index.count("<li>") == len(list((tmp_path / "all").glob("*--*.html"))) <= count
    assert cli("review-view", "docs/nb/tolk/index.md").returncode == 2
