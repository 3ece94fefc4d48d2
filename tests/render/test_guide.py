"""The guide's HTML (scripts/render/guide.py) without a build."""

from __future__ import annotations

from scripts.render import guide as guide_render
from tests.helpers import model

SHELL = """<!doctype html><html lang="ar" dir="rtl"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'self'">
<title>Veiviser - Site</title><link rel="canonical" href="https://example.org/x/ar/veiviser/">
<link href="../../assets/site.css" rel="stylesheet"></head><body><a href="../">Home</a><a href="#top">Top</a>
<a href="https://nav.no/">NAV</a><article>START</article></body></html>"""


def shell(site) -> str:
    region = guide_render.render_step(site.guide, [], "ar", "nb", "rtl", {})
    return SHELL.replace("START", region)


def test_relative_addresses_go_one_folder_deeper_per_answer():
    html = guide_render.deeper('<a href="../x/">x</a><a href="#y">y</a><img src="a.svg"><a href="https://n.no/">', 2)
    assert html == '<a href="../../../x/">x</a><a href="#y">y</a><img src="../../a.svg"><a href="https://n.no/">'


def test_the_start_has_the_first_question_as_links_and_the_whole_guide_hidden():
    site = model()
    region = guide_render.render_step(site.guide, [], "nb", "nb", "ltr", {})
    assert 'href="barn/"' in region and 'href="voksen/"' in region
    assert "<fieldset" in region and "data-guide-app hidden" in region
    assert region.count("data-guide-item") == len(site.guide.items)  # nb: no Norwegian copy


def test_a_step_page_for_every_step_with_its_address_title_and_policy():
    site = model()
    pages = guide_render.step_pages(site.guide, shell(site), "ar", "nb", "rtl", {"tolk/index.md": "المترجم"})
    assert sorted(pages) == sorted(site.guide.addresses())
    page = pages["veiviser/voksen/ja/under-67/"]
    assert '<link rel="canonical" href="https://example.org/x/ar/veiviser/voksen/ja/under-67/">' in page
    assert 'href="../../../../../assets/site.css"' in page
    assert page.count("Content-Security-Policy") == 1
    assert 'href="../../../../tolk/#rett-til-tolk">' in page  # veiviser/ + 3 answers deep
    # The reader's list, then the same list in Norwegian for the case worker.
    assert '<section class="guide-nb" lang="nb" dir="ltr"' in page
    assert page.index("المترجم") < page.index("Snakker eller forstår du eller den du hjelper lite norsk")
    assert "<fieldset" not in page


def test_a_missing_translation_falls_back_to_norwegian_marked_as_such():
    site = model()
    question = site.guide.questions[0]
    del question.text["so"]
    region = guide_render.render_step(site.guide, [], "so", "nb", "ltr", {})
    assert f'<span lang="nb">{question.text["nb"]}</span>' in region
