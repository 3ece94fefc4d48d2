"""The review logs in data/claims/: what the next reviewer needs is there."""

from __future__ import annotations

from tests.checks.test_urls import make_site
from tests.helpers import problems

GOOD = """page: side/index.md
claims:
  - claim: "Alle kan få hjelp."
    provision: ""
    source: https://example.org/kilde
    source_says: "Alle kan få hjelp."
    checked: 2026-11-30
    result: confirmed
  - claim: "Et tall som er fjernet."
    source_says: "Kilden sier noe annet."
    checked: 2026-11-30
    result: removed
"""


def test_a_complete_log_passes_and_a_page_without_one_is_named(tmp_path):
    site = make_site(tmp_path)
    (site / "data/claims").mkdir()
    (site / "data/claims/side.yml").write_text(GOOD, encoding="utf-8")
    found = [str(p) for p in problems(site, "claims")]
    assert len(found) == 1 and found[0].startswith("docs/nb/index.md:") and "no review log" in found[0]


def test_each_gap_in_a_log_is_named_by_line(tmp_path):
    site = make_site(tmp_path)
    (site / "data/claims").mkdir()
    bad = (
        GOOD.replace("page: side/index.md", "page: borte/index.md")
        .replace("source: https://example.org/kilde", "source: http://example.org")
        .replace("checked: 2026-11-30\n    result: confirmed", "checked: 2027-05-01\n    result: sure")
    )
    (site / "data/claims/side.yml").write_text(bad, encoding="utf-8")
    found = {p.line: p.message for p in problems(site, "claims") if p.path == "data/claims/side.yml"}
    assert "'page: borte/index.md' is not a Norwegian page" in found[1]
    assert "must be a complete https:// address" in found[5]
    assert "must be the real day the source was read" in found[7]
    assert "must be one of: confirmed, corrected, removed, unresolved" in found[8]
