"""What readers are told about a translation (scripts/render/notices.py and the
templates): a reviewed translation says so, in its language, until the
Norwegian page changes again."""

from __future__ import annotations

import re

from scripts.model.config import load_config
from scripts.render import notices
from scripts.render.stamp import stamp
from tests.checks.test_urls import build, make_site
from tests.helpers import memory_model
from tests.render.test_changes import TRANSLATION

NB = "---\ntitle: Side\n---\n# Side\n\nTekst.\n"


def _meta(status: str, extra: str = "", nb: str = NB) -> dict:
    model = memory_model({("nb", "side/index.md"): NB})
    source_hash = model.pages.page("nb", "side/index.md").content_hash
    model = memory_model(
        {
            ("nb", "side/index.md"): nb,
            ("en", "side/index.md"): (
                f"---\ntitle: Page\ntranslation:\n  status: {status}\n  source_hash: {source_hash}\n{extra}---\n"
                "# Page\n\nText.\n"
            ),
        }
    )
    return notices.translation_meta(model.pages, "en", "side/index.md", "en")


def test_a_reviewed_translation_carries_its_review_day():
    meta = _meta("reviewed", '  reviewed_by: "Tolk, Somalisk forening"\n  reviewed_on: 2026-11-20\n')
    assert meta["translation_reviewed"] == "2026-11-20"
    assert meta["translation_state"] == "reviewed"
    assert not meta["machine_translation"] and meta["i18n_notice"] is None


def test_a_reviewed_translation_is_outdated_after_the_next_norwegian_edit():
    meta = _meta("reviewed", "  reviewed_by: Tolk\n  reviewed_on: 2026-11-20\n", nb=NB.replace("Tekst.", "Ny tekst."))
    assert meta["translation_reviewed"] is None
    assert meta["translation_state"] == "outdated" and meta["i18n_notice"] == "outdated"


def test_a_machine_translation_stays_machine():
    meta = _meta("machine")
    assert meta["machine_translation"] and meta["translation_state"] == "machine"
    assert meta["translation_reviewed"] is None


def _reviewed(html: str) -> bool:
    return 'data-notice="reviewed"' in html and 'data-translation="reviewed"' in html


def test_the_built_page_shows_the_review_in_its_language_until_the_norwegian_page_changes(tmp_path):
    root = make_site(tmp_path)
    page = root / "docs" / "en" / "side" / "index.md"
    page.parent.mkdir(parents=True)
    text = TRANSLATION.format(locale="en").replace(
        "  status: machine\n",
        '  status: reviewed\n  reviewed_by: "Tolk, Somalisk forening"\n  reviewed_on: 2026-11-20\n',
    )
    page.write_text(text, encoding="utf-8")
    stamp(load_config(root), page)

    result = build(root)
    assert result.returncode == 0, result.stdout + result.stderr
    built = (root / "site" / "en" / "side" / "index.html").read_text(encoding="utf-8")
    assert _reviewed(built), built
    assert re.search(r"Checked by a qualified translator: <time datetime=\"2026-11-20\"[^>]*>20 November 2026", built)
    assert 'data-notice="machine"' not in built and 'data-notice="outdated"' not in built
    # The other languages have no translation: the Norwegian text with a notice, no review.
    assert not _reviewed((root / "site" / "so" / "side" / "index.html").read_text(encoding="utf-8"))

    source = root / "docs" / "nb" / "side" / "index.md"
    source.write_text(source.read_text(encoding="utf-8").replace("Alle kan", "Alle kan ofte"), encoding="utf-8")
    result = build(root)
    assert result.returncode == 0, result.stdout + result.stderr
    built = (root / "site" / "en" / "side" / "index.html").read_text(encoding="utf-8")
    assert not _reviewed(built)
    assert 'data-notice="outdated"' in built and 'data-translation="outdated"' in built
